import type { ConvoContext } from '../context.js';
import type { PatientBotDeps } from '../deps.js';
import { waitBirthDate, type Convo } from '../registration/steps.js';
import { linkingOf } from './linking.js';

/**
 * "This is me" pressed: the person types the patient's birth date, and only the referral's own date links it to this
 * account. Until then nothing personal of the referral is shown: a table can carry a wrong phone, and whoever holds
 * that phone must not read a stranger's name, birth date or diagnosis. 'refused' once the account has typed too many
 * wrong dates (counted in the database, so neither a restart nor a new /start resets it). The caller tells the person
 * about 'taken' and 'refused', in the words that fit where they are.
 */
export async function confirmByBirthDate(
  conversation: Convo,
  ctx: ConvoContext,
  deps: PatientBotDeps,
  referralId: number,
  via: 'link' | 'phone',
): Promise<'linked' | 'taken' | 'refused'> {
  const accountId = ctx.from!.id;
  const linking = linkingOf(deps);
  const check = await conversation.external(() => linking.claimCheck(referralId, accountId));
  if (check === 'mine') return 'linked';
  if (check !== 'open') return check;
  await ctx.reply(ctx.t('referral-birth-ask'), { reply_markup: { remove_keyboard: true } });
  // Bounded: every wrong date is counted, and the last allowed one refuses.
  for (;;) {
    const birthDate = await waitBirthDate(conversation);
    const outcome = await conversation.external(() => linking.claim(referralId, accountId, via, birthDate));
    if (outcome === 'linked' || outcome === 'mine') return 'linked';
    if (outcome !== 'wrong') return outcome;
    const left = await conversation.external(() => linking.birthDateTriesLeft(referralId, accountId));
    await ctx.reply(ctx.t('referral-birth-wrong', { left }));
  }
}
