import { Hono } from 'hono';
import { profileFor } from '../auth.js';
import { patientQuery, slotsQuery, waitlistBody, type SlotsResponse, type WaitlistEntryResponse, type WaitlistItem, type WaitlistResponse } from '../contract.js';
import type { MiniApiDeps, MiniEnv } from '../env.js';
import { ApiError, notFound } from '../errors.js';
import { idParam, parseBody, parseQuery } from '../validate.js';
import type { WaitlistEntry } from '../../../core/duty/waitlist.js';

/** A longer range is not a screen of the Mini App; it would only make the query expensive. */
const MAX_RANGE_MS = 32 * 86_400_000;

const waitlistItem = (e: WaitlistEntry): WaitlistItem => ({ id: e.id, specialty: e.specialty, date: e.date, createdAt: new Date(e.createdAt).toISOString() });

/** Free duty slots, the days whose duty times are all booked, and the waitlist for such a day. */
export function slotRoutes({ services }: MiniApiDeps) {
  const { booking } = services;
  return new Hono<MiniEnv>()
    .get('/slots', (c) => {
      const query = parseQuery(c, slotsQuery);
      const profile = profileFor(c.get('profiles'), query.patientId);
      const from = Date.parse(query.from);
      const to = Date.parse(query.to);
      if (!(from < to) || to - from > MAX_RANGE_MS) throw new ApiError(422, 'range_invalid', 'from must be before to, at most 32 days apart');
      const body: SlotsResponse = {
        slots: booking.freeSlots(from, to, query.specialty).map((s) => ({
          id: s.id,
          startsAt: new Date(s.startsAt).toISOString(),
          endsAt: new Date(s.endsAt).toISOString(),
          specialty: s.specialty,
          doctor: { id: s.doctorId, name: s.doctorName },
        })),
        // The waitlist is per specialty: without one, no day is offered.
        fullDays: query.specialty ? booking.fullDays(from, to, query.specialty, profile.timeZone) : [],
      };
      return c.json(body);
    })
    .get('/waitlist', (c) => {
      const { patientId } = parseQuery(c, patientQuery);
      const profile = profileFor(c.get('profiles'), patientId);
      const body: WaitlistResponse = { waitlist: booking.waiting(profile.id).map(waitlistItem) };
      return c.json(body);
    })
    .post('/waitlist', async (c) => {
      const input = await parseBody(c, waitlistBody);
      const profile = profileFor(c.get('profiles'), input.patientId);
      const { entry, created } = booking.joinWaitlist(c.get('accountId'), profile, input.specialty, input.date);
      const body: WaitlistEntryResponse = { waitlist: waitlistItem(entry) };
      return c.json(body, created ? 201 : 200);
    })
    .delete('/waitlist/:id', (c) => {
      const id = idParam(c);
      const { patientId } = parseQuery(c, patientQuery);
      const profiles = c.get('profiles');
      // Without a named profile, any of the account's may hold it.
      const candidates = patientId === undefined ? profiles : [profileFor(profiles, patientId)];
      if (!candidates.some((p) => booking.leaveWaitlist(p.id, id))) throw notFound('Waitlist entry not found');
      return c.body(null, 204);
    });
}
