/**
 * The part of Jitsi Meet's External API (IFrame API, modules/API/external/external_api.js of jitsi-meet) this page uses,
 * typed after its source: the constructor's options, the events we listen to and the commands we send. The script
 * itself is loaded from the clinic's own Jitsi (https://<JITSI_DOMAIN>/external_api.js), so the API always matches the
 * server it talks to; the sandbox and the browser test load a stand-in with the same surface.
 */
export interface JitsiEvents {
  videoConferenceJoined: { roomName: string; id: string; displayName: string };
  videoConferenceLeft: { roomName: string };
  participantJoined: { id: string; displayName?: string };
  participantLeft: { id: string };
  readyToClose: undefined;
  /** The quality of received video, as a height in pixels: Jitsi lowers it when the link cannot carry more. */
  videoQualityChanged: { videoQuality: number };
  /** A media connection failed (ICE): the link is broken or blocked. */
  peerConnectionFailure: { isP2P: boolean };
  /** The device slept or the network vanished long enough for Jitsi to notice. */
  suspendDetected: undefined;
  audioOnlyChanged: { audioOnly: boolean };
}

export interface JitsiCommands {
  setAudioOnly: [enabled: boolean];
  toggleVideo: [];
  hangup: [];
}

export interface JitsiOptions {
  roomName: string;
  jwt: string;
  parentNode: HTMLElement;
  width: string;
  height: string;
  lang: string;
  userInfo: { displayName: string };
  configOverwrite: Record<string, unknown>;
  interfaceConfigOverwrite: Record<string, unknown>;
}

export interface JitsiMeetExternalApi {
  addListener<E extends keyof JitsiEvents>(event: E, listener: (payload: JitsiEvents[E]) => void): void;
  executeCommand<C extends keyof JitsiCommands>(command: C, ...args: JitsiCommands[C]): void;
  dispose(): void;
}

export type JitsiMeetExternalApiConstructor = new (domain: string, options: JitsiOptions) => JitsiMeetExternalApi;

declare global {
  interface Window {
    JitsiMeetExternalAPI?: JitsiMeetExternalApiConstructor;
  }
}

/** Loads external_api.js once; rejects when the clinic's Jitsi cannot be reached. */
export function loadExternalApi(url: string): Promise<JitsiMeetExternalApiConstructor> {
  if (window.JitsiMeetExternalAPI) return Promise.resolve(window.JitsiMeetExternalAPI);
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = url;
    script.async = true;
    script.onload = () => (window.JitsiMeetExternalAPI ? resolve(window.JitsiMeetExternalAPI) : reject(new Error('external_api.js defined no JitsiMeetExternalAPI')));
    script.onerror = () => reject(new Error(`cannot load ${url}`));
    document.head.append(script);
  });
}

/**
 * The call's settings, in code rather than in a URL fragment. disableDeepLinking: a phone's browser stays in the call
 * instead of Jitsi's "download the app" page; lobby.autoKnock: a patient knocks as soon as they are in, the doctor
 * admits them; audio only: an audio consultation (or one the link cannot carry video for) never asks for the camera.
 * Jitsi's own prejoin screen is off: our page has already checked the connection and the name comes from the token.
 */
export function jitsiOptions(input: { roomName: string; jwt: string; parentNode: HTMLElement; lang: string; displayName: string; audioOnly: boolean; doctor: boolean }): JitsiOptions {
  return {
    roomName: input.roomName,
    jwt: input.jwt,
    parentNode: input.parentNode,
    width: '100%',
    height: '100%',
    lang: input.lang,
    userInfo: { displayName: input.displayName },
    configOverwrite: {
      defaultLanguage: input.lang,
      disableDeepLinking: true,
      prejoinConfig: { enabled: false },
      lobby: { autoKnock: true, enableChat: false },
      startAudioOnly: input.audioOnly,
      startWithVideoMuted: input.audioOnly,
      startWithAudioMuted: false,
      disableInviteFunctions: true,
      disableProfile: true,
      readOnlyName: true,
      enableWelcomePage: false,
      enableClosePage: false,
      hideConferenceSubject: true,
      // The patient's phone and the doctor's desk: the few buttons a consultation needs.
      toolbarButtons: ['microphone', 'camera', 'hangup', 'chat', 'tileview', 'settings', ...(input.doctor ? ['participants-pane'] : [])],
      // No call is recorded or transcribed (deploy/jitsi turns the services off too).
      fileRecordingsEnabled: false,
      liveStreamingEnabled: false,
      transcription: { enabled: false },
    },
    interfaceConfigOverwrite: { MOBILE_APP_PROMO: false, SHOW_JITSI_WATERMARK: false, SHOW_CHROME_EXTENSION_BANNER: false },
  };
}
