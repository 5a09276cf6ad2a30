import './room.css';
import type { RoomEntryResponse } from '../../../api/miniapp/contract';
import { enter, measureKbps, resume, RoomApiError } from './api';
import { startCall } from './call';
import { button, h } from './dom';
import { browserLocale, roomTexts } from './texts';
import { applyTelegramTheme } from './theme';
import type { Translate } from '../lib/fluent';

const root = document.getElementById('room')!;
const show = (...children: Node[]) => root.replaceChildren(...children);
const timeOf = (iso: string, locale: string) => new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'ru-RU', { hour: '2-digit', minute: '2-digit' }).format(Date.parse(iso));

function speedText(t: Translate, kbps: number, locale: string): string {
  const number = new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'ru-RU', { maximumFractionDigits: 1 });
  return kbps >= 1000 ? t('room-mbps', { value: number.format(kbps / 1000) }) : t('room-kbps', { value: number.format(kbps) });
}

function failure(t: Translate, err: unknown, locale: string): void {
  const e = err instanceof RoomApiError ? err : new RoomApiError(0, 'network');
  const text =
    e.code === 'room_not_open' && e.opensAt
      ? t('room-err-not-open', { time: timeOf(e.opensAt, locale) })
      : e.code === 'room_closed'
        ? t('room-err-closed')
        : e.code === 'room_session_invalid'
          ? t('room-err-session')
          : e.code === 'room_link_invalid' || e.status === 404 || e.status === 422
            ? t('room-err-link')
            : t('room-err-network');
  show(h('section', { class: 'card notice-error', role: 'alert' }, h('p', {}, text)));
}

/** Before the call: who and when, the connection measured, and the way in it allows. */
function precheck(entry: RoomEntryResponse, t: Translate): void {
  const title = entry.side === 'doctor' ? t('room-title-doctor', { id: entry.consultationId, patient: entry.otherName }) : t('room-title-patient', { doctor: entry.otherName });
  const status = h('p', { class: 'check', 'data-state': 'running' }, t('room-check-running'));
  const actions = h('div', { class: 'actions' });
  const go = (audioOnly: boolean) => startCall({ entry, t, root, audioOnly });
  show(h('section', { class: 'card' }, h('h1', {}, title), h('p', { class: 'hint' }, t('room-when', { time: timeOf(entry.startsAt, entry.locale) })), entry.mode === 'audio' ? h('p', {}, t('room-audio-mode')) : null, status, actions));
  if (entry.mode === 'audio') {
    // An audio consultation never asks for the camera; the speed check still tells a patient on a poor link.
    actions.replaceChildren(button(t('room-join-video'), () => go(true)));
  } else {
    actions.replaceChildren(button(t('room-join-video'), () => go(false)));
  }
  const controller = new AbortController();
  measureKbps(entry.session, controller.signal).then(
    (kbps) => {
      const { minVideoKbps, minAudioKbps } = entry.connection;
      const speed = speedText(t, kbps, entry.locale);
      if (kbps >= minVideoKbps) {
        status.dataset.state = 'good';
        status.textContent = t('room-check-good', { speed });
        return;
      }
      status.dataset.state = kbps >= minAudioKbps ? 'weak' : 'bad';
      status.textContent = kbps >= minAudioKbps ? t('room-check-weak', { speed }) : t('room-check-bad', { speed });
      if (entry.mode === 'video') actions.replaceChildren(button(t('room-join-audio'), () => go(true)), button(t('room-join-video-anyway'), () => go(false), 'secondary'));
    },
    () => {
      status.dataset.state = 'failed';
      status.textContent = t('room-check-failed');
    },
  );
}

async function boot(): Promise<void> {
  applyTelegramTheme(location.hash);
  let t = roomTexts(browserLocale());
  show(h('p', { class: 'loading' }, t('room-loading')));
  const id = Number(/^\/room\/(\d+)/.exec(location.pathname)?.[1]);
  const ticket = new URLSearchParams(location.search).get('t');
  const key = `oz-room-${id}`;
  // The ticket is spent on first use: the address bar and the history keep only /room/<id>, a reload uses the session.
  if (ticket) history.replaceState(null, '', `/room/${id}${location.hash}`);
  let entry: RoomEntryResponse;
  try {
    const saved = sessionStorage.getItem(key);
    entry = ticket ? await enter(id, ticket) : saved ? await resume(saved) : await Promise.reject(new RoomApiError(403, 'room_link_invalid'));
  } catch (err) {
    // A fresh ticket after a stale session, or the reverse: try the other before giving up.
    const saved = sessionStorage.getItem(key);
    if (ticket && saved && err instanceof RoomApiError && err.code === 'room_link_invalid') {
      try {
        entry = await resume(saved);
      } catch (again) {
        return failure(t, again, browserLocale());
      }
    } else return failure(t, err, browserLocale());
  }
  sessionStorage.setItem(key, entry.session);
  document.documentElement.lang = entry.locale;
  t = roomTexts(entry.locale);
  if (entry.botUrl) root.dataset.botUrl = entry.botUrl;
  precheck(entry, t);
}

void boot();
