import type { Mode } from '../../../../api/miniapp/contract';
import { Choice, Icon } from '../../components/ui';
import { useI18n } from '../../lib/i18n';
import { useRouter } from '../../router';
import { useSession } from '../../session';

/** Video or audio only, each with the connection it needs, and a way to the device check for the unsure. */
export function ModeStep({ choose }: { choose: (mode: Mode) => void }) {
  const { t } = useI18n();
  const { me } = useSession();
  const router = useRouter();
  const speed = (kbps: number) => (kbps >= 1000 ? t('mbps', { value: String(kbps / 1000) }) : t('kbps', { value: String(kbps) }));
  return (
    <div className="list">
      <Choice title={<Icon text="🎥" label={t('mode-label', { mode: 'video' })} />} detail={t('mode-video-text', { speed: speed(me.connection.minVideoKbps) })} onClick={() => choose('video')} />
      <Choice title={<Icon text="📞" label={t('mode-label', { mode: 'audio' })} />} detail={t('mode-audio-text', { speed: speed(me.connection.minAudioKbps) })} onClick={() => choose('audio')} />
      <button type="button" className="btn btn-link" onClick={() => router.push({ name: 'device-check' })}>
        {t('not-sure')}
      </button>
    </div>
  );
}
