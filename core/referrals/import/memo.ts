const MAX_ENTRIES = 5_000;

/**
 * Remembers a pure function's answers per owner object (the catalog, one center's conditions, the region list) and
 * text: a table repeats the same few centers, conditions and regions thousands of times. Bounded, so the texts of
 * many tables do not pile up in a long-running service.
 */
export function memoize<O extends object, R>(fn: (owner: O, text: string) => R): (owner: O, text: string) => R {
  const caches = new WeakMap<O, Map<string, R>>();
  return (owner, text) => {
    let cache = caches.get(owner);
    if (!cache) caches.set(owner, (cache = new Map()));
    if (cache.has(text)) return cache.get(text)!;
    const result = fn(owner, text);
    if (cache.size >= MAX_ENTRIES) cache.clear();
    cache.set(text, result);
    return result;
  };
}
