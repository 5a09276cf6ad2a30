import { InlineKeyboard } from 'grammy';
import type { InlineKeyboardMarkup } from 'grammy/types';
import { DECLINABLE, mayStart, mayViewDocuments, REQUESTABLE } from '../../../core/applications/access.js';
import type { Application } from '../../../core/applications/repository.js';
import { referrerOf } from '../../../core/referrals/linking.js';
import type { StaffMember } from '../../../core/staff/repository.js';
import type { Translate } from '../../shared/outbox-sender.js';
import type { StaffBotDeps } from '../deps.js';
import { scheduleData } from '../schedule/callback-data.js';
import { declineData, documentsData, requestData, takeData } from './callback-data.js';
import { conditionLabel, formatMoment, kindList, patientAge } from './labels.js';
import { nameArgs } from '../../../core/patients/declension.js';

export type CardDeps = Pick<StaffBotDeps, 'catalog' | 'documents' | 'applicationRepository' | 'applications' | 'staff' | 'clock' | 'db' | 'outbox' | 'triage'>;

/** What the card says on top: a fresh notice, the patient's answer to a request, or just the application. */
export type Headline = 'new' | 'documents_added' | 'plain';

/** Plain JSON, so it survives a conversation's replay log unchanged. */
export interface CardView {
  text: string;
  replyMarkup?: InlineKeyboardMarkup;
}

const id = (app: Application) => String(app.id);

/** What other doctors of the center see once a colleague has the application: who, and nothing of the patient. */
export function takenText(deps: Pick<CardDeps, 'catalog'>, t: Translate, locale: string, app: Application, name: string): string {
  return t('triage-taken-by', { id: id(app), condition: conditionLabel(deps.catalog, app, locale), ...nameArgs('name', name) });
}

function stateLines(deps: CardDeps, t: Translate, locale: string, app: Application, viewer: StaffMember): string[] {
  switch (app.status) {
    case 'submitted':
      return [t(app.assignedStaffId === null ? 'triage-state-waiting' : 'triage-state-docs-added')];
    case 'in_review':
      return [app.assignedStaffId === viewer.id ? t('triage-state-mine') : t('triage-state-with', { name: deps.triage.holderName(app) ?? '—' })];
    case 'needs_documents':
      return [
        t('triage-state-docs-requested', { kinds: kindList(deps.catalog, app.requestedKinds, locale) }),
        ...(app.requestComment ? [t('triage-state-docs-comment', { comment: app.requestComment })] : []),
      ];
    case 'scheduled':
      return [t('triage-state-scheduled')];
    case 'declined':
      return [t('triage-state-declined', { reason: app.declineReason ?? '—' })];
    case 'withdrawn':
      return [t('triage-state-withdrawn')];
    case 'completed':
      return [t('triage-state-completed')];
  }
}

function keyboard(t: Translate, app: Application, viewer: StaffMember): InlineKeyboard | undefined {
  const free = app.assignedStaffId === null && app.status === 'submitted';
  const kb = new InlineKeyboard();
  let any = false;
  const add = (text: string, data: string) => {
    kb.text(text, data);
    any = true;
  };
  const closed = ['declined', 'withdrawn', 'completed'].includes(app.status);
  if (!closed && mayViewDocuments(viewer, app)) add(t('triage-btn-documents'), documentsData.pack({ id: app.id }));
  if (free) add(t('triage-btn-take'), takeData.pack({ id: app.id }));
  // Scheduling is its own feature (bot/staff/schedule); the holder starts it from here.
  else if (app.assignedStaffId === viewer.id && REQUESTABLE.includes(app.status)) add(t('sched-btn'), scheduleData.pack({ applicationId: app.id }));
  if (any) kb.row();
  if (mayStart(viewer, app, REQUESTABLE)) add(t('triage-btn-request'), requestData.pack({ id: app.id }));
  if (mayStart(viewer, app, DECLINABLE)) add(t('triage-btn-decline'), declineData.pack({ id: app.id }));
  return any ? kb : undefined;
}

/**
 * Path 3: that the application came by referral, and from whom (the regional physician and their organization); also
 * an own application that a referral joined because it was already open.
 */
function referralLines(deps: CardDeps, t: Translate, app: Application): string[] {
  const from = referrerOf(deps.db, app.id);
  if (app.path !== 'referral' && !from) return [];
  const by = [from?.doctor, from?.organization].map((s) => s?.trim()).filter(Boolean).join(', ');
  return [t('triage-card-referral', { by: by || '—' })];
}

/**
 * The application's card for one reader, in their language and time zone, with the buttons they may use now.
 * Callers have checked that the reader may see the application (its center's doctor, or an admin).
 */
export function triageCard(deps: CardDeps, t: Translate, locale: string, app: Application, viewer: StaffMember, headline: Headline = 'plain'): CardView {
  const colleagues = app.assignedStaffId !== null && app.assignedStaffId !== viewer.id && viewer.role !== 'admin';
  if (colleagues) return { text: takenText(deps, t, locale, app, deps.triage.holderName(app) ?? '—') };
  const patient = deps.applicationRepository.patientOf(app.id);
  if (!patient) return { text: t('triage-card-gone', { id: id(app) }) };
  const title =
    headline === 'new'
      ? t('triage-card-new', { id: id(app) })
      : headline === 'documents_added'
        ? t('triage-card-documents-added', { id: id(app) })
        : t('triage-card-title', { id: id(app) });
  const body = t('triage-card-body', {
    name: patient.fullName,
    age: patientAge(patient, deps.clock.now()),
    condition: conditionLabel(deps.catalog, app, locale),
    diagnosis: app.diagnosis,
    complaints: app.complaints,
    documents: deps.documents.list(app.patientId).length,
    submitted: formatMoment(app.submittedAt, viewer.timeZone),
  });
  // Answers to requests and decisions will not reach a patient who blocked the bot: the doctor should know.
  const unreachable = patient.accountId !== null && deps.outbox.isUnreachable(patient.accountId) ? [t('delivery-card-unreachable')] : [];
  const text = [title, body, ...referralLines(deps, t, app), ...unreachable, '', ...stateLines(deps, t, locale, app, viewer)].join('\n');
  const kb = keyboard(t, app, viewer);
  return kb ? { text, replyMarkup: { inline_keyboard: kb.inline_keyboard.filter((row) => row.length > 0) } } : { text };
}
