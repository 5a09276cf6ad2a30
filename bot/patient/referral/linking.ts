import { createReferralLinking, type ReferralLinking } from '../../../core/referrals/linking.js';
import type { PatientBotDeps } from '../deps.js';

const built = new WeakMap<PatientBotDeps, ReferralLinking>();

/** The linking service over the bot's own dependencies (it needs nothing the bot does not already hold). */
export function linkingOf(deps: PatientBotDeps): ReferralLinking {
  let linking = built.get(deps);
  if (!linking) {
    linking = createReferralLinking(deps);
    built.set(deps, linking);
  }
  return linking;
}
