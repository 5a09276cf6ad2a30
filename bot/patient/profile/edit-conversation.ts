import type { NewPatient } from '../../../core/patients/repository.js';
import type { ConvoContext } from '../context.js';
import type { PatientBotDeps } from '../deps.js';
import { mainMenu } from '../menu.js';
import { askBirthDate, askFullName, askPhone, askRegion, type Convo } from '../registration/steps.js';

export const EDIT_PROFILE = 'editProfile';
export const EDITABLE_FIELDS = ['name', 'birth', 'phone', 'region'] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];

/** Changes one field of one profile; a short conversation of its own, reusing the registration steps. */
export function createEditProfile(deps: PatientBotDeps) {
  return async function editProfile(conversation: Convo, ctx: ConvoContext, patientId: number, field: EditableField) {
    const accountId = ctx.from!.id;
    const patient = await conversation.external(() => deps.patients.get(accountId, patientId));
    if (!patient) {
      await ctx.reply(ctx.t('profile-not-found'), { reply_markup: mainMenu(ctx) });
      return;
    }
    let patch: Partial<NewPatient>;
    let verifiedPhone: string | undefined;
    switch (field) {
      case 'name':
        patch = { fullName: await askFullName(conversation, ctx, patient.relation) };
        break;
      case 'birth':
        patch = { birthDate: await askBirthDate(conversation, ctx) };
        break;
      case 'phone': {
        const phone = await askPhone(conversation, ctx);
        patch = { phone: phone.phone, phoneVerified: phone.verified };
        if (phone.verified) verifiedPhone = phone.phone;
        break;
      }
      case 'region': {
        const region = await askRegion(conversation, ctx, deps.regions);
        if (!region) return;
        patch = region;
        break;
      }
    }
    const found = await conversation.external(() => {
      if (!deps.patients.get(accountId, patientId)) return false;
      deps.patients.update(accountId, patientId, patch);
      if (verifiedPhone) deps.accounts.setPhone(accountId, verifiedPhone, true);
      return true;
    });
    await ctx.reply(ctx.t(found ? 'profile-updated' : 'profile-not-found'), { reply_markup: mainMenu(ctx) });
  };
}
