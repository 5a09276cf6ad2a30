import { api } from './api.js';
import { localUrl, openLink } from './links.js';
import { T } from './texts.js';
import type { Config, Who } from './types.js';

/** Telegram Web's light theme, sent as tgWebAppThemeParams and in theme_changed. */
const THEME = {
  bg_color: '#ffffff',
  text_color: '#000000',
  hint_color: '#707579',
  link_color: '#3390ec',
  button_color: '#3390ec',
  button_text_color: '#ffffff',
  secondary_bg_color: '#f4f4f5',
  header_bg_color: '#ffffff',
  accent_text_color: '#3390ec',
  section_bg_color: '#ffffff',
  section_header_text_color: '#3390ec',
  subtitle_text_color: '#707579',
  destructive_text_color: '#e53935',
  bottom_bar_bg_color: '#ffffff',
} as const;

const VERSION = '8.0';

interface BottomButton {
  is_visible?: boolean;
  is_active?: boolean;
  is_progress_visible?: boolean;
  text?: string;
  color?: string;
  text_color?: string;
}

function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: Array<Node | string>): HTMLElementTagNameMap[K] {
  const el = Object.assign(document.createElement(tag), props);
  el.append(...children);
  return el;
}

/**
 * The phone frame and Telegram Web's half of the Mini Apps protocol: the app posts {eventType, eventData} JSON to its
 * parent window, the client answers with events posted into the frame. The SDK posts to the origin
 * https://web.telegram.org; this page is not that origin but is the frame's own, so it takes the calls by standing in
 * for window.postMessage, which the frame reaches as window.parent.postMessage (a same-origin call).
 */
export class MiniAppFrame {
  private frame: HTMLIFrameElement | undefined;
  private readonly screen: HTMLElement;
  private readonly title: HTMLElement;
  private readonly backButton: HTMLButtonElement;
  private readonly mainButton: HTMLButtonElement;
  private readonly secondaryButton: HTMLButtonElement;
  private readonly header: HTMLElement;
  private readonly dialog: HTMLDialogElement;
  private readonly closeButton: HTMLButtonElement;
  /** Every method the app called, in order (for a look in the console and the end-to-end test). */
  readonly calls: Array<[string, unknown]> = [];

  constructor(
    root: HTMLElement,
    private readonly config: Config,
    private readonly onTelegramLink: (path: string) => void,
  ) {
    this.backButton = h('button', { className: 'ma-back', type: 'button', textContent: `‹ ${T.back}`, hidden: true });
    this.backButton.addEventListener('click', () => this.emit('back_button_pressed'));
    this.title = h('div', { className: 'ma-title', textContent: T.miniappTitle });
    const close = h('button', { className: 'ma-close', type: 'button', textContent: `✕ ${T.close}`, hidden: true });
    close.addEventListener('click', () => this.close());
    this.closeButton = close;
    this.header = h('header', { className: 'ma-header' }, this.backButton, this.title, close);
    this.screen = h('div', { className: 'ma-screen' });
    this.mainButton = h('button', { className: 'ma-main', type: 'button', hidden: true });
    this.mainButton.addEventListener('click', () => !this.mainButton.disabled && this.emit('main_button_pressed'));
    this.secondaryButton = h('button', { className: 'ma-secondary', type: 'button', hidden: true });
    this.secondaryButton.addEventListener('click', () => !this.secondaryButton.disabled && this.emit('secondary_button_pressed'));
    this.dialog = h('dialog', { className: 'ma-popup' });
    const banner = h('div', { className: 'ma-banner', textContent: T.miniappBanner });
    root.append(banner, h('div', { className: 'ma-phone' }, this.header, this.screen, h('div', { className: 'ma-bottom' }, this.secondaryButton, this.mainButton), this.dialog));
    this.idle();

    (window as unknown as { postMessage: (message: unknown, target?: unknown) => void }).postMessage = (message) => this.receive(message);
    window.addEventListener('message', (event) => {
      if (this.frame && event.source === this.frame.contentWindow) this.receive(event.data);
    });
  }

  /** Opens the app as Telegram does: init data signed for this person, launch parameters in the hash. */
  async launch(who: Who, url: string, via: 'menu' | 'inline' | 'keyboard'): Promise<void> {
    const { path, initData } = await api.launch(who, url, via);
    const params = new URLSearchParams();
    if (initData) params.set('tgWebAppData', initData);
    params.set('tgWebAppVersion', VERSION);
    params.set('tgWebAppPlatform', 'web');
    params.set('tgWebAppThemeParams', JSON.stringify(THEME));
    const target = new URL(path, location.origin);
    target.hash = params.toString();
    this.close();
    this.calls.length = 0;
    this.frame = h('iframe', { className: 'ma-frame', src: target.toString(), title: T.miniappTitle });
    this.frame.setAttribute('allow', 'clipboard-write');
    this.screen.replaceChildren(this.frame);
    this.closeButton.hidden = false;
    this.header.style.background = THEME.header_bg_color;
  }

  close(): void {
    this.frame?.remove();
    this.frame = undefined;
    this.closeButton.hidden = true;
    this.backButton.hidden = true;
    this.mainButton.hidden = true;
    this.secondaryButton.hidden = true;
    if (this.dialog.open) this.dialog.close();
    this.idle();
  }

  private idle(): void {
    if (this.frame) return;
    this.screen.replaceChildren(h('div', { className: 'ma-idle' }, T.miniappIdle, h('small', { className: 'en' }, T.miniappIdleEn)));
  }

  private emit(eventType: string, eventData: unknown = {}): void {
    this.frame?.contentWindow?.postMessage(JSON.stringify({ eventType, eventData }), '*');
  }

  private viewport(): void {
    const rect = this.screen.getBoundingClientRect();
    this.emit('viewport_changed', { height: Math.round(rect.height), width: Math.round(rect.width), is_expanded: true, is_state_stable: true });
  }

  private receive(message: unknown): void {
    let parsed: { eventType?: string; eventData?: unknown };
    try {
      parsed = typeof message === 'string' ? (JSON.parse(message) as typeof parsed) : (message as typeof parsed);
    } catch {
      return;
    }
    const type = parsed?.eventType;
    if (!type || !this.frame) return;
    const data = (parsed.eventData ?? {}) as Record<string, unknown>;
    this.calls.push([type, data]);
    const noInsets = { top: 0, bottom: 0, left: 0, right: 0 };
    switch (type) {
      case 'web_app_request_theme':
        return this.emit('theme_changed', { theme_params: THEME });
      case 'web_app_request_viewport':
      case 'web_app_expand':
        return this.viewport();
      case 'web_app_request_safe_area':
        return this.emit('safe_area_changed', noInsets);
      case 'web_app_request_content_safe_area':
        return this.emit('content_safe_area_changed', noInsets);
      case 'web_app_setup_back_button':
        this.backButton.hidden = !data.is_visible;
        return;
      case 'web_app_setup_main_button':
        return this.setupButton(this.mainButton, data as BottomButton);
      case 'web_app_setup_secondary_button':
        return this.setupButton(this.secondaryButton, data as BottomButton);
      case 'web_app_set_header_color':
        if (typeof data.color === 'string') this.header.style.background = data.color;
        return;
      case 'web_app_open_popup':
        return this.popup(data as { title?: string; message: string; buttons?: Array<{ id: string; type?: string; text?: string }> });
      case 'web_app_open_link':
        if (typeof data.url === 'string') openLink(this.config, data.url);
        return;
      case 'web_app_open_tg_link':
        if (typeof data.path_full === 'string') {
          this.close();
          this.onTelegramLink(data.path_full);
        }
        return;
      case 'web_app_close':
        return this.close();
      case 'web_app_read_text_from_clipboard':
        return this.emit('clipboard_text_received', { req_id: data.req_id, data: null });
      case 'web_app_invoke_custom_method':
        return this.emit('custom_method_invoked', { req_id: data.req_id, error: 'UNSUPPORTED_IN_SANDBOX' });
      default:
        // web_app_ready, iframe_ready, haptics, colours, closing and swipe behaviour: nothing for a desktop page to do.
        return;
    }
  }

  private setupButton(button: HTMLButtonElement, data: BottomButton): void {
    button.hidden = !data.is_visible || !data.text;
    button.textContent = data.is_progress_visible ? `${data.text ?? ''} …` : data.text ?? '';
    button.disabled = data.is_active === false;
    if (data.color) button.style.background = data.color;
    if (data.text_color) button.style.color = data.text_color;
  }

  private popup(data: { title?: string; message: string; buttons?: Array<{ id: string; type?: string; text?: string }> }): void {
    const buttons = data.buttons?.length ? data.buttons : [{ id: '', type: 'close' }];
    const label = (b: { type?: string; text?: string }) => b.text || (b.type === 'cancel' ? T.cancel : b.type === 'close' ? T.close : T.ok);
    const row = h('div', { className: 'ma-popup-buttons' });
    for (const b of buttons) {
      const button = h('button', { type: 'button', className: `ma-popup-btn ${b.type ?? 'default'}`, textContent: label(b) });
      button.addEventListener('click', () => {
        this.dialog.close();
        this.emit('popup_closed', { button_id: b.id });
      });
      row.append(button);
    }
    this.dialog.replaceChildren(...(data.title ? [h('h3', { textContent: data.title })] : []), h('p', { textContent: data.message }), row);
    this.dialog.oncancel = () => this.emit('popup_closed', {});
    this.dialog.showModal();
  }

  /** For links the page opens itself (a web_app button of another host is opened as a plain link). */
  localUrl(url: string): string {
    return localUrl(this.config, url);
  }
}
