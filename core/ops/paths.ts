import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';

/** The absolute path with every existing part's symlinks resolved, so two names of one folder compare equal. */
export function realPath(p: string): string {
  const absolute = path.resolve(p);
  const rest: string[] = [];
  let current = absolute;
  while (!existsSync(current)) {
    const parent = path.dirname(current);
    if (parent === current) break;
    rest.unshift(path.basename(current));
    current = parent;
  }
  return path.join(realpathSync(current), ...rest);
}

/** True when child is parent itself or lies anywhere under it. */
export function isInside(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** A timestamp for file names, sortable: 20261126T021100123Z. */
export function fileStamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:.]/g, '');
}
