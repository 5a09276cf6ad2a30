import { createCallbackData } from 'callback-data';

/** An outcome from the catalog, for consultation `id`. */
export const outcomeData = createCallbackData('conclOut', { id: Number, outcome: String });
/** The other buttons of the flow: no recommendations, issue, cancel. */
export const concludeStepData = createCallbackData('conclStep', { id: Number, step: String });

export const CONCLUDE_STEPS = ['norecs', 'issue', 'cancel'] as const;
export type ConcludeStep = (typeof CONCLUDE_STEPS)[number];
