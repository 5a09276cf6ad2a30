import { Composer, InlineKeyboard } from 'grammy';
import { hears } from '@grammyjs/i18n';
import { ageOn, todayIn } from '../../../core/patients/birth-date.js';
import type { Patient } from '../../../core/patients/repository.js';
import { formatDate, regionName, zoneLabel } from '../../shared/format.js';
import type { PatientContext } from '../context.js';
import { mainMenu } from '../menu.js';
import { REGISTRATION } from '../registration/conversation.js';
import { deleteProfileData, editData } from './callback-data.js';
import { deleteProfileFeature } from './delete.js';
import { EDIT_PROFILE, EDITABLE_FIELDS, type EditableField } from './edit-conversation.js';

const fieldLabel: Record<EditableField, string> = {
  name: 'profile-btn-edit-name',
  birth: 'profile-btn-edit-birth',
  phone: 'profile-btn-edit-phone',
  region: 'profile-btn-edit-region',
};

async function profileCard(ctx: PatientContext, patient: Patient): Promise<string> {
  const locale = await ctx.i18n.getLocale();
  const now = ctx.deps.clock.now();
  return ctx.t('profile-card', {
    name: patient.fullName,
    relation: ctx.t('rel-label', { relation: patient.relation }),
    birth: formatDate(patient.birthDate),
    age: ageOn(patient.birthDate, todayIn(patient.timeZone, now)),
    phone: patient.phone ? ctx.t(patient.phoneVerified ? 'phone-yes' : 'phone-no', { phone: patient.phone }) : '—',
    region: regionName(ctx.deps.regions, patient.regionCode, locale),
    zone: zoneLabel(patient.timeZone, locale, now),
    documents: ctx.deps.documents.list(patient.id).length,
  });
}

/** /profile: every profile of the account with buttons to change a field or delete a child's or relative's; "add a patient" starts registration. */
export function profileFeature() {
  const feature = new Composer<PatientContext>();
  // Before consent nothing about a person may be collected: without an account these fall through to "register first".
  const registered = feature.filter((ctx) => ctx.deps.accounts.find(ctx.from!.id) !== undefined);

  const showProfiles = async (ctx: PatientContext) => {
    const list = ctx.deps.patients.list(ctx.from!.id);
    if (list.length === 0) return ctx.reply(ctx.t('profile-none'), { reply_markup: mainMenu(ctx) });
    await ctx.reply(ctx.t('profile-list-header'), { reply_markup: mainMenu(ctx) });
    for (const patient of list) {
      const keyboard = new InlineKeyboard();
      EDITABLE_FIELDS.forEach((field, i) => {
        keyboard.text(ctx.t(fieldLabel[field]), editData.pack({ patientId: patient.id, field }));
        if (i % 2 === 1) keyboard.row();
      });
      if (patient.relation !== 'self') keyboard.row().text(ctx.t('profile-btn-delete'), deleteProfileData.pack({ patientId: patient.id, confirm: false }));
      await ctx.reply(await profileCard(ctx, patient), { reply_markup: keyboard });
    }
  };

  registered.command('profile', showProfiles);
  registered.filter(hears('menu-profiles'), showProfiles);
  registered.filter(hears('menu-add-patient'), (ctx) => ctx.conversation.enter(REGISTRATION));

  registered.use(deleteProfileFeature());

  registered.callbackQuery(editData.filter(), async (ctx) => {
    const { patientId, field } = editData.unpack(ctx.callbackQuery.data);
    await ctx.answerCallbackQuery();
    if (!ctx.deps.patients.get(ctx.from.id, patientId)) return ctx.reply(ctx.t('profile-not-found'));
    if (!(EDITABLE_FIELDS as readonly string[]).includes(field)) return;
    await ctx.conversation.enter(EDIT_PROFILE, patientId, field);
  });

  return feature;
}
