import { Hono } from 'hono';
import { profileFor } from '../auth.js';
import { bookBody, cancelBody, patientQuery, rescheduleBody, type BookResponse, type ConsultationsResponse, type JoinResponse } from '../contract.js';
import type { MiniApiDeps, MiniEnv } from '../env.js';
import { notFound } from '../errors.js';
import { idParam, parseBody, parseQuery } from '../validate.js';
import { centerNames, consultationItem, consultationsResponse } from '../views.js';
import type { Locale } from '../../../core/catalog/index.js';
import type { Profile } from '../../../core/booking/repository.js';

/** The profile's consultations: list, book, cancel, move, join. */
export function consultationRoutes({ services }: MiniApiDeps) {
  const { booking, clock } = services;
  const names = centerNames(services.catalog);


  /** The consultation as the list shows it, read back for the profile that owns it. */
  const itemOf = (locale: Locale, patientId: number, id: number): BookResponse => {
    const row = booking.ofPatient(patientId).find((r) => r.id === id);
    if (!row) throw notFound('Consultation not found');
    return { consultation: consultationItem(row, booking, names[locale], clock.now()) };
  };

  /** A consultation of the account (of the named profile, when one is named); 404 for anyone else's. */
  const owned = (accountId: number, profiles: Profile[], id: number, patientId: number | undefined) => {
    const named = patientId === undefined ? undefined : profileFor(profiles, patientId);
    const c = booking.owned(accountId, id);
    if (!c || (named && c.patientId !== named.id)) throw notFound('Consultation not found');
    return c;
  };

  return new Hono<MiniEnv>()
    .get('/consultations', (c) => {
      const { patientId } = parseQuery(c, patientQuery);
      const profile = profileFor(c.get('profiles'), patientId);
      const centers = names[c.get('locale')];
      const now = clock.now();
      const body: ConsultationsResponse = consultationsResponse(booking.ofPatient(profile.id), now, (row) => consultationItem(row, booking, centers, now));
      return c.json(body);
    })
    .post('/consultations', async (c) => {
      const input = await parseBody(c, bookBody);
      const profile = profileFor(c.get('profiles'), input.patientId);
      const accountId = c.get('accountId');
      const id = booking.book(accountId, profile.id, input.slotId, input.mode);
      return c.json(itemOf(c.get('locale'), profile.id, id), 201);
    })
    .post('/consultations/:id/cancel', async (c) => {
      const id = idParam(c);
      const input = await parseBody(c, cancelBody);
      const accountId = c.get('accountId');
      owned(accountId, c.get('profiles'), id, input.patientId);
      const cancelled = booking.cancel(accountId, id);
      return c.json(itemOf(c.get('locale'), cancelled.patientId, id));
    })
    .post('/consultations/:id/reschedule', async (c) => {
      const id = idParam(c);
      const input = await parseBody(c, rescheduleBody);
      const accountId = c.get('accountId');
      const old = owned(accountId, c.get('profiles'), id, input.patientId);
      const moved = booking.reschedule(accountId, id, input.slotId);
      return c.json(itemOf(c.get('locale'), old.patientId, moved));
    })
    .get('/consultations/:id/join', async (c) => {
      const id = idParam(c);
      const { patientId } = parseQuery(c, patientQuery);
      const accountId = c.get('accountId');
      owned(accountId, c.get('profiles'), id, patientId);
      const link = await booking.join(accountId, id);
      // validUntil is when the link itself stops opening: the room page's one-time ticket is short-lived.
      const body: JoinResponse = { url: link.url, validFrom: new Date(link.validFrom).toISOString(), validUntil: new Date(link.openBefore).toISOString() };
      return c.json(body);
    });
}
