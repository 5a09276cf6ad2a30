import { useI18n } from '../lib/i18n';
import { haptic } from '../lib/telegram';
import { useSession } from '../session';

/** Whose consultations the screens show, when the account holds several profiles (a child, a relative). */
export function ProfileSwitcher() {
  const { t } = useI18n();
  const { me, patient, choosePatient } = useSession();
  return (
    <fieldset className="profiles">
      <legend>{t('for-whom')}</legend>
      {me.patients.map((p) => (
        <button
          key={p.id}
          type="button"
          className={`profile${p.id === patient.id ? ' profile-selected' : ''}`}
          aria-pressed={p.id === patient.id}
          onClick={() => {
            haptic('select');
            choosePatient(p.id);
          }}
        >
          <span className="profile-name">{p.fullName}</span>
          <span className="profile-relation">{t('relation', { relation: p.relation })}</span>
        </button>
      ))}
    </fieldset>
  );
}
