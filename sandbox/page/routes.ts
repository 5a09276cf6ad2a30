import { sign } from '@telegram-apps/init-data-node';
import { Hono } from 'hono';
import { z } from 'zod';
import type { BotApiEmulator } from '../botapi/emulator.js';
import { telegramUser, type PersonFile, type SandboxUser } from '../botapi/person.js';
import { BotApiError, touch } from '../botapi/state.js';
import type { MovableClock } from '../clock.js';
import { SANDBOX_ADMIN, SANDBOX_DOCTOR, SANDBOX_DUTY_DOCTOR, SANDBOX_MANAGER, SANDBOX_PATIENT } from '../demo.js';
import type { SmsInbox } from '../sms-inbox.js';
import type { Asset } from './assets.js';
import { renderPage, renderRoomPage } from './html.js';
import { jitsiStandInScript, STAND_IN_PATH } from './jitsi-stand-in.js';
import { sameOriginOnly } from './same-origin.js';
import { chatView, toastsAfter } from './view.js';

export interface SandboxPageDeps {
  emulator: BotApiEmulator;
  tokens: { patient: string; staff: string };
  /** The https address the bots believe they are served at; the page maps it to its own. */
  publicUrl: string;
  /** The Jitsi domain of join links; the page maps them to /sandbox/room/<room>. */
  jitsiDomain: string;
  /** The page's script and style sheet (pageAssets()). */
  assets: Map<string, Asset>;
  /** Aborted when the process stops: waiting state requests answer at once, so the server can close. */
  stopping?: AbortSignal;
  /** The address the sandbox listens on (HOST); its API answers only the page itself, served there or on loopback. */
  host?: string;
  /** The service's clock, which the page moves forward (+15 min … to the next consultation). */
  clock: MovableClock;
  /** When the next booked consultation starts after a moment (undefined: none booked). */
  nextConsultation: (now: number) => number | undefined;
  /** The SMS the service sent, for the page's "SMS" panel. */
  sms: SmsInbox;
}

/** The people at the sandbox's keyboard: the patient with the patient bot, the four staff roles with the staff bot. */
const PEOPLE = {
  patient: { user: SANDBOX_PATIENT, bot: 'patient' },
  doctor: { user: SANDBOX_DOCTOR, bot: 'staff' },
  duty: { user: SANDBOX_DUTY_DOCTOR, bot: 'staff' },
  manager: { user: SANDBOX_MANAGER, bot: 'staff' },
  admin: { user: SANDBOX_ADMIN, bot: 'staff' },
} as const satisfies Record<string, { user: SandboxUser; bot: 'patient' | 'staff' }>;
type Who = keyof typeof PEOPLE;
const WHO = z.enum(['patient', 'doctor', 'duty', 'manager', 'admin']);

/** The page's clock buttons; "next" goes a minute past the next booked consultation's start, so it has begun. */
const MOVES = { '15m': 15 * 60_000, '1h': 3600_000, '1d': 86_400_000 } as const;
const clockBody = z.object({ move: z.enum(['15m', '1h', '1d', 'next']) });
const PAST_START_MS = 60_000;

/** How long a state request waits for a change before answering the same state (the page asks again at once). */
const LONG_POLL_MS = 25_000;
const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

const textBody = z.object({ text: z.string().max(4096), replyTo: z.number().int().positive().optional() });
const callbackBody = z.object({ messageId: z.number().int().positive(), data: z.string().min(1).max(64) });
const launchBody = z.object({ who: WHO, url: z.string().url(), via: z.enum(['menu', 'inline', 'keyboard']) });

/** The sandbox page and its API under /sandbox, on the service's own server. */
export function createSandboxRoutes(deps: SandboxPageDeps) {
  const { emulator, tokens } = deps;
  const { state, person } = emulator;
  const { assets } = deps;
  const app = new Hono();
  const tokenOf = (who: Who) => tokens[PEOPLE[who].bot];

  const view = (after: number) => {
    const chats = Object.fromEntries(
      (Object.keys(PEOPLE) as Who[]).map((who) => {
        const token = tokenOf(who);
        const me = emulator.getMe(token)!;
        const user = PEOPLE[who].user;
        return [
          who,
          {
            ...chatView(state, token, user.id, { username: me.username, name: me.first_name }, user.languageCode),
            blocked: person.isBlocked(token, user.id),
            toasts: toastsAfter(state, token, user.id, after).map((t) => ({ text: t.text ?? '', alert: t.showAlert, url: t.url, revision: t.revision })),
          },
        ];
      }),
    );
    const now = deps.clock.now();
    const next = deps.nextConsultation(now);
    return {
      revision: state.revision,
      chats,
      clock: { now, offsetMs: deps.clock.offsetMs(), nextConsultation: next ?? null },
      sms: deps.sms.list().map((m) => ({ ...m })),
    };
  };

  const failure = (error: unknown) => {
    if (error instanceof BotApiError) return { status: 400 as const, body: { error: error.description } };
    throw error;
  };

  app.use('/sandbox/api/*', sameOriginOnly(deps.host ?? '127.0.0.1'));

  // Every chat route names whose chat it is; anything else is not a route.
  app.use('/sandbox/api/chats/:who/*', async (c, next) => {
    if (!WHO.safeParse(c.req.param('who')).success) return c.json({ error: 'no such chat' }, 404);
    return next();
  });

  app.get('/', (c) => c.redirect('/sandbox/'));
  app.get('/sandbox', (c) => c.redirect('/sandbox/'));
  app.get('/sandbox/', (c) => {
    const bots = { patient: emulator.getMe(tokens.patient)!.username, staff: emulator.getMe(tokens.staff)!.username };
    return c.html(renderPage({ publicUrl: deps.publicUrl, jitsiDomain: deps.jitsiDomain, bots, people: Object.fromEntries((Object.keys(PEOPLE) as Who[]).map((w) => [w, telegramUser(PEOPLE[w].user)])) }));
  });
  app.get('/sandbox/assets/:name', (c) => {
    const asset = assets.get(c.req.param('name'));
    if (!asset) return c.json({ error: { code: 'not_found', message: 'Not found' } }, 404);
    return c.body(asset.body, 200, { 'content-type': asset.type, 'cache-control': 'no-cache' });
  });
  app.get('/sandbox/room/:room', (c) => c.html(renderRoomPage(c.req.param('room'), deps.jitsiDomain)));
  // The room page (/room/<id>) loads this instead of Jitsi's external_api.js: the call's events from buttons.
  const standIn = jitsiStandInScript();
  app.get(STAND_IN_PATH, (c) => c.body(standIn, 200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-cache' }));

  app.get('/sandbox/api/state', async (c) => {
    const after = Number(c.req.query('after') ?? '-1');
    if (Number.isFinite(after) && after >= state.revision) {
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          state.watchers.delete(done);
          resolve();
        };
        const timer = setTimeout(done, LONG_POLL_MS);
        state.watchers.add(done);
        c.req.raw.signal.addEventListener('abort', done);
        deps.stopping?.addEventListener('abort', done);
      });
    }
    return c.json(view(Number.isFinite(after) ? after : -1));
  });

  app.post('/sandbox/api/chats/:who/text', async (c) => {
    const who = WHO.parse(c.req.param('who'));
    const body = textBody.safeParse(await c.req.json().catch(() => null));
    if (!body.success) return c.json({ error: 'text expected' }, 400);
    try {
      return c.json({ message: person.sendText(tokenOf(who), PEOPLE[who].user, body.data.text, body.data.replyTo).message_id });
    } catch (error) {
      const f = failure(error);
      return c.json(f.body, f.status);
    }
  });

  app.post('/sandbox/api/chats/:who/block', async (c) => {
    const who = WHO.parse(c.req.param('who'));
    const body = z.object({ blocked: z.boolean() }).safeParse(await c.req.json().catch(() => null));
    if (!body.success) return c.json({ error: 'blocked (true or false) expected' }, 400);
    person.setBlocked(tokenOf(who), PEOPLE[who].user, body.data.blocked);
    return c.json({ blocked: body.data.blocked });
  });

  app.post('/sandbox/api/chats/:who/contact', (c) => {
    const who = WHO.parse(c.req.param('who'));
    return c.json({ message: person.shareContact(tokenOf(who), PEOPLE[who].user).message_id });
  });

  app.post('/sandbox/api/chats/:who/callback', async (c) => {
    const who = WHO.parse(c.req.param('who'));
    const body = callbackBody.safeParse(await c.req.json().catch(() => null));
    if (!body.success) return c.json({ error: 'messageId and data expected' }, 400);
    try {
      return c.json({ query: person.pressButton(tokenOf(who), PEOPLE[who].user, body.data.messageId, body.data.data) });
    } catch (error) {
      const f = failure(error);
      return c.json(f.body, f.status);
    }
  });

  app.post('/sandbox/api/chats/:who/files', async (c) => {
    const who = WHO.parse(c.req.param('who'));
    const length = Number(c.req.header('content-length') ?? '0');
    if (length > MAX_UPLOAD_BYTES * 2) return c.json({ error: 'Request Entity Too Large' }, 413);
    const form = await c.req.formData().catch(() => undefined);
    if (!form) return c.json({ error: 'multipart/form-data expected' }, 400);
    const asPhoto = form.get('asPhoto') === '1';
    const files: PersonFile[] = [];
    for (const entry of form.getAll('file')) {
      if (typeof entry === 'string') continue;
      const bytes = Buffer.from(await entry.arrayBuffer());
      files.push({ bytes, filename: entry.name || 'file', mime: entry.type || 'application/octet-stream', asPhoto: asPhoto && entry.type.startsWith('image/') });
    }
    const caption = form.get('caption');
    const replyTo = Number(form.get('replyTo') ?? '');
    try {
      const sent = person.sendFiles(tokenOf(who), PEOPLE[who].user, files, typeof caption === 'string' ? caption : undefined, Number.isInteger(replyTo) && replyTo > 0 ? replyTo : undefined);
      return c.json({ messages: sent.map((m) => m.message_id) });
    } catch (error) {
      const f = failure(error);
      return c.json(f.body, f.status);
    }
  });

  app.get('/sandbox/api/files/:fileId', (c) => {
    const file = state.files.get(c.req.param('fileId'));
    if (!file) return c.json({ error: 'file not found' }, 404);
    const document = [...state.messages.values()].map((s) => s.message.document).find((d) => d?.file_id === file.fileId);
    const type = document?.mime_type ?? (file.filePath.startsWith('photos/') ? 'image/jpeg' : 'application/octet-stream');
    const name = document?.file_name ?? file.filePath.split('/').pop() ?? 'file';
    return c.body(new Uint8Array(file.bytes), 200, {
      'content-type': type,
      'content-disposition': `inline; filename*=UTF-8''${encodeURIComponent(name)}`,
      'x-content-type-options': 'nosniff',
    });
  });

  // The sandbox's clock, moved forward only: every timer of the service re-plans at the jump (core/clock.ts onJump).
  app.post('/sandbox/api/clock', async (c) => {
    const body = clockBody.safeParse(await c.req.json().catch(() => null));
    if (!body.success) return c.json({ error: 'move (15m, 1h, 1d or next) expected' }, 400);
    const now = deps.clock.now();
    let by: number;
    if (body.data.move === 'next') {
      const next = deps.nextConsultation(now);
      if (next === undefined) return c.json({ error: 'no consultation is booked ahead' }, 409);
      by = next - now + PAST_START_MS;
    } else by = MOVES[body.data.move];
    deps.clock.advance(by);
    touch(state);
    return c.json({ now: deps.clock.now(), offsetMs: deps.clock.offsetMs() });
  });

  // A Mini App launch, as Telegram does it: launch parameters in the URL's hash, init data signed with the bot's token.
  app.post('/sandbox/api/miniapp', async (c) => {
    const body = launchBody.safeParse(await c.req.json().catch(() => null));
    if (!body.success) return c.json({ error: 'who, url and via expected' }, 400);
    const { who, url, via } = body.data;
    if (!url.startsWith(`${deps.publicUrl}/`)) return c.json({ error: 'this Mini App is not served by the sandbox' }, 400);
    const user = PEOPLE[who].user;
    // Keyboard-button Mini Apps get no init data from Telegram; the menu button and inline buttons get signed data.
    const initData =
      via === 'keyboard'
        ? undefined
        : sign(
            { user: telegramUser(user) as never, chat_type: 'sender', chat_instance: String(user.id * 7 + 1), query_id: `AAH${user.id}${Date.now()}` },
            tokenOf(who),
            // Signed at the sandbox's time: after a clock move, init data of the real time would look a day old.
            new Date(deps.clock.now()),
          );
    return c.json({ path: url.slice(deps.publicUrl.length), initData: initData ?? null });
  });

  return app;
}
