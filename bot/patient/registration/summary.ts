import type { Region } from '../../../core/catalog/regions.js';
import type { Relation } from '../../../core/patients/repository.js';
import { formatDate, regionName, zoneLabel } from '../../shared/format.js';
import type { ConvoContext } from '../context.js';
import type { PhoneAnswer, RegionAnswer } from './steps.js';

/** The profile as the person confirms it (reg-confirm), in registration and in a referral's prefilled profile alike. */
export function profileSummary(
  ctx: ConvoContext,
  regions: Region[],
  profile: { relation: Relation; fullName: string; birthDate: string; phone: PhoneAnswer; region: RegionAnswer },
  locale: string,
  now: number,
): string {
  const { relation, fullName, birthDate, phone, region } = profile;
  return ctx.t('reg-confirm', {
    relation: ctx.t('rel-summary', { relation }),
    name: fullName,
    birth: formatDate(birthDate),
    phone: ctx.t(phone.verified ? 'phone-yes' : 'phone-no', { phone: phone.phone }),
    region: regionName(regions, region.regionCode, locale),
    zone: zoneLabel(region.timeZone, locale, now),
  });
}
