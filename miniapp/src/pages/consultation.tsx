import { useState } from 'react';
import type { ConsultationItem, ConsultationsResponse } from '../../../api/miniapp/contract';
import { Page } from '../components/page';
import { ZoneNote } from '../components/zone-note';
import { ErrorView, Icon, Loading, Notice, Section } from '../components/ui';
import { ApiError, invalidate, request, useApi } from '../lib/api';
import { saveConclusion } from '../lib/conclusion';
import { useI18n } from '../lib/i18n';
import { useJoin } from '../lib/join';
import { useNow } from '../lib/use-now';
import { confirm, haptic } from '../lib/telegram';
import { useRouter, type RouteOf } from '../router';
import { useSession } from '../session';

export function Consultation({ route }: { route: RouteOf<'consultation'> }) {
  const { t } = useI18n();
  const { patient } = useSession();
  const list = useApi<ConsultationsResponse>('/consultations', { patientId: patient.id });
  const c = list.data && [...list.data.upcoming, ...list.data.past].find((x) => x.id === route.id);
  return (
    <Page title={t('consultation-title')}>
      {list.error && !list.data ? (
        <ErrorView error={list.error} retry={list.reload} />
      ) : !list.data ? (
        <Loading />
      ) : !c ? (
        <Notice kind="error">{t('error-generic')}</Notice>
      ) : (
        <Details c={c} notice={route.notice} reload={list.reload} />
      )}
    </Page>
  );
}

function Details({ c, notice, reload }: { c: ConsultationItem; notice: 'booked' | 'rescheduled' | undefined; reload(): void }) {
  const { t, when, whenAt } = useI18n();
  const { me, patient } = useSession();
  const router = useRouter();
  const [cancelling, setCancelling] = useState(false);
  const [done, setDone] = useState<'cancelled'>();
  const [error, setError] = useState<ApiError>();
  const scheduled = c.status === 'scheduled';
  const now = useNow();
  const joinOpen = now >= Date.parse(c.joinOpensAt) && now < Date.parse(c.endsAt);

  const cancel = async () => {
    const yes = await confirm(t('cancel-confirm', { when: whenAt(c.startsAt, patient.timeZone) }), t('cancel-yes'), t('cancel-no'));
    if (!yes) return;
    setCancelling(true);
    setError(undefined);
    try {
      await request(`/consultations/${c.id}/cancel`, { method: 'POST', body: { patientId: patient.id } });
      haptic('success');
      setDone('cancelled');
      invalidate('/consultations');
      invalidate('/slots');
      reload();
    } catch (err) {
      haptic('error');
      setError(err instanceof ApiError ? err : new ApiError(0, 'network', String(err)));
    } finally {
      setCancelling(false);
    }
  };

  return (
    <>
      {done === 'cancelled' && <Notice kind="success">{t('cancel-done')}</Notice>}
      {!done && notice && scheduled && <Notice kind="success">{notice === 'booked' ? t('booked') : t('rescheduled')}</Notice>}

      <dl className="facts">
        <div>
          <dt>{t('when')}</dt>
          <dd className="facts-when">{when(c.startsAt, patient.timeZone)}</dd>
        </div>
        <div>
          <dt>{t('doctor')}</dt>
          <dd>
            {c.doctor.name}
            {(c.specialty || c.center) && <span className="facts-sub">{c.specialty ? t('specialty', { specialty: c.specialty }) : c.center}</span>}
          </dd>
        </div>
        <div>
          <dt>{t('connection')}</dt>
          <dd>{t('mode-label', { mode: c.mode })}</dd>
        </div>
        <div>
          <dt>{t('status-label')}</dt>
          <dd>
            <span className={`badge badge-${c.status}`}>{t('consultation-status', { status: c.status })}</span>
          </dd>
        </div>
      </dl>
      <ZoneNote />

      {scheduled && joinOpen && <JoinBlock c={c} />}

      {c.conclusion && <ConclusionBlock conclusion={c.conclusion} />}

      {error && <ErrorView error={error} />}

      {scheduled && (
        <div className="stack">
          {c.canReschedule && (
            <button type="button" className="btn btn-secondary" onClick={() => router.push({ name: 'reschedule', id: c.id })}>
              {t('reschedule')}
            </button>
          )}
          {c.canCancel && (
            <button type="button" className="btn btn-danger" onClick={() => void cancel()} disabled={cancelling} aria-busy={cancelling}>
              {cancelling ? t('sending') : t('cancel')}
            </button>
          )}
          {!c.canCancel && !c.canReschedule && <p className="hint">{t('cannot-cancel', { minutes: me.limits.cancelMinNoticeMinutes })}</p>}
        </div>
      )}

      {/* Until the window opens, what to expect comes after the booking's own actions. */}
      {scheduled && !joinOpen && <JoinBlock c={c} />}

      {done === 'cancelled' && (
        <button type="button" className="btn btn-primary" onClick={() => router.reset({ name: 'home' }, { name: 'book' })}>
          {t('book-again')}
        </button>
      )}
    </>
  );
}

function JoinBlock({ c }: { c: ConsultationItem }) {
  const { t, whenAt } = useI18n();
  const { patient } = useSession();
  const join = useJoin(c, patient.id);
  return (
    <Section title={t('join-how-title')}>
      <ol className="steps">
        <li>{t('join-how-browser')}</li>
        <li>{t('join-how-allow')}</li>
        <li>{t('join-how-lobby')}</li>
      </ol>
      <button type="button" className="btn btn-primary btn-join" disabled={!join.open || join.busy} aria-busy={join.busy} onClick={join.join}>
        {join.busy ? t('join-opening') : <Icon text={c.mode === 'video' ? '🎥' : '📞'} label={t('join')} />}
      </button>
      {!join.open && <p className="hint">{t('join-opens-at', { when: whenAt(c.joinOpensAt, patient.timeZone) })}</p>}
      {join.error &&
        (join.error.code === 'join_not_open' ? <Notice kind="warning">{t('join-not-open')}</Notice> : <ErrorView error={join.error} retry={join.join} />)}
    </Section>
  );
}

function ConclusionBlock({ conclusion }: { conclusion: NonNullable<ConsultationItem['conclusion']> }) {
  const { t } = useI18n();
  const { patient } = useSession();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const download = () => {
    setBusy(true);
    setError(undefined);
    saveConclusion(conclusion, patient.id).then(
      () => setBusy(false),
      (err: unknown) => {
        setBusy(false);
        setError(err instanceof ApiError ? err : new ApiError(0, 'network', String(err)));
      },
    );
  };
  return (
    <Section>
      <button type="button" className="btn btn-primary" onClick={download} disabled={busy} aria-busy={busy}>
        <Icon text="📄" label={busy ? t('loading') : t('conclusion')} />
      </button>
      <p className="hint">{t('verification-code', { code: conclusion.verificationCode })}</p>
      <p className="hint">{t('conclusion-in-chat')}</p>
      {error && <ErrorView error={error} retry={download} />}
    </Section>
  );
}
