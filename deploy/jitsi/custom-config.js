// Облако здоровья's additions to Jitsi Meet's config.js. docker-jitsi-meet's web image appends this file to the
// config it generates: copy it to ~/.jitsi-meet-cfg/web/custom-config.js and restart the web container
// (deploy/jitsi/README.md, "Phones, TURN and STUN"). The room page sets the same per call (miniapp/src/room/jitsi.ts);
// here they hold for anyone who opens a room link directly, e.g. on a phone outside Telegram.

// A phone's browser stays in the call instead of Jitsi's "download the app" page.
config.disableDeepLinking = true;

// Patients knock as soon as they arrive; the doctor (lobby_bypass in the token) admits them.
config.lobby = Object.assign({}, config.lobby, { autoKnock: true, enableChat: false });

// The clinic's own STUN server (coturn, turnserver.conf) instead of third parties' (meet-jit-si-turnrelay…);
// put your TURN host here.
config.p2p = Object.assign({}, config.p2p, { stunServers: [{ urls: 'stun:turn.clinic.example:3478' }] });

// No third-party calls from the page: no Gravatar, no analytics, no calendar, no feedback form.
config.gravatar = { disabled: true };
config.analytics = { disabled: true };
config.enableCalendarIntegration = false;
config.feedbackPercentage = 0;
