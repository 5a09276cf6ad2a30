import { benchApi } from './api.bench.js';
import { benchBundle } from './bundle.bench.js';
import { benchConversation } from './conversation.bench.js';
import { benchDocuments } from './documents.bench.js';
import { benchFanout } from './fanout.bench.js';

// Every benchmark, run one after another so none disturbs another's timing; one JSON document out.
const benches: Array<[string, () => Promise<object>]> = [
  ['documents', benchDocuments],
  ['conversation', benchConversation],
  ['bundle', benchBundle],
  ['api', benchApi],
  // ~6 minutes at Telegram's 30/s: FANOUT_COUNT=1000 for a quick look.
  ['fanout', benchFanout],
];

const results: Record<string, object> = {};
for (const [name, bench] of benches) results[name] = await bench();
console.log(JSON.stringify(results, null, 2));
