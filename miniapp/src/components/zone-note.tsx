import { useI18n } from '../lib/i18n';
import { useSession } from '../session';

/**
 * Times are the patient's own: the zone is named where times are shown, as the server words it for the bots, SMS and
 * PDF too («по новосибирскому времени (МСК+4)»), never the browser's zone or an offset from GMT.
 */
export function ZoneNote() {
  const { t } = useI18n();
  const { patient } = useSession();
  return <p className="hint">{t('zone-note', { zone: patient.zone.at })}</p>;
}
