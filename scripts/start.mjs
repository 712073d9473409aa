// `npm start`: builds the designer and the server only when missing or older than their
// sources, then runs the compiled server in this process (signals reach it directly).
// A release install (`npm ci --omit=dev` after `npm run build`) finds both current and
// needs nothing but the run-time dependencies. Plain JavaScript: see build-targets.mjs.
import { BuildError, buildStale, DESIGNER_BUILD, SERVER_BUILD } from './build-targets.mjs';

try {
  buildStale([DESIGNER_BUILD, SERVER_BUILD]);
} catch (e) {
  if (!(e instanceof BuildError)) throw e;
  console.error(`Conveyor did not start: ${e.message}`);
  process.exit(1);
}
await import('../dist/runtime/main.js');
