import type { ChatView } from '../view.js';
import type { PageConfig } from '../html.js';

export type Config = PageConfig;
export type Who = 'patient' | 'doctor' | 'duty';

export interface Toast {
  text: string;
  alert: boolean;
  url?: string;
  /** Shown once: a pane remembers the newest it showed. */
  revision?: number;
}

export type Chat = ChatView & { toasts: Toast[]; blocked: boolean };

export interface StateAnswer {
  revision: number;
  chats: Record<Who, Chat>;
}
