import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Locale } from '../locales.js';

// A name in every language of core/locales.ts: a language added there does not compile until the catalog has it.
const localized = z.object({ ru: z.string().min(1), en: z.string().min(1) } satisfies Record<Locale, z.ZodString>);

const catalogSchema = z.object({
  outcomes: z.array(localized.extend({ code: z.string() })).min(1),
  connection: z.object({ minVideoKbps: z.number().positive(), minAudioKbps: z.number().positive() }),
  centers: z
    .array(
      z.object({
        code: z.string(),
        specialty: z.string(),
        name: localized,
        shortName: localized,
        conditions: z.array(localized.extend({ code: z.string(), pregnancy: z.boolean().optional() })).min(1),
        documents: z.array(
          localized.extend({
            kind: z.string(),
            need: z.enum(['required', 'ifAvailable']),
            appliesTo: z.array(z.string()).optional(),
          }),
        ),
      }),
    )
    .min(1),
  dutyTopics: localized,
  otherDocumentKinds: z.array(localized.extend({ kind: z.string() })),
});

export type Catalog = z.infer<typeof catalogSchema>;
export type Center = Catalog['centers'][number];
export type { Locale };

/** Loads and validates the service's facts; a broken catalog stops the start, not a patient's flow. */
export function loadCatalog(file = new URL('./centers.json', import.meta.url)): Catalog {
  return catalogSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}

export interface DocumentKind {
  kind: string;
  ru: string;
  en: string;
}

/** Every document kind a patient can pick: those the centers ask for, then the catalog's other kinds. */
export function documentKinds(catalog: Catalog): DocumentKind[] {
  const seen = new Map<string, DocumentKind>();
  for (const center of catalog.centers) {
    for (const d of center.documents) if (!seen.has(d.kind)) seen.set(d.kind, { kind: d.kind, ru: d.ru, en: d.en });
  }
  for (const d of catalog.otherDocumentKinds) if (!seen.has(d.kind)) seen.set(d.kind, d);
  return [...seen.values()];
}
