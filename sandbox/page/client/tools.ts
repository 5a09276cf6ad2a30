import { api } from './api.js';
import { openLink } from './links.js';
import { T } from './texts.js';
import type { ClockMove, ClockView, Config, SmsView } from './types.js';

function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: Array<Node | string>): HTMLElementTagNameMap[K] {
  const el = Object.assign(document.createElement(tag), props);
  el.append(...children);
  return el;
}

// Doctors work in Moscow time; the sandbox's clock is shown in it, as the staff bot shows times.
const moscow = (ms: number) =>
  new Date(ms).toLocaleString('ru-RU', { timeZone: 'Europe/Moscow', weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }) + ' МСК';
const LINK = /https?:\/\/[^\s]+/g;

/**
 * The tools under the chats: the sandbox's clock (moved forward by the buttons; every part of the service follows
 * it) and the SMS the service sent, each shown whole with its link, which opens the patient's chat as the phone would.
 */
export class ToolsPane {
  private clock: ClockView | undefined;
  /** The browser's time when `clock` came: the shown time runs on between answers. */
  private clockAt = 0;
  private readonly time: HTMLElement;
  private readonly real: HTMLElement;
  private readonly next: HTMLButtonElement;
  private readonly status: HTMLElement;
  private readonly sms: HTMLElement;
  private smsShown = '';

  constructor(root: HTMLElement, private readonly config: Config) {
    this.time = h('strong', { className: 'clock-time' });
    this.real = h('small', { className: 'clock-real' });
    this.status = h('div', { className: 'clock-status', role: 'status' });
    const moves = (['15m', '1h', '1d'] as const).map((move) => this.moveButton(move));
    this.next = this.moveButton('next');
    const clock = h(
      'div',
      { className: 'tool clock' },
      h('div', { className: 'tool-title' }, T.clockTitle, h('small', { className: 'en' }, T.clockTitleEn)),
      h('div', { className: 'clock-now' }, this.time, this.real),
      h('div', { className: 'clock-moves' }, ...moves, this.next),
      h('small', { className: 'clock-hint' }, T.clockHint),
      this.status,
    );
    this.sms = h('ol', { className: 'sms-list', ariaLive: 'polite' });
    const sms = h('div', { className: 'tool sms', id: 'sms-panel' }, h('div', { className: 'tool-title' }, T.smsTitle, h('small', { className: 'en' }, T.smsHintEn)), h('small', { className: 'sms-hint' }, T.smsHint), this.sms);
    root.append(clock, sms);
    setInterval(() => this.drawTime(), 10_000);
  }

  render(clock: ClockView | undefined, sms: SmsView[] | undefined): void {
    if (clock) {
      this.clock = clock;
      this.clockAt = Date.now();
      this.next.disabled = clock.nextConsultation === null;
      this.next.title = clock.nextConsultation === null ? T.clockNextNone : moscow(clock.nextConsultation);
      this.drawTime();
    }
    this.drawSms(sms ?? []);
  }

  private moveButton(move: ClockMove): HTMLButtonElement {
    const button = h('button', { type: 'button', className: 'clock-move', textContent: T.clockMoves[move] });
    button.dataset.move = move;
    button.addEventListener('click', () => {
      this.status.textContent = '';
      api.moveClock(move).catch((error: unknown) => (this.status.textContent = `${T.failed}: ${error instanceof Error ? error.message : String(error)}`));
    });
    return button;
  }

  private drawTime(): void {
    if (!this.clock) return;
    const now = this.clock.now + (Date.now() - this.clockAt);
    this.time.textContent = moscow(now);
    this.real.textContent = this.clock.offsetMs > 0 ? ` · ${T.clockReal}: ${moscow(now - this.clock.offsetMs)}` : ` · ${T.clockReal}`;
  }

  private drawSms(list: SmsView[]): void {
    const key = list.map((m) => m.id).join(',');
    if (key === this.smsShown) return;
    this.smsShown = key;
    if (!list.length) {
      this.sms.replaceChildren(h('li', { className: 'sms-empty', textContent: T.smsEmpty }));
      return;
    }
    this.sms.replaceChildren(
      ...[...list].reverse().map((m) =>
        h('li', { className: 'sms-item' }, h('div', { className: 'sms-meta', textContent: `${T.smsTo(m.phone)} · ${moscow(m.at)}` }), h('div', { className: 'sms-text' }, ...this.linked(m.text))),
      ),
    );
  }

  /** The SMS's text with its links clickable: a t.me link to the sandbox's bot opens that chat and presses Start. */
  private linked(text: string): Array<Node | string> {
    const parts: Array<Node | string> = [];
    let at = 0;
    for (const match of text.matchAll(LINK)) {
      parts.push(text.slice(at, match.index));
      const url = match[0];
      const link = h('a', { href: url, textContent: url, className: 'sms-link' });
      link.addEventListener('click', (event) => {
        event.preventDefault();
        openLink(this.config, url);
      });
      parts.push(link);
      at = match.index + url.length;
    }
    parts.push(text.slice(at));
    return parts;
  }
}
