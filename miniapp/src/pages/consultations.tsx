import type { ConsultationsResponse } from '../../../api/miniapp/contract';
import { ConsultationCard } from '../components/consultation-card';
import { Page } from '../components/page';
import { ZoneNote } from '../components/zone-note';
import { ErrorView, Loading, Section } from '../components/ui';
import { useApi } from '../lib/api';
import { useI18n } from '../lib/i18n';
import { useSession } from '../session';

export function Consultations() {
  const { t } = useI18n();
  const { patient } = useSession();
  const list = useApi<ConsultationsResponse>('/consultations', { patientId: patient.id });
  return (
    <Page title={t('consultations-title')}>
      {list.error && !list.data ? (
        <ErrorView error={list.error} retry={list.reload} />
      ) : !list.data ? (
        <Loading />
      ) : (
        <>
          <ZoneNote />
          <Section title={t('upcoming')}>
            {list.data.upcoming.length === 0 ? (
              <p className="empty">{t('no-upcoming')}</p>
            ) : (
              <div className="list">
                {list.data.upcoming.map((c) => (
                  <ConsultationCard key={c.id} c={c} />
                ))}
              </div>
            )}
          </Section>
          <Section title={t('past')}>
            {list.data.past.length === 0 ? (
              <p className="empty">{t('no-past')}</p>
            ) : (
              <div className="list">
                {list.data.past.map((c) => (
                  <ConsultationCard key={c.id} c={c} />
                ))}
              </div>
            )}
          </Section>
        </>
      )}
    </Page>
  );
}
