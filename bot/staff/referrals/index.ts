// The staff bot's referral features, each in its own file; registered in bot/staff/index.ts.
export { referralImportFeature } from './import.js';
export { referralInvitesFeature } from './invites.js';
