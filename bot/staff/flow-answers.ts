import type { StaffConvoContext } from './context.js';

/** How every staff flow answers a button left from an older screen, and anything that is neither a button nor a text. */
export const staffFlowAnswers = {
  stale: (update: StaffConvoContext) => update.t('staff-unknown-action'),
  other: (update: StaffConvoContext) => update.reply(update.t('press-button')),
};
