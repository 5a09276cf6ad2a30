import type { Renderer } from '../../shared/outbox-sender.js';
import type { PatientBotDeps } from '../deps.js';

/**
 * How each outbox template addressed to a patient reads, in their language. Features add their templates
 * here; the sender refuses a template with no renderer, so a missing one shows in tests, not in production.
 */
export function patientRenderers(_deps: PatientBotDeps): Record<string, Renderer> {
  return {};
}
