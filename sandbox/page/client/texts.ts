import { config } from './config.js';

// The words come from sandbox/page/client/locales/<lang>/chat.ftl, sent by the server inside the page.
const ru = (key: string) => config.texts.ru[key] ?? key;
const en = (key: string) => config.texts.en[key] ?? key;
const fill = (text: string, values: Record<string, string>) => text.replace(/\{(\w+)\}/g, (marker, name: string) => values[name] ?? marker);

/** The page's own words: Russian first, English beside it where a person may need it. */
export const T = {
  patientTitle: ru('patient-title'),
  patientTitleEn: en('patient-title'),
  staffTitle: ru('staff-title'),
  staffTitleEn: en('staff-title'),
  miniappTitle: ru('miniapp-title'),
  miniappBanner: ru('miniapp-banner'),
  miniappIdle: ru('miniapp-idle'),
  miniappIdleEn: en('miniapp-idle'),
  close: ru('close'),
  back: ru('back'),
  placeholder: ru('placeholder'),
  send: ru('send'),
  attach: ru('attach'),
  asPhoto: ru('as-photo'),
  commands: ru('commands'),
  shareContactConfirm: (bot: string) => fill(ru('share-contact-confirm'), { bot }),
  typing: (action: string) => (action === 'typing' ? ru('typing') : action.startsWith('upload') ? ru('uploading') : `${action}…`),
  who: { doctor: ru('who-doctor'), duty: ru('who-duty'), manager: ru('who-manager'), admin: ru('who-admin') } as Record<string, string>,
  clockTitle: ru('clock-title'),
  clockTitleEn: en('clock-title'),
  clockAhead: (n: string) => fill(ru('clock-ahead'), { n }),
  clockReal: ru('clock-real'),
  clockMoves: { '15m': ru('clock-15m'), '1h': ru('clock-1h'), '1d': ru('clock-1d'), next: ru('clock-next') },
  clockNextNone: ru('clock-next-none'),
  clockHint: ru('clock-hint'),
  smsTitle: ru('sms-title'),
  smsHint: ru('sms-hint'),
  smsHintEn: en('sms-hint'),
  smsEmpty: ru('sms-empty'),
  smsTo: (n: string) => fill(ru('sms-to'), { n }),
  staffAs: ru('staff-as'),
  edited: ru('edited'),
  forwarded: ru('forwarded'),
  contact: ru('contact'),
  empty: ru('empty'),
  start: ru('start'),
  failed: ru('failed'),
  unsupported: ru('unsupported'),
  ok: ru('ok'),
  you: ru('you'),
  block: ru('block'),
  unblock: ru('unblock'),
  blockedNotice: ru('blocked-notice'),
  reply: ru('reply'),
  replyTo: ru('reply-to'),
  cancel: ru('cancel'),
  /** A file's size as the chat shows it under a document. */
  size: (bytes: number) =>
    bytes >= 1024 * 1024 ? fill(ru('size-mb'), { n: (bytes / 1024 / 1024).toFixed(1) }) : fill(ru('size-kb'), { n: String(Math.max(1, Math.round(bytes / 1024))) }),
} as const;
