import { InlineKeyboard } from 'grammy';
import type { Catalog } from '../../../core/catalog/index.js';
import type { ReferralInviteItem } from '../../../core/referrals/invites.js';
import { smsErrorKind } from '../../../core/sms/error-kind.js';
import { shortName } from '../../../core/patients/declension.js';
import { maskPhone } from '../../../core/sms/mask.js';
import { zonedParts } from '../../../core/time.js';
import { zoneTag } from '../../shared/format.js';
import { pickLocale } from '../../shared/i18n.js';
import { FILTERS, pageData, resendData, type InviteFilter } from './invites-callback-data.js';

type Translate = (key: string, params?: Record<string, string | number>) => string;

export const PAGE_SIZE = 8;

export interface InvitesPage {
  items: ReferralInviteItem[];
  total: number;
  filter: InviteFilter;
  page: number;
}

const filterLabel = (t: Translate, filter: InviteFilter) =>
  filter === 'all' ? t('refinv-filter-all') : filter === 'queued' ? t('refinv-filter-queued') : filter === 'sent' ? t('refinv-filter-sent') : t('refinv-filter-failed');

const filterButton = (t: Translate, filter: InviteFilter) =>
  filter === 'all' ? t('refinv-btn-all') : filter === 'queued' ? t('refinv-btn-queued') : filter === 'sent' ? t('refinv-btn-sent') : t('refinv-btn-failed');

function moment(at: number, timeZone: string): string {
  const { date, time } = zonedParts(at, timeZone);
  return `${date.slice(8, 10)}.${date.slice(5, 7)} ${time}`;
}

/** The recorded error as a reason in the reader's language, with the provider's code for whoever checks the account. */
function reason(t: Translate, error: string | null): string {
  if (!error) return '—';
  const { kind, code, gaveUp } = smsErrorKind(error);
  if (kind === 'other') return error;
  const text =
    kind === 'number'
      ? t('refinv-why-number')
      : kind === 'text'
        ? t('refinv-why-text')
        : kind === 'balance'
          ? t('refinv-why-balance')
          : kind === 'setup'
            ? t('refinv-why-setup')
            : kind === 'limit'
              ? t('refinv-why-limit')
              : kind === 'bot_username'
                ? t('refinv-why-bot-username')
                : t('refinv-why-provider');
  const full = gaveUp ? t('refinv-why-gave-up', { reason: text }) : text;
  return code ? `${full} (${code})` : full;
}

function stateLine(t: Translate, r: ReferralInviteItem, timeZone: string): string {
  const line =
    r.inviteState === 'sent'
      ? t('refinv-state-sent', { at: moment(r.inviteSentAt ?? r.createdAt, timeZone) })
      : r.inviteState === 'failed'
        ? t('refinv-state-failed', { error: reason(t, r.inviteError) })
        : r.inviteError && smsErrorKind(r.inviteError).kind === 'quiet_hours'
          ? t('refinv-state-queued-night')
          : r.inviteError
            ? t('refinv-state-queued-retry', { error: reason(t, r.inviteError) })
            : t('refinv-state-queued');
  return r.invites > 1 ? `${line} ${t('refinv-invites', { count: r.invites })}` : line;
}

// A sent invite too: the SMS may have been lost, or gone only to the log while no provider was configured.
const resendable = (r: ReferralInviteItem) => r.linkedAt === null;

/** The /referrals screen: newest referrals with their invite and linking state, filters, pages, a Resend per row. */
/** `t` escapes for the message text; `label` is the plain translation for buttons (bot/shared/html.ts). */
export function invitesView(t: Translate, label: Translate, locale: string, catalog: Catalog, timeZone: string, now: number, p: InvitesPage) {
  const lines = [t('refinv-title', { filter: filterLabel(t, p.filter), total: p.total }), t('refinv-zone', { zone: zoneTag(timeZone, now, locale) }), ''];
  if (!p.items.length) lines.push(p.filter === 'all' ? t('refinv-empty') : t('refinv-empty-filter'));
  const markup = new InlineKeyboard();
  p.items.forEach((r, i) => {
    const n = p.page * PAGE_SIZE + i + 1;
    const center = catalog.centers.find((c) => c.code === r.centerCode)?.shortName[pickLocale(locale)] ?? r.centerCode;
    lines.push(
      t('refinv-item', { n, name: r.fullName, phone: maskPhone(r.phone), center }),
      `   ${stateLine(t, r, timeZone)}`,
      `   ${r.linkedAt !== null ? t('refinv-linked', { at: moment(r.linkedAt, timeZone) }) : t('refinv-not-linked')}`,
    );
    if (resendable(r)) markup.text(label('refinv-btn-resend', { n, name: shortName(r.fullName) }), resendData.pack({ id: r.id, filter: p.filter, page: p.page })).row();
  });
  if (p.items.some(resendable)) lines.push('', t('refinv-resend-hint'));
  const pages = Math.max(1, Math.ceil(p.total / PAGE_SIZE));
  if (pages > 1) {
    if (p.page > 0) markup.text(t('refinv-btn-prev'), pageData.pack({ filter: p.filter, page: p.page - 1 }));
    markup.text(t('refinv-page', { page: p.page + 1, pages }), pageData.pack({ filter: p.filter, page: p.page }));
    if (p.page + 1 < pages) markup.text(t('refinv-btn-next'), pageData.pack({ filter: p.filter, page: p.page + 1 }));
    markup.row();
  }
  FILTERS.forEach((filter, i) => {
    const label = filterButton(t, filter);
    markup.text(filter === p.filter ? `• ${label}` : label, pageData.pack({ filter, page: 0 }));
    if (i === 1) markup.row();
  });
  return { text: lines.join('\n'), markup };
}
