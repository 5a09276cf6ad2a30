import type { Config } from './types.js';

/** What the server wrote into the page (sandbox/page/html.ts): addresses, bots, people and the page's texts. */
export const config = JSON.parse(document.getElementById('sandbox-config')!.textContent ?? '{}') as Config;
