import { fileURLToPath } from 'node:url';
import { loadTexts } from '../../core/fluent.js';
import { LOCALES } from '../../core/locales.js';

const texts = loadTexts(fileURLToPath(new URL('./locales', import.meta.url)));
const KEYS = ['standin-title', 'standin-explain', 'standin-settings', 'standin-join', 'standin-other-join', 'standin-other-leave', 'standin-quality', 'standin-hangup', 'standin-audio-only'];

/** Where the sandbox serves the stand-in; the room page loads it instead of https://<JITSI_DOMAIN>/external_api.js. */
export const STAND_IN_PATH = '/sandbox/jitsi/external_api.js';

/**
 * A stand-in for Jitsi's external_api.js: a global JitsiMeetExternalAPI with the same constructor, addListener,
 * executeCommand and dispose, which renders buttons instead of a call and emits the events the room page listens to
 * (videoConferenceJoined, participantJoined/Left, videoQualityChanged, videoConferenceLeft, readyToClose). The sandbox
 * serves it so attendance, the no-show offer and the hand-off can be tried without a Jitsi server; the browser test
 * drives the room page with it. It shows the settings the page passed (disableDeepLinking, lobby knock, audio only).
 */
export function jitsiStandInScript(): string {
  const words = Object.fromEntries(LOCALES.map((locale) => [locale, Object.fromEntries(KEYS.map((key) => [key, texts(locale, key)]))]));
  return `(() => {
const WORDS = ${JSON.stringify(words).replace(/</g, '\\u003c')};
class JitsiMeetExternalAPI {
  constructor(domain, options) {
    this.listeners = {};
    this.commands = [];
    this.options = options;
    const w = WORDS[options.lang] || WORDS.ru;
    const el = (tag, text, attrs) => { const e = document.createElement(tag); if (text) e.textContent = text; for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v); return e; };
    const box = el('div', '', { class: 'jitsi-stand-in', style: 'height:100%;overflow:auto;padding:12px;background:#1f2933;color:#f5f7fa;font:15px/1.4 system-ui,sans-serif' });
    box.append(el('strong', w['standin-title']), el('p', w['standin-explain']));
    const c = options.configOverwrite || {};
    const settings = { domain, room: options.roomName, name: options.userInfo && options.userInfo.displayName, jwt: options.jwt ? 'yes' : 'no', disableDeepLinking: c.disableDeepLinking, autoKnock: c.lobby && c.lobby.autoKnock, prejoin: c.prejoinConfig && c.prejoinConfig.enabled, startAudioOnly: c.startAudioOnly, startWithVideoMuted: c.startWithVideoMuted };
    const pre = el('pre', w['standin-settings'] + ':\\n' + Object.entries(settings).map(([k, v]) => k + ': ' + v).join('\\n'), { class: 'jitsi-settings', style: 'white-space:pre-wrap;font-size:12px;opacity:.8' });
    this.state = el('p', '', { class: 'jitsi-state' });
    const row = el('div', '', { style: 'display:flex;flex-wrap:wrap;gap:6px' });
    const other = { id: 'other-1', displayName: '…' };
    const add = (key, fn) => { const b = el('button', w[key], { type: 'button', style: 'flex:1 1 140px;padding:10px;border-radius:8px;border:0;font:inherit' }); b.addEventListener('click', fn); row.append(b); };
    add('standin-join', () => this.emit('videoConferenceJoined', { roomName: options.roomName, id: 'me-1', displayName: settings.name }));
    add('standin-other-join', () => this.emit('participantJoined', other));
    add('standin-other-leave', () => this.emit('participantLeft', { id: other.id }));
    add('standin-quality', () => this.emit('videoQualityChanged', { videoQuality: 180 }));
    add('standin-hangup', () => this.executeCommand('hangup'));
    box.append(row, this.state, pre);
    options.parentNode.append(box);
    this.box = box;
    this.words = w;
  }
  addListener(event, fn) { (this.listeners[event] = this.listeners[event] || []).push(fn); }
  on(event, fn) { this.addListener(event, fn); }
  removeListener(event, fn) { this.listeners[event] = (this.listeners[event] || []).filter((f) => f !== fn); }
  emit(event, payload) { for (const fn of this.listeners[event] || []) fn(payload); }
  executeCommand(command, ...args) {
    this.commands.push([command, ...args]);
    window.__OZ_JITSI_COMMANDS__ = (window.__OZ_JITSI_COMMANDS__ || []).concat([[command, ...args]]);
    if (command === 'setAudioOnly' && args[0]) { this.state.textContent = this.words['standin-audio-only']; this.emit('audioOnlyChanged', { audioOnly: true }); }
    if (command === 'hangup') { this.emit('videoConferenceLeft', { roomName: this.options.roomName }); this.emit('readyToClose'); }
  }
  dispose() { this.box.remove(); this.listeners = {}; }
}
window.JitsiMeetExternalAPI = JitsiMeetExternalAPI;
})();
`;
}
