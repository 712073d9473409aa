import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validateSimulationSchema, type SimulationScenario } from '../../../schemas/index.js';
import { formatMinute } from '../../../runtime/simulation/durations.js';
import { runSimulation } from '../../../runtime/simulation/run-simulation.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const EXAMPLES = join(ROOT, 'examples');

const scripts = readdirSync(EXAMPLES, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(EXAMPLES, d.name, 'simulations')))
  .flatMap((d) =>
    readdirSync(join(EXAMPLES, d.name, 'simulations'))
      .filter((f) => f.endsWith('.json'))
      .map((f) => ({ slug: d.name, file: f })),
  )
  .sort((a, b) => `${a.slug}/${a.file}`.localeCompare(`${b.slug}/${b.file}`));

describe('example simulation scripts', () => {
  it('every example model has a script', () => {
    const withScripts = new Set(scripts.map((s) => s.slug));
    const examples = readdirSync(EXAMPLES, { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(join(EXAMPLES, d.name, 'model.json')))
      .map((d) => d.name);
    expect(examples.length).toBeGreaterThanOrEqual(9);
    for (const slug of examples) expect(withScripts, slug).toContain(slug);
  });

  it.each(scripts)('$slug/simulations/$file meets its expectations', async ({ slug, file }) => {
    const dir = join(EXAMPLES, slug);
    const scenario: unknown = JSON.parse(readFileSync(join(dir, 'simulations', file), 'utf8'));
    expect(validateSimulationSchema(scenario)).toEqual([]);
    const model: unknown = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8'));
    const s = scenario as SimulationScenario;
    expect(s.expect?.length ?? 0, 'a script without expectations asserts nothing').toBeGreaterThan(
      0,
    );
    const result = await runSimulation({ scenario: s, model });
    expect(result.stopped).toBeUndefined();
    const refused = result.timeline
      .filter((e) => e.kind === 'step' && e.outcome === 'refused')
      .map((e) => `${formatMinute(e.minute)} ${e.ref}: ${e.message}`);
    // A refusal is part of the story only when the script expects one.
    if (!(s.expect ?? []).some((e) => e.step?.outcome === 'refused'))
      expect(refused, 'steps the runtime refused').toEqual([]);
    const unmet = result.expectations
      .filter((e) => !e.passed)
      .map((e) => `#${e.index} ${e.description}; actual ${JSON.stringify(e.actual ?? null)}`);
    expect(unmet, `unmet expectations of ${slug}/simulations/${file}`).toEqual([]);
  });
});
