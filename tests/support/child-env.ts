/**
 * What a process a test starts inherits of the test's clock: the time zone, and under the clock matrix
 * (scripts/test-clocks.ts) libfaketime with its shared start time, so the service and the test see the same "now".
 */
export function clockEnv(): Record<string, string> {
  const names = Object.keys(process.env).filter((name) => name === 'TZ' || name === 'LD_PRELOAD' || name.startsWith('FAKETIME'));
  return Object.fromEntries(names.map((name) => [name, process.env[name] ?? '']));
}
