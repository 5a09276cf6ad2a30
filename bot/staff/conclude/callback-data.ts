import { createCallbackData } from '../../shared/callback-data.js';

/** An outcome from the catalog, for consultation `id`. */
export const outcomeData = createCallbackData('conclOut', { id: Number, outcome: String });
/** The other buttons of the flow: no recommendations, issue, cancel. */
export const concludeStepData = createCallbackData('conclStep', { id: Number, step: String });

export const CONCLUDE_STEPS = ['norecs', 'issue', 'cancel'] as const;
export type ConcludeStep = (typeof CONCLUDE_STEPS)[number];

export type ConcludeButton = { id: number; outcome: string } | { id: number; step: ConcludeStep };

/** Whether callback data belongs to the conclusion flow at all. */
export const isConcludeData = (data: string) => outcomeData.filter().test(data) || concludeStepData.filter().test(data);

/** A button of the flow, checked; undefined for anything malformed. */
export function parseConcludeData(data: string): ConcludeButton | undefined {
  const outcome = outcomeData.parse(data);
  if (outcome) return outcome;
  const step = concludeStepData.parse(data);
  return step && (CONCLUDE_STEPS as readonly string[]).includes(step.step) ? { id: step.id, step: step.step as ConcludeStep } : undefined;
}
