import type { RoomEntryResponse, RoomEvent } from '../../../api/miniapp/contract';
import type { Translate } from '../lib/fluent';
import { report } from './api';
import { button, h, linkButton } from './dom';
import { jitsiOptions, loadExternalApi, type JitsiMeetExternalApi } from './jitsi';

/** Received video this low (pixels of height) means Jitsi is starving it: the link will not carry video. */
const LOW_VIDEO_HEIGHT = 180;

interface CallInput {
  entry: RoomEntryResponse;
  t: Translate;
  root: HTMLElement;
  audioOnly: boolean;
}

/**
 * The call itself: Jitsi embedded through its External API, its events reported for attendance, a weak link answered
 * with an offer of sound only, and, when the call ends, the doctor's hand-off to the conclusion or the patient's
 * "what happens next".
 */
export function startCall({ entry, t, root, audioOnly }: CallInput): void {
  const doctor = entry.side === 'doctor';
  const status = h('p', { class: 'call-status', role: 'status' }, doctor ? t('room-waiting-doctor') : t('room-lobby-patient'));
  const banner = h('div', { class: 'call-banner', hidden: '' });
  const frame = h('div', { class: 'call-frame' });
  root.replaceChildren(h('section', { class: 'call' }, status, banner, frame));
  document.body.classList.add('in-call');

  let api: JitsiMeetExternalApi | undefined;
  let joinedAt: number | undefined;
  let inCall = false;
  let audio = audioOnly;
  let offered = false;
  let ended = false;
  const send = (event: RoomEvent, keepalive = false) => void report(entry.session, event, keepalive).catch(() => undefined);

  const switchToAudio = () => {
    if (audio) return;
    audio = true;
    // setAudioOnly stops sending and receiving video (toggleVideo would only stop our own camera): all the link has goes to sound.
    api?.executeCommand('setAudioOnly', true);
    send('audio_only');
    banner.replaceChildren(h('p', {}, t('room-audio-on')));
    banner.hidden = false;
  };

  /** A weak link: offered once, in plain words; the person decides. */
  const offerAudio = () => {
    if (audio || offered || !inCall) return;
    offered = true;
    banner.replaceChildren(
      h('strong', {}, t('room-weak-title')),
      h('p', {}, t('room-weak-text')),
      h('div', { class: 'actions' }, button(t('room-weak-switch'), switchToAudio), button(t('room-weak-dismiss'), () => (banner.hidden = true), 'secondary')),
    );
    banner.hidden = false;
  };

  const finish = () => {
    if (ended) return;
    ended = true;
    if (inCall) send('left');
    inCall = false;
    api?.dispose();
    api = undefined;
    document.body.classList.remove('in-call');
    const minutes = joinedAt === undefined ? undefined : Math.max(1, Math.round((Date.now() - joinedAt) / 60_000));
    const back = entry.botUrl ? linkButton(t('room-back-telegram'), entry.botUrl, 'secondary') : null;
    const rejoin = button(t('room-rejoin'), () => startCall({ entry, t, root, audioOnly: audio }), 'secondary');
    root.replaceChildren(
      doctor
        ? h(
            'section',
            { class: 'card done' },
            h('h1', {}, t('room-done-doctor-title')),
            minutes !== undefined ? h('p', {}, t('room-done-doctor-held', { minutes })) : null,
            h('p', {}, t('room-done-doctor-text')),
            h('div', { class: 'actions' }, entry.concludeUrl ? linkButton(t('room-write-conclusion'), entry.concludeUrl) : null, rejoin),
          )
        : h('section', { class: 'card done' }, h('h1', {}, t('room-done-patient-title')), h('p', {}, t('room-done-patient-text')), h('div', { class: 'actions' }, back, rejoin)),
    );
  };

  loadExternalApi(entry.jitsi.externalApiUrl).then(
    (JitsiMeetExternalAPI) => {
      api = new JitsiMeetExternalAPI(
        entry.jitsi.domain,
        jitsiOptions({ roomName: entry.jitsi.roomName, jwt: entry.jitsi.jwt, parentNode: frame, lang: entry.locale, displayName: entry.displayName, audioOnly: audio, doctor }),
      );
      api.addListener('videoConferenceJoined', () => {
        inCall = true;
        joinedAt ??= Date.now();
        send('joined');
        if (!doctor) status.textContent = t('room-other-here-patient');
      });
      api.addListener('participantJoined', () => (status.textContent = doctor ? t('room-other-here-doctor') : t('room-other-here-patient')));
      api.addListener('participantLeft', () => (status.textContent = t('room-other-left')));
      api.addListener('videoQualityChanged', ({ videoQuality }) => {
        if (videoQuality > 0 && videoQuality <= LOW_VIDEO_HEIGHT) offerAudio();
      });
      api.addListener('peerConnectionFailure', offerAudio);
      api.addListener('suspendDetected', offerAudio);
      api.addListener('audioOnlyChanged', ({ audioOnly: on }) => {
        if (on && !audio) {
          audio = true;
          send('audio_only');
        }
      });
      api.addListener('videoConferenceLeft', finish);
      api.addListener('readyToClose', finish);
    },
    () => {
      root.replaceChildren(h('section', { class: 'card notice-error', role: 'alert' }, h('p', {}, t('room-err-jitsi'))));
    },
  );

  // The browser's own measure, where it has one (Chrome on Android): a downlink below the video minimum.
  const connection = (navigator as Navigator & { connection?: EventTarget & { downlink?: number } }).connection;
  connection?.addEventListener('change', () => {
    if (typeof connection.downlink === 'number' && connection.downlink > 0 && connection.downlink * 1000 < entry.connection.minVideoKbps) offerAudio();
  });
  // Closing the tab is leaving the call: the last report goes out with keepalive.
  addEventListener('pagehide', () => {
    if (inCall) send('left', true);
  }, { once: true });
}
