import type { InlineKeyboardButton, KeyboardButton } from 'grammy/types';
import type { ViewMessage } from '../view.js';
import { api } from './api.js';
import { renderText } from './entities.js';
import { openLink } from './links.js';
import { T } from './texts.js';
import type { Chat, Config, Toast, Who } from './types.js';

export interface ChatPaneOptions {
  root: HTMLElement;
  config: Config;
  title: string;
  titleEn: string;
  /** The accounts this pane can act as (the staff pane: the centre's doctor, the duty doctor, the manager, the admin). */
  accounts: Who[];
  launch(who: Who, url: string, via: 'menu' | 'inline' | 'keyboard'): void;
  /** Called when the pane switches account, so the page redraws it at once. */
  onSwitch(): void;
}

function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> & { dataset?: Record<string, string> } = {}, ...children: Array<Node | string>): HTMLElementTagNameMap[K] {
  const { dataset, ...rest } = props;
  const el = Object.assign(document.createElement(tag), rest);
  if (dataset) Object.assign(el.dataset, dataset);
  el.append(...children);
  return el;
}

const time = (seconds: number) => new Date(seconds * 1000).toLocaleTimeString('ru-RU', { hour: '2-digit', minute: '2-digit' });

/** One chat as a Telegram client shows it: messages, inline and reply keyboards, the menu button, a composer. */
export class ChatPane {
  who: Who;
  private chat: Chat | undefined;
  private readonly list: HTMLElement;
  private readonly keyboard: HTMLElement;
  private readonly status: HTMLElement;
  private readonly menu: HTMLButtonElement;
  private readonly input: HTMLTextAreaElement;
  private readonly files: HTMLInputElement;
  private readonly asPhoto: HTMLInputElement;
  private readonly toasts: HTMLElement;
  private readonly commands: HTMLElement;
  private toastsShown = 0;
  /** The message the next one answers (Telegram's Reply), if the person chose one. */
  private replyTo: ViewMessage | undefined;
  private readonly replyBar: HTMLElement;
  private readonly blockButton: HTMLButtonElement;
  private readonly blockedBar: HTMLElement;
  private readonly composer: HTMLElement;
  private readonly me: HTMLElement;
  /**
   * Whether the reader is at the newest message: kept from their own scrolling, not measured at each render, since a
   * photo that loads after a render grows the list and would otherwise leave the reader "not at the bottom" for good.
   */
  private stickToBottom = true;

  constructor(private readonly opts: ChatPaneOptions) {
    this.who = opts.accounts[0]!;
    const { root } = opts;
    this.status = h('div', { className: 'chat-status' });
    this.me = h('div', { className: 'chat-me' });
    this.blockButton = h('button', { className: 'block-button', type: 'button', textContent: T.block });
    this.blockButton.addEventListener('click', () => void this.send(() => api.block(this.who, !this.chat?.blocked)));
    const header = h('header', { className: 'chat-header' }, h('div', { className: 'chat-title' }, opts.title, h('small', { className: 'en' }, opts.titleEn), this.me), this.status, this.blockButton);
    if (opts.accounts.length > 1) {
      const select = h('select', { className: 'account', ariaLabel: T.staffAs });
      for (const who of opts.accounts) select.append(h('option', { value: who, textContent: T.who[who] ?? who }));
      select.addEventListener('change', () => {
        this.who = select.value as Who;
        this.stickToBottom = true;
        this.setReply(undefined);
        opts.onSwitch();
      });
      header.append(h('label', { className: 'account-label' }, T.staffAs, select));
    }
    this.list = h('div', { className: 'messages', role: 'log' });
    this.list.addEventListener('scroll', () => (this.stickToBottom = this.list.scrollHeight - this.list.scrollTop - this.list.clientHeight < 40));
    this.toasts = h('div', { className: 'toasts', ariaLive: 'polite' });
    this.keyboard = h('div', { className: 'reply-keyboard' });
    this.commands = h('div', { className: 'commands', hidden: true });
    this.menu = h('button', { className: 'menu-button', type: 'button' });
    this.menu.addEventListener('click', () => this.pressMenu());
    this.files = h('input', { type: 'file', multiple: true, hidden: true, accept: 'image/*,application/pdf,*/*' });
    this.files.addEventListener('change', () => void this.sendFiles());
    const attach = h('button', { className: 'attach', type: 'button', title: T.attach, ariaLabel: T.attach, textContent: '📎' });
    attach.addEventListener('click', () => this.files.click());
    this.asPhoto = h('input', { type: 'checkbox', checked: true });
    this.input = h('textarea', { className: 'composer-input', rows: 1, placeholder: T.placeholder });
    this.input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && !e.shiftKey) {
        e.preventDefault();
        void this.sendText();
      }
    });
    const send = h('button', { className: 'send', type: 'button', textContent: '➤', title: T.send, ariaLabel: T.send });
    send.addEventListener('click', () => void this.sendText());
    const composer = h('div', { className: 'composer' }, this.menu, attach, this.input, send, this.files);
    this.composer = composer;
    this.replyBar = h('div', { className: 'reply-bar', hidden: true });
    const unblock = h('button', { type: 'button', className: 'unblock', textContent: T.unblock });
    unblock.addEventListener('click', () => void this.send(() => api.block(this.who, false)));
    this.blockedBar = h('div', { className: 'blocked-bar', hidden: true }, T.blockedNotice, unblock);
    const options = h('label', { className: 'composer-options' }, this.asPhoto, ` ${T.asPhoto}`);
    root.append(header, h('div', { className: 'chat-body' }, this.list, this.toasts), this.commands, this.keyboard, this.replyBar, this.blockedBar, composer, options);
  }

  render(chat: Chat): void {
    this.chat = chat;
    this.status.textContent = chat.action ? `@${chat.bot.username} ${T.typing(chat.action)}` : `@${chat.bot.username}`;
    this.list.replaceChildren(...(chat.messages.length ? chat.messages.map((m) => this.message(m)) : [this.emptyChat()]));
    this.renderKeyboard();
    this.blockButton.textContent = chat.blocked ? T.unblock : T.block;
    const person = this.opts.config.people[this.who];
    this.me.textContent = person ? `${T.you}: ${[person.first_name, person.last_name].filter(Boolean).join(' ')}${person.username ? ` (@${person.username})` : ''}` : '';
    this.blockedBar.hidden = !chat.blocked;
    this.composer.hidden = chat.blocked;
    this.keyboard.hidden = chat.blocked;
    const menu = chat.menuButton;
    this.menu.textContent = menu.type === 'web_app' ? menu.text : '☰';
    this.menu.title = menu.type === 'web_app' ? menu.text : T.commands;
    this.menu.classList.toggle('web-app', menu.type === 'web_app');
    for (const toast of chat.toasts) {
      if (toast.revision !== undefined && toast.revision <= this.toastsShown) continue;
      this.toastsShown = Math.max(this.toastsShown, toast.revision ?? 0);
      this.toast(toast);
    }
    // After the keyboard and bars took their height: the list's own height is final for now.
    this.followNewest();
  }

  private followNewest(): void {
    if (this.stickToBottom) this.list.scrollTop = this.list.scrollHeight;
  }

  private emptyChat(): HTMLElement {
    const start = h('button', { className: 'start-button', type: 'button', textContent: T.start });
    start.addEventListener('click', () => void this.send(() => api.text(this.who, '/start')));
    return h('div', { className: 'empty' }, T.empty, h('br'), start);
  }

  private message(m: ViewMessage): HTMLElement {
    const bubble = h('div', { className: `msg ${m.fromBot ? 'in' : 'out'}`, dataset: { messageId: String(m.id) } });
    const reply = h('button', { className: 'reply-action', type: 'button', textContent: '↩', title: T.reply, ariaLabel: T.reply });
    reply.addEventListener('click', () => this.setReply(m));
    bubble.append(reply);
    if (m.forwarded) bubble.append(h('div', { className: 'forwarded', textContent: T.forwarded }));
    if (m.replyTo) bubble.append(h('div', { className: 'quote', textContent: m.replyTo.text.slice(0, 120) || '…' }));
    if (m.photo) {
      const img = h('img', { className: 'photo', src: `/sandbox/api/files/${encodeURIComponent(m.photo.fileId)}`, alt: 'photo' });
      // The photo's box is reserved before it loads, and a load that still grows the list keeps the newest in view.
      img.width = Math.min(260, m.photo.width);
      if (m.photo.width > 0) img.height = Math.round((m.photo.height * img.width) / m.photo.width);
      img.addEventListener('load', () => this.followNewest());
      bubble.append(h('a', { href: img.src, target: '_blank', rel: 'noopener' }, img));
    }
    if (m.document) {
      bubble.append(
        h('a', { className: 'document', href: `/sandbox/api/files/${encodeURIComponent(m.document.fileId)}`, target: '_blank', rel: 'noopener' },
          h('span', { className: 'doc-icon', textContent: m.document.mime === 'application/pdf' ? 'PDF' : '📄' }),
          h('span', { className: 'doc-name', textContent: m.document.name }),
          h('small', { textContent: T.size(m.document.size) }),
        ),
      );
    }
    if (m.contact) bubble.append(h('div', { className: 'contact' }, `👤 ${T.contact}: ${m.contact.name}, +${m.contact.phone}`));
    if (m.text) bubble.append(h('div', { className: 'text' }, renderText(this.opts.config, m.text, m.entities)));
    bubble.append(h('div', { className: 'meta', textContent: `${m.edited ? `${T.edited} ` : ''}${time(m.date)}` }));
    if (!m.inline) return bubble;
    const rows = h('div', { className: 'inline-keyboard' });
    for (const row of m.inline) rows.append(h('div', { className: 'row' }, ...row.map((b) => this.inlineButton(m.id, b))));
    return h('div', { className: 'msg-with-keyboard' }, bubble, rows);
  }

  private inlineButton(messageId: number, b: InlineKeyboardButton): HTMLButtonElement {
    const button = h('button', { className: 'inline-btn', type: 'button', textContent: b.text });
    if ('callback_data' in b) button.addEventListener('click', () => void this.send(() => api.press(this.who, messageId, b.callback_data)));
    else if ('url' in b) {
      button.textContent = `${b.text} ↗`;
      button.addEventListener('click', () => openLink(this.opts.config, b.url));
    } else if ('web_app' in b && b.web_app) {
      const url = b.web_app.url;
      button.addEventListener('click', () => this.opts.launch(this.who, url, 'inline'));
    } else if ('copy_text' in b) button.addEventListener('click', () => void navigator.clipboard.writeText(b.copy_text.text));
    else {
      button.disabled = true;
      button.title = T.unsupported;
    }
    return button;
  }

  private renderKeyboard(): void {
    const kb = this.chat?.keyboard;
    this.keyboard.replaceChildren();
    this.input.placeholder = kb?.placeholder ?? T.placeholder;
    if (!kb) return;
    for (const row of kb.rows) this.keyboard.append(h('div', { className: 'row' }, ...row.map((b) => this.keyboardButton(b))));
  }

  private keyboardButton(raw: KeyboardButton): HTMLButtonElement {
    const b = typeof raw === 'string' ? { text: raw } : raw;
    const button = h('button', { className: 'kb-btn', type: 'button', textContent: b.text });
    if ('request_contact' in b && b.request_contact) {
      button.classList.add('request-contact');
      button.addEventListener('click', () => {
        if (window.confirm(T.shareContactConfirm(this.chat?.bot.username ?? ''))) void this.send(() => api.contact(this.who));
      });
    } else if ('web_app' in b && b.web_app) {
      const url = (b.web_app as { url: string }).url;
      button.addEventListener('click', () => this.opts.launch(this.who, url, 'keyboard'));
    } else if (Object.keys(b).some((k) => k.startsWith('request_'))) {
      button.disabled = true;
      button.title = T.unsupported;
    } else button.addEventListener('click', () => void this.send(() => api.text(this.who, b.text)));
    return button;
  }

  private pressMenu(): void {
    const menu = this.chat?.menuButton;
    if (menu?.type === 'web_app') return this.opts.launch(this.who, menu.web_app.url, 'menu');
    const commands = this.chat?.commands ?? [];
    this.commands.hidden = !this.commands.hidden || commands.length === 0;
    this.commands.replaceChildren(
      ...commands.map((c) => {
        const item = h('button', { className: 'command', type: 'button' }, h('b', { textContent: `/${c.command}` }), ` ${c.description}`);
        item.addEventListener('click', () => {
          this.commands.hidden = true;
          void this.send(() => api.text(this.who, `/${c.command}`));
        });
        return item;
      }),
    );
  }

  private setReply(m: ViewMessage | undefined): void {
    this.replyTo = m;
    this.replyBar.hidden = !m;
    if (!m) return this.replyBar.replaceChildren();
    const cancel = h('button', { type: 'button', className: 'reply-cancel', textContent: '✕', ariaLabel: T.cancel });
    cancel.addEventListener('click', () => this.setReply(undefined));
    this.replyBar.replaceChildren(h('span', { className: 'reply-label' }, `${T.replyTo}: `, h('q', { textContent: (m.text ?? (m.photo ? '📷' : m.document?.name ?? '')).slice(0, 80) })), cancel);
    this.input.focus();
  }

  private async sendText(): Promise<void> {
    const text = this.input.value;
    if (!text.trim()) return;
    const replyTo = this.replyTo?.id;
    this.input.value = '';
    this.setReply(undefined);
    await this.send(() => api.text(this.who, text, replyTo), () => (this.input.value = text));
  }

  private async sendFiles(): Promise<void> {
    const files = [...(this.files.files ?? [])];
    this.files.value = '';
    if (!files.length) return;
    const caption = this.input.value.trim();
    const replyTo = this.replyTo?.id;
    this.input.value = '';
    this.setReply(undefined);
    await this.send(() => api.files(this.who, files, this.asPhoto.checked, caption, replyTo));
  }

  private async send(act: () => Promise<void>, undo?: () => void): Promise<void> {
    try {
      await act();
    } catch (error) {
      undo?.();
      this.toast({ text: `${T.failed}: ${error instanceof Error ? error.message : String(error)}`, alert: false });
    }
  }

  toast(toast: Toast): void {
    if (toast.url) openLink(this.opts.config, toast.url);
    if (!toast.text) return;
    if (toast.alert) {
      window.alert(toast.text);
      return;
    }
    const node = h('div', { className: 'toast', textContent: toast.text, role: 'status' });
    this.toasts.append(node);
    setTimeout(() => node.remove(), 3500);
  }
}
