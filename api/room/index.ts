import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { DomainError } from '../../core/errors.js';
import type { Attendance, RoomEntry, RoomService } from '../../core/room/index.js';
import { roomEnterBody, roomEventBody, type RoomAttendance, type RoomEntryResponse, type RoomEventResponse } from '../miniapp/contract.js';
import { ApiError } from '../miniapp/errors.js';
import { speedtestRoutes } from '../miniapp/routes/speedtest.js';
import { parseBody } from '../miniapp/validate.js';

export interface RoomApiDeps {
  room: Pick<RoomService, 'enter' | 'resume' | 'report' | 'check'>;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const attendanceOut = (a: Attendance): RoomAttendance => ({
  doctorJoinedAt: iso(a.doctorJoinedAt),
  doctorLeftAt: iso(a.doctorLeftAt),
  patientJoinedAt: iso(a.patientJoinedAt),
  patientLeftAt: iso(a.patientLeftAt),
});
const entryOut = (e: RoomEntry): RoomEntryResponse => ({
  ...e,
  locale: e.locale === 'en' ? 'en' : 'ru',
  startsAt: new Date(e.startsAt).toISOString(),
  endsAt: new Date(e.endsAt).toISOString(),
  attendance: attendanceOut(e.attendance),
});

/** The page's session, from `Authorization: Room <session>`; 401 without one. */
function sessionOf(header: string | undefined): string {
  const match = /^Room ([A-Za-z0-9_-]{1,100})$/.exec(header ?? '');
  if (!match) throw new ApiError(401, 'room_session_invalid', 'No room session');
  return match[1]!;
}

/**
 * The room page's API under /api/room: no init data (the page runs in the phone's browser, outside Telegram); the
 * one-time ticket of its link, then the session it was exchanged for, is the only credential.
 */
export function createRoomApi({ room }: RoomApiDeps) {
  const api = new Hono();
  api.use('*', async (c, next) => {
    // A Jitsi token and a session in the answers: no cache on the way may keep them.
    c.header('Cache-Control', 'no-store');
    await next();
  });
  api.on(['POST'], '*', bodyLimit({ maxSize: 4 * 1024, onError: () => { throw new ApiError(413, 'body_too_large', 'Body too large'); } }));
  api.post('/enter', async (c) => {
    const { consultationId, ticket } = await parseBody(c, roomEnterBody);
    try {
      return c.json(entryOut(await room.enter(consultationId, ticket)));
    } catch (err) {
      // The page says when the room opens; the ticket stays valid for then.
      if (err instanceof DomainError && err.code === 'room_not_open') {
        return c.json({ error: { code: err.code, message: 'The room is not open yet', opensAt: new Date(Number(err.details?.opensAt)).toISOString() } }, 409);
      }
      throw err;
    }
  });
  api.post('/resume', async (c) => c.json(entryOut(await room.resume(sessionOf(c.req.header('Authorization'))))));
  api.post('/events', async (c) => {
    const session = sessionOf(c.req.header('Authorization'));
    const { event } = await parseBody(c, roomEventBody);
    const body: RoomEventResponse = { attendance: attendanceOut(room.report(session, event).attendance) };
    return c.json(body);
  });
  // The pre-join connection check, for a live room session only.
  api.use('/speedtest', async (c, next) => {
    room.check(sessionOf(c.req.header('Authorization')));
    await next();
  });
  api.route('/', speedtestRoutes());
  return api;
}
