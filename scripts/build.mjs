// `npm run build`: the designer (dist/designer) and the compiled server (dist/runtime,
// dist/schemas), each stamped with the hash of its sources so `npm start` and the test
// set-up know they are current. Plain JavaScript: see build-targets.mjs.
import { build, BuildError, DESIGNER_BUILD, SERVER_BUILD } from './build-targets.mjs';

try {
  for (const target of [DESIGNER_BUILD, SERVER_BUILD]) build(target);
} catch (e) {
  if (!(e instanceof BuildError)) throw e;
  console.error(e.message);
  process.exit(1);
}
