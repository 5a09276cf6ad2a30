import { useEffect, useRef, useState } from 'react';
import { Page } from '../components/page';
import { Notice, Section } from '../components/ui';
import { apiUrl } from '../lib/api';
import { useI18n } from '../lib/i18n';
import { localeTag } from '../lib/locales';
import { haptic, rawInitData } from '../lib/telegram';
import { useSession } from '../session';

type DeviceState = 'idle' | 'checking' | 'ok' | 'denied' | 'missing' | 'failed';
type Verdict = 'video' | 'audio' | 'none';

// Growing downloads stop once one takes this long: enough to measure, without eating a patient's mobile data.
const SIZES = [128 * 1024, 512 * 1024, 2 * 1024 * 1024];
const LONG_ENOUGH_MS = 2_000;

/** Download speed against our own server in kb/s (GET /api/speedtest?bytes=N); the largest finished sample counts. */
export async function measureDownloadKbps(signal: AbortSignal): Promise<number> {
  let kbps = 0;
  for (const bytes of SIZES) {
    const started = performance.now();
    const res = await fetch(apiUrl('/speedtest', { bytes, nonce: Math.random().toString(36).slice(2) }), {
      headers: { Authorization: `tma ${rawInitData()}` },
      cache: 'no-store',
      signal,
    });
    if (!res.ok) throw new Error(`speedtest ${res.status}`);
    const received = (await res.arrayBuffer()).byteLength;
    const ms = Math.max(performance.now() - started, 1);
    kbps = (received * 8) / ms; // bits per millisecond = kilobits per second
    if (ms > LONG_ENOUGH_MS) break;
  }
  return Math.round(kbps);
}

function stateOf(err: unknown): DeviceState {
  const name = err instanceof DOMException ? err.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'denied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'missing';
  return 'failed';
}

/**
 * Camera, microphone and download speed, then one plain verdict: video, audio only, or neither — against the
 * catalogue's needs from /api/me (`connection`).
 */
export default function DeviceCheck() {
  const { t, locale } = useI18n();
  const { me } = useSession();
  const [running, setRunning] = useState(false);
  const [camera, setCamera] = useState<DeviceState>('idle');
  const [mic, setMic] = useState<DeviceState>('idle');
  const [speed, setSpeed] = useState<{ state: DeviceState; kbps?: number }>({ state: 'idle' });
  const video = useRef<HTMLVideoElement>(null);
  const meter = useRef<HTMLDivElement>(null);
  const cleanup = useRef<() => void>(() => undefined);

  useEffect(() => () => cleanup.current(), []);

  const start = async () => {
    cleanup.current();
    setRunning(true);
    setCamera('checking');
    setMic('checking');
    setSpeed({ state: 'checking' });
    const controller = new AbortController();
    let stream: MediaStream | undefined;
    let audio: AudioContext | undefined;
    let frame = 0;
    cleanup.current = () => {
      controller.abort();
      cancelAnimationFrame(frame);
      stream?.getTracks().forEach((track) => track.stop());
      void audio?.close().catch(() => undefined);
    };

    const speedDone = measureDownloadKbps(controller.signal).then(
      (kbps) => setSpeed({ state: 'ok', kbps }),
      () => setSpeed(controller.signal.aborted ? { state: 'idle' } : { state: 'failed' }),
    );

    if (!navigator.mediaDevices?.getUserMedia) {
      setCamera('failed');
      setMic('failed');
    } else {
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'user' }, audio: true });
        setCamera('ok');
        setMic('ok');
      } catch (err) {
        // Both at once failed: ask for the microphone alone, so audio-only can still be judged.
        setCamera(stateOf(err));
        try {
          stream = await navigator.mediaDevices.getUserMedia({ audio: true });
          setMic('ok');
        } catch (audioErr) {
          setMic(stateOf(audioErr));
        }
      }
    }

    if (stream) {
      if (video.current && stream.getVideoTracks().length) {
        video.current.srcObject = stream;
        void video.current.play().catch(() => undefined);
      }
      if (stream.getAudioTracks().length) {
        try {
          audio = new AudioContext();
          const analyser = audio.createAnalyser();
          analyser.fftSize = 512;
          audio.createMediaStreamSource(stream).connect(analyser);
          const samples = new Uint8Array(analyser.fftSize);
          const draw = () => {
            analyser.getByteTimeDomainData(samples);
            let sum = 0;
            for (const v of samples) sum += ((v - 128) / 128) ** 2;
            const level = Math.min(1, Math.sqrt(sum / samples.length) * 4);
            if (meter.current) {
              meter.current.style.transform = `scaleX(${level.toFixed(3)})`;
              meter.current.parentElement?.setAttribute('aria-valuenow', String(Math.round(level * 100)));
            }
            frame = requestAnimationFrame(draw);
          };
          draw();
        } catch {
          // No Web Audio: the microphone works, only its level cannot be drawn.
        }
      }
    }
    await speedDone;
    setRunning(false);
  };

  const finished = !running && speed.state === 'ok';
  const kbps = speed.kbps ?? 0;
  const verdict: Verdict | undefined = !finished
    ? undefined
    : camera === 'ok' && mic === 'ok' && kbps >= me.connection.minVideoKbps
      ? 'video'
      : mic === 'ok' && kbps >= me.connection.minAudioKbps
        ? 'audio'
        : 'none';

  useEffect(() => {
    if (verdict) haptic(verdict === 'video' ? 'success' : verdict === 'audio' ? 'warning' : 'error');
  }, [verdict]);

  const number = new Intl.NumberFormat(localeTag(locale), { maximumFractionDigits: 1 });
  const label = (s: DeviceState) => ({ idle: '—', checking: t('checking'), ok: t('works'), denied: t('denied'), missing: t('missing'), failed: t('failed') })[s];
  const speedText =
    speed.state === 'ok' ? (kbps >= 1000 ? t('mbps', { value: number.format(kbps / 1000) }) : t('kbps', { value: number.format(kbps) })) : label(speed.state);

  return (
    <Page title={t('check-title')}>
      <p className="lead">{t('check-intro')}</p>

      <div className={`preview${camera === 'ok' ? '' : ' preview-empty'}`}>
        <video ref={video} muted playsInline autoPlay aria-label={t('camera-preview')} />
        {camera !== 'ok' && <span aria-hidden="true">📷</span>}
      </div>

      <Section>
        <dl className="facts">
          <div>
            <dt>{t('camera')}</dt>
            <dd className={`state state-${camera}`}>{label(camera)}</dd>
          </div>
          <div>
            <dt>{t('microphone')}</dt>
            <dd className={`state state-${mic}`}>
              {label(mic)}
              {mic === 'ok' && (
                <>
                  <span className="meter" role="meter" aria-label={t('mic-level')} aria-valuemin={0} aria-valuemax={100} aria-valuenow={0}>
                    <span ref={meter} className="meter-fill" />
                  </span>
                  <span className="facts-sub">{t('mic-hint')}</span>
                </>
              )}
            </dd>
          </div>
          <div>
            <dt>{t('speed')}</dt>
            <dd className={`state state-${speed.state}`}>{speedText}</dd>
          </div>
        </dl>
      </Section>

      {verdict && (
        <Notice kind={verdict === 'video' ? 'success' : verdict === 'audio' ? 'warning' : 'error'}>
          <strong>{verdict === 'video' ? t('verdict-video') : verdict === 'audio' ? t('verdict-audio') : t('verdict-none')}</strong>
        </Notice>
      )}
      {!running && speed.state === 'failed' && <Notice kind="error">{t('error-network')}</Notice>}
      {!running && camera !== 'ok' && camera !== 'idle' && <p className="hint">{t('webview-note')}</p>}

      <button type="button" className="btn btn-primary" onClick={() => void start()} disabled={running} aria-busy={running}>
        {running ? t('checking') : speed.state === 'idle' ? t('check-start') : t('check-again')}
      </button>
    </Page>
  );
}
