import type { OutboxRow } from '../../core/outbox/repository.js';
import { parseParams, type OutboxTemplate, type ParamsOf } from '../../core/outbox/templates.js';
import type { Rendered, RowRenderer, Translate } from './outbox-sender.js';

/** An outbox row of template K whose params have been checked against core/outbox/templates.ts. */
export type RowOf<K extends OutboxTemplate> = Omit<OutboxRow, 'template' | 'params'> & { template: K; params: ParamsOf<K> };

/** How one template reads for its recipient, in their language. */
export type Renderer<K extends OutboxTemplate> = (row: RowOf<K>, t: Translate, locale: string) => Rendered | Promise<Rendered>;

/** One renderer per template of K, each typed by its own params: a bot's table is `Renderers<PatientTemplate>`. */
export type Renderers<K extends OutboxTemplate> = { [T in K]: Renderer<T> };

/** Per-template hooks around a sent or failed row (onSent, onFailed), typed like renderers. */
export type RowHooks<K extends OutboxTemplate, A extends unknown[], R> = { [T in K]?: (row: RowOf<T>, ...args: A) => R };

/**
 * The row with its params checked. A row that does not match (queued by an older release, edited by hand) throws with
 * what is wrong, so the sender logs it and fails the row instead of a renderer reading `undefined`.
 */
function rowOf<K extends OutboxTemplate>(template: K, row: OutboxRow): RowOf<K> {
  const parsed = parseParams(template, row.params);
  if (!parsed.ok) throw new Error(`params of ${template} do not match core/outbox/templates.ts: ${parsed.problem}`);
  return { ...row, template, params: parsed.params };
}

type RowFn<A extends unknown[], R> = (row: OutboxRow, ...args: A) => R;

function checkEach<A extends unknown[], R>(table: Record<string, ((row: never, ...args: A) => R) | undefined>): Record<string, RowFn<A, R>> {
  const checked: Record<string, RowFn<A, R>> = {};
  for (const [template, fn] of Object.entries(table)) {
    // The key names the template whose params fn expects; rowOf checks the row against exactly that.
    const typed = fn as ((row: RowOf<OutboxTemplate>, ...args: A) => R) | undefined;
    if (typed) checked[template] = (row, ...args) => typed(rowOf(template as OutboxTemplate, row), ...args);
  }
  return checked;
}

/** The sender's view of a bot's table: each renderer gets its row only once the params match its template. */
export function checkedRenderers<K extends OutboxTemplate>(table: Renderers<K>): Record<string, RowRenderer> {
  return checkEach<[Translate, string], Rendered | Promise<Rendered>>(table);
}

/** The same for onSent / onFailed hooks. */
export function checkedHooks<K extends OutboxTemplate, A extends unknown[], R>(table: RowHooks<K, A, R>): Record<string, RowFn<A, R>> {
  return checkEach<A, R>(table);
}
