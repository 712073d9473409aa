import { benchConditions } from './conditions.js';
import { benchDuplicates } from './duplicates.js';
import { benchDuplicatesHttp } from './duplicates-http.js';
import { benchBoardRender } from './board-render.js';
import { benchDesignerRender } from './designer-render.js';
import { benchEngine } from './engine.js';
import { benchHttp } from './http.js';
import { benchSimulation } from './simulation.js';
import { benchStore } from './store.js';
import { benchStorePostgres } from './store-postgres.js';
import { benchTimers } from './timers.js';

/**
 * `npm run bench`: every benchmark in one run, each printing its figures beside a
 * baseline measured in the same run. `npm run bench -- engine http` runs a subset.
 */
const BENCHES: Readonly<Record<string, () => Promise<void>>> = {
  conditions: benchConditions,
  duplicates: benchDuplicates,
  'duplicates-http': benchDuplicatesHttp,
  'board-render': benchBoardRender,
  'designer-render': benchDesignerRender,
  engine: benchEngine,
  http: benchHttp,
  simulation: benchSimulation,
  store: benchStore,
  'store-postgres': benchStorePostgres,
  timers: benchTimers,
};

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !(name in BENCHES));
if (unknown.length > 0) {
  console.error(`unknown bench: ${unknown.join(', ')} (known: ${Object.keys(BENCHES).join(', ')})`);
  process.exit(2);
}
for (const [name, run] of Object.entries(BENCHES)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  console.log(`\n## ${name}\n`);
  await run();
}
