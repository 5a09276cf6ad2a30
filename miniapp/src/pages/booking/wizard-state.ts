import type { ConsultationItem, Mode, SlotView, Specialty } from '../../../../api/miniapp/contract';
import type { ApiError } from '../../lib/api';
import { dateKey } from '../../lib/i18n';
import { DAYS_AHEAD } from './days';

export type Step = 'specialty' | 'day' | 'time' | 'mode' | 'confirm';

/** Everything the patient has chosen so far, and where the form stands. */
export interface WizardState {
  /** The patient's today and the range of slots asked for, by the server's clock: fixed while the form is open. */
  span: { today: string; from: string; to: string };
  /** The steps this form walks, in order: a move asks for no mode, and no specialty when the consultation has one. */
  steps: readonly Step[];
  step: Step;
  specialty: Specialty | undefined;
  /** YYYY-MM-DD in the patient's zone. */
  day: string | undefined;
  slot: SlotView | undefined;
  mode: Mode | undefined;
  /** A warning above the step (the time was taken meanwhile). */
  notice: string | undefined;
  sending: boolean;
  error: ApiError | undefined;
}

export type WizardAction =
  | { type: 'go'; step: Step }
  | { type: 'specialty'; specialty: Specialty }
  | { type: 'day'; day: string }
  | { type: 'slot'; slot: SlotView }
  | { type: 'mode'; mode: Mode }
  | { type: 'sending' }
  | { type: 'sent' }
  /** The chosen time went to someone else (or came too close): back to the times, saying so. */
  | { type: 'slot-lost'; notice: string }
  | { type: 'failed'; error: ApiError };

/**
 * A new booking (no original), or moving a booked consultation, which keeps its specialty and mode. A time already
 * tapped on the home screen (`picked`) leaves only video or audio and the confirmation.
 */
export function initialWizardState(
  original: Pick<ConsultationItem, 'specialty' | 'mode'> | undefined,
  now: number,
  timeZone: string,
  picked?: SlotView,
): WizardState {
  const steps: Step[] = original ? ['day', 'time', 'confirm'] : picked ? ['mode', 'confirm'] : ['specialty', 'day', 'time', 'mode', 'confirm'];
  if (original && !original.specialty) steps.unshift('specialty');
  return {
    span: { today: dateKey(now, timeZone), from: new Date(now).toISOString(), to: new Date(now + DAYS_AHEAD * 86_400_000).toISOString() },
    steps,
    step: steps[0]!,
    specialty: original?.specialty ?? picked?.specialty,
    day: picked ? dateKey(picked.startsAt, timeZone) : undefined,
    slot: picked,
    mode: original?.mode,
    notice: undefined,
    sending: false,
    error: undefined,
  };
}

/** Moving to a step clears what was said about the last one. */
const moveTo = (state: WizardState, step: Step): WizardState => ({ ...state, step, notice: undefined, error: undefined });

export function wizardReducer(state: WizardState, action: WizardAction): WizardState {
  switch (action.type) {
    case 'go':
      return moveTo(state, action.step);
    case 'specialty':
      return moveTo({ ...state, specialty: action.specialty }, 'day');
    case 'day':
      return moveTo({ ...state, day: action.day }, 'time');
    case 'slot':
      return moveTo({ ...state, slot: action.slot }, state.steps.includes('mode') ? 'mode' : 'confirm');
    case 'mode':
      return moveTo({ ...state, mode: action.mode }, 'confirm');
    case 'sending':
      return { ...state, sending: true, error: undefined };
    case 'sent':
      return { ...state, sending: false };
    case 'slot-lost': {
      // A time picked on the home screen walked no day or time step: they join the form now.
      const steps: readonly Step[] = state.steps.includes('time') ? state.steps : ['day', 'time', 'mode', 'confirm'];
      return { ...state, steps, sending: false, slot: undefined, step: 'time', notice: action.notice };
    }
    case 'failed':
      return { ...state, sending: false, error: action.error };
  }
}
