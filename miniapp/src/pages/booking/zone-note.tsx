import { useI18n } from '../../lib/i18n';

/** Times on these screens are the patient's own: the zone is named where times are shown. */
export function ZoneNote({ timeZone }: { timeZone: string }) {
  const { t, zoneName } = useI18n();
  return <p className="hint">{t('zone-note', { zone: zoneName(timeZone) })}</p>;
}
