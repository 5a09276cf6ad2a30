import { createCallbackData } from 'callback-data';

/** An outcome from the catalog, for consultation `id`. */
export const outcomeData = createCallbackData('conclOut', { id: Number, outcome: String });
/** The other buttons of the flow: no recommendations, issue, cancel. */
export const concludeStepData = createCallbackData('conclStep', { id: Number, step: String });

export const CONCLUDE_STEPS = ['norecs', 'issue', 'cancel'] as const;
export type ConcludeStep = (typeof CONCLUDE_STEPS)[number];

export type ConcludeButton = { id: number; outcome: string } | { id: number; step: ConcludeStep };

/** Whether callback data belongs to the conclusion flow at all. */
export const isConcludeData = (data: string) => outcomeData.filter().test(data) || concludeStepData.filter().test(data);

/** A button of the flow, checked; undefined for anything malformed (callback-data throws on a number it cannot read). */
export function parseConcludeData(data: string): ConcludeButton | undefined {
  try {
    if (outcomeData.filter().test(data)) {
      const { id, outcome } = outcomeData.unpack(data);
      return Number.isSafeInteger(id) ? { id, outcome } : undefined;
    }
    const { id, step } = concludeStepData.unpack(data);
    return Number.isSafeInteger(id) && (CONCLUDE_STEPS as readonly string[]).includes(step) ? { id, step: step as ConcludeStep } : undefined;
  } catch {
    return undefined;
  }
}
