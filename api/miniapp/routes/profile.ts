import { Hono } from 'hono';
import { SPECIALTIES, specialtyOfCenter } from '../../../core/duty/specialty.js';
import type { Locale } from '../../../core/catalog/index.js';
import { defaultProfile, profileFor } from '../auth.js';
import { patientQuery, type ApplicationsResponse, type CentersResponse, type MeResponse } from '../contract.js';
import type { MiniApiDeps, MiniEnv } from '../env.js';
import { parseQuery } from '../validate.js';
import { centerNames } from '../views.js';
import { JOIN_OPENS_MINUTES_BEFORE } from '../../../core/duty/limits.js';
import { zoneAt, zoneName } from '../../../core/zone-label/index.js';

const SPECIALTY_NAMES = {
  cardiology: { ru: 'Кардиология', en: 'Cardiology' },
  gynecology: { ru: 'Гинекология', en: 'Gynecology' },
} as const;

/** Who the caller is, the catalog as the Mini App shows it, and the profile's applications. */
export function profileRoutes({ services }: MiniApiDeps) {
  const { booking, catalog } = services;
  const limits = {
    bookingMinNoticeMinutes: booking.limits.bookingMinNoticeMinutes,
    cancelMinNoticeMinutes: booking.limits.cancelMinNoticeMinutes,
    maxActiveDutyBookings: booking.limits.maxActiveDutyBookings,
    joinOpensMinutesBefore: JOIN_OPENS_MINUTES_BEFORE,
  };
  const connection = { minVideoKbps: catalog.connection.minVideoKbps, minAudioKbps: catalog.connection.minAudioKbps };
  // The catalog's answers per language, built once.
  const centersFor = (locale: Locale): CentersResponse => ({
    centers: catalog.centers.flatMap((c) => {
      const specialty = specialtyOfCenter(c.code);
      return specialty ? [{ code: c.code, specialty, name: c.name[locale], shortName: c.shortName[locale] }] : [];
    }),
    specialties: SPECIALTIES.map((code) => ({ code, name: SPECIALTY_NAMES[code][locale], topics: catalog.dutyTopics[locale] })),
  });
  const centers = { ru: centersFor('ru'), en: centersFor('en') };
  const names = centerNames(catalog);
  const conditions = {
    ru: new Map(catalog.centers.flatMap((c) => c.conditions.map((k) => [`${c.code}/${k.code}`, k.ru] as const))),
    en: new Map(catalog.centers.flatMap((c) => c.conditions.map((k) => [`${c.code}/${k.code}`, k.en] as const))),
  };

  return new Hono<MiniEnv>()
    .get('/me', (c) => {
      const profiles = c.get('profiles');
      const locale = c.get('locale');
      const now = services.clock.now();
      const body: MeResponse = {
        locale,
        defaultPatientId: defaultProfile(profiles).id,
        patients: profiles.map((p) => ({
          id: p.id,
          fullName: p.fullName,
          relation: p.relation,
          timeZone: p.timeZone,
          zone: { at: zoneAt(p.timeZone, now, locale), name: zoneName(p.timeZone, now, locale) },
        })),
        limits,
        connection,
      };
      return c.json(body);
    })
    .get('/centers', (c) => c.json(centers[c.get('locale')]))
    .get('/applications', (c) => {
      const { patientId } = parseQuery(c, patientQuery);
      const profile = profileFor(c.get('profiles'), patientId);
      const locale = c.get('locale');
      const body: ApplicationsResponse = {
        applications: services.applicationRepository
          .ofPatient(profile.id)
          .sort((a, b) => b.submittedAt - a.submittedAt || b.id - a.id)
          .map((a) => ({
            id: a.id,
            center: names[locale].get(a.centerCode) ?? a.centerCode,
            condition: conditions[locale].get(`${a.centerCode}/${a.conditionCode}`) ?? a.conditionCode,
            status: a.status,
            submittedAt: new Date(a.submittedAt).toISOString(),
          })),
      };
      return c.json(body);
    });
}
