import { createCallbackData } from '../../shared/callback-data.js';
import { PRESETS, type Preset } from '../../../core/reports/period.js';

/** Shows the figures for a preset period, computed when pressed (so "this month" stays this month). */
export const presetData = createCallbackData('stats', { preset: String });
/** The figures shown on that message as an XLSX file: the exact days, so the file matches the text above it. */
export const xlsxData = createCallbackData('statsX', { from: String, to: String });


export function parsePreset(data: string): Preset | undefined {
  const v = presetData.parse(data);
  return v && (PRESETS as readonly string[]).includes(v.preset) ? (v.preset as Preset) : undefined;
}

/** The days as packed; the period itself is checked by parsePeriod where it is used. */
export function parseXlsx(data: string): { from: string; to: string } | undefined {
  return xlsxData.parse(data);
}
