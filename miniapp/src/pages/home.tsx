import { useEffect } from 'react';
import type { ApplicationsResponse, ConsultationsResponse } from '../../../api/miniapp/contract';
import { ConsultationCard } from '../components/consultation-card';
import { JoinNow } from '../components/join-now';
import { NearestTimes } from '../components/nearest-times';
import { Page } from '../components/page';
import { ProfileSwitcher } from '../components/profile-switcher';
import { ErrorView, Loading, Section } from '../components/ui';
import { WaitlistSection } from '../components/waitlist-section';
import { useApi } from '../lib/api';
import { useI18n } from '../lib/i18n';
import { useRouter } from '../router';
import { useSession } from '../session';
import { prefetchPages } from './lazy';

/** "Мария Петровна" out of "Иванова Мария Петровна": how a Russian patient is addressed politely. */
function addressOf(fullName: string): string {
  const parts = fullName.trim().split(/\s+/);
  return parts.length === 3 ? `${parts[1]} ${parts[2]}` : fullName;
}

export function Home() {
  const { t, date } = useI18n();
  const { me, patient } = useSession();
  const router = useRouter();
  const consultations = useApi<ConsultationsResponse>('/consultations', { patientId: patient.id });
  const applications = useApi<ApplicationsResponse>('/applications', { patientId: patient.id });
  const upcoming = consultations.data?.upcoming ?? [];
  // The specialty the patient last saw: their nearest free times are of that one.
  const lastSeen = upcoming[0] ?? consultations.data?.past[0];

  useEffect(() => {
    if (consultations.data) prefetchPages();
  }, [consultations.data]);

  return (
    <Page title={t('app-name')}>
      <p className="lead">{t('greeting', { name: addressOf(patient.fullName) })}</p>
      {upcoming[0] && <JoinNow key={upcoming[0].id} c={upcoming[0]} />}
      {me.patients.length > 1 && <ProfileSwitcher />}

      {consultations.data && <NearestTimes key={patient.id} specialty={lastSeen?.specialty} />}

      <button type="button" className="btn btn-primary" onClick={() => router.push({ name: 'book' })}>
        {t('book-duty')}
      </button>

      <Section title={t('upcoming-title')}>
        {consultations.error && !consultations.data ? (
          <ErrorView error={consultations.error} retry={consultations.reload} />
        ) : !consultations.data ? (
          <Loading />
        ) : upcoming.length === 0 ? (
          <p className="empty">{t('no-upcoming')}</p>
        ) : (
          <div className="list">
            {upcoming.slice(0, 3).map((c) => (
              <ConsultationCard key={c.id} c={c} />
            ))}
          </div>
        )}
      </Section>

      <WaitlistSection key={patient.id} />

      {applications.data && applications.data.applications.length > 0 && (
        <Section title={t('applications-title')}>
          <ul className="list plain">
            {applications.data.applications.map((a) => (
              <li key={a.id} className={`card card-static app-${a.status}`}>
                <span className="card-who">{a.center}</span>
                <span className="card-detail">{a.condition}</span>
                <span className="card-meta">
                  <span className={`badge badge-app-${a.status}`}>{t('application-status', { status: a.status })}</span>
                </span>
                <span className="card-detail">{t('sent-on', { date: date(a.submittedAt, patient.timeZone) })}</span>
              </li>
            ))}
          </ul>
        </Section>
      )}

      <div className="stack">
        <button type="button" className="btn btn-secondary" onClick={() => router.push({ name: 'consultations' })}>
          {t('all-consultations')}
        </button>
        <button type="button" className="btn btn-secondary" onClick={() => router.push({ name: 'device-check' })}>
          {t('device-check')}
        </button>
      </div>
    </Page>
  );
}
