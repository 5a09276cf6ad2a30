import type { ChatView } from '../view.js';
import type { PageConfig } from '../html.js';

export type Config = PageConfig;
export type Who = 'patient' | 'doctor' | 'duty' | 'manager' | 'admin';

export interface Toast {
  text: string;
  alert: boolean;
  url?: string;
  /** Shown once: a pane remembers the newest it showed. */
  revision?: number;
}

export type Chat = ChatView & { toasts: Toast[]; blocked: boolean };

export interface SmsView {
  id: number;
  phone: string;
  text: string;
  at: number;
}

export interface ClockView {
  now: number;
  offsetMs: number;
  nextConsultation: number | null;
}

export interface StateAnswer {
  revision: number;
  chats: Record<Who, Chat>;
  clock: ClockView;
  sms: SmsView[];
}

export type ClockMove = '15m' | '1h' | '1d' | 'next';
