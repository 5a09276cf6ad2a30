import type { ClockMove, StateAnswer, Who } from './types.js';

async function post(path: string, body: unknown): Promise<void> {
  const response = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!response.ok) {
    const answer = (await response.json().catch(() => ({}))) as { error?: string };
    throw new Error(answer.error ?? `HTTP ${response.status}`);
  }
}

export const api = {
  /** Waits (long poll) until the state is newer than `after`. */
  async state(after: number, signal?: AbortSignal): Promise<StateAnswer> {
    const response = await fetch(`/sandbox/api/state?after=${after}`, signal ? { signal } : {});
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return (await response.json()) as StateAnswer;
  },
  text: (who: Who, text: string, replyTo?: number) => post(`/sandbox/api/chats/${who}/text`, replyTo ? { text, replyTo } : { text }),
  contact: (who: Who) => post(`/sandbox/api/chats/${who}/contact`, {}),
  block: (who: Who, blocked: boolean) => post(`/sandbox/api/chats/${who}/block`, { blocked }),
  press: (who: Who, messageId: number, data: string) => post(`/sandbox/api/chats/${who}/callback`, { messageId, data }),
  moveClock: (move: ClockMove) => post('/sandbox/api/clock', { move }),
  async files(who: Who, files: File[], asPhoto: boolean, caption: string, replyTo?: number): Promise<void> {
    const form = new FormData();
    if (replyTo) form.append('replyTo', String(replyTo));
    for (const file of files) form.append('file', file, file.name);
    form.append('asPhoto', asPhoto ? '1' : '0');
    if (caption) form.append('caption', caption);
    const response = await fetch(`/sandbox/api/chats/${who}/files`, { method: 'POST', body: form });
    if (!response.ok) {
      const answer = (await response.json().catch(() => ({}))) as { error?: string };
      throw new Error(answer.error ?? `HTTP ${response.status}`);
    }
  },
  async launch(who: Who, url: string, via: 'menu' | 'inline' | 'keyboard'): Promise<{ path: string; initData: string | null }> {
    const response = await fetch('/sandbox/api/miniapp', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ who, url, via }) });
    const answer = (await response.json()) as { path: string; initData: string | null; error?: string };
    if (!response.ok) throw new Error(answer.error ?? `HTTP ${response.status}`);
    return answer;
  },
};
