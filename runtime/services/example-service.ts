import { validateModelSchema } from '../../schemas/index.js';
import type { Actor } from '../domain/actor.js';
import { HttpError, notFound } from '../http/http-error.js';
import type { ExampleCatalogue, ExampleEntry } from './example-catalogue.js';
import type { ModelService } from './model-service.js';

export interface ExampleSummary {
  slug: string;
  name: string;
  scenario?: number;
  description: { en: string; ru: string };
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

function summary(e: ExampleEntry): ExampleSummary {
  const model = isRecord(e.model) ? e.model : {};
  const meta = isRecord(e.meta) ? e.meta : {};
  const d = isRecord(meta.description) ? meta.description : {};
  const fallback = str(model.description);
  return {
    slug: e.slug,
    name: str(model.name) || e.slug,
    ...(typeof meta.scenario === 'number' ? { scenario: meta.scenario } : {}),
    description: { en: str(d.en) || fallback, ru: str(d.ru) || str(d.en) || fallback },
  };
}

/**
 * The example's saved simulations as the model keeps them (`simulations`), so a copy
 * offers them in the simulation panel: those the model already holds (by name) and
 * those that would not pass the model schema are left out.
 */
function withSimulations(model: Record<string, unknown>, sims: readonly unknown[] = []) {
  const kept = Array.isArray(model.simulations) ? [...(model.simulations as unknown[])] : [];
  const names = new Set(kept.map((s) => (isRecord(s) ? s.name : undefined)));
  for (const sim of sims) {
    if (!isRecord(sim) || names.has(sim.name)) continue;
    // A saved scenario always runs against the model it is stored in.
    const { model: _m, modelId: _i, version: _v, ...saved } = sim;
    void [_m, _i, _v];
    if (validateModelSchema({ ...model, simulations: [saved] }).length > 0) continue;
    kept.push(saved);
    names.add(saved.name);
  }
  return kept.length === 0 ? model : { ...model, simulations: kept };
}

/** The examples gallery: list them, and copy one into a new editable draft. */
export class ExampleService {
  constructor(
    private readonly catalogue: ExampleCatalogue,
    private readonly models: ModelService,
  ) {}

  async list(): Promise<ExampleSummary[]> {
    return (await this.catalogue.list())
      .map(summary)
      .sort((a, b) => (a.scenario ?? 99) - (b.scenario ?? 99) || a.slug.localeCompare(b.slug));
  }

  /**
   * Saves the example as a new draft with a fresh id (`<model id>-copy`, `-copy-2`, ...)
   * and name, with the example's saved simulations; the example itself and any model
   * already saved stay untouched.
   */
  async copy(slug: string, by?: Actor, address?: string) {
    const entry = (await this.catalogue.list()).find((e) => e.slug === slug);
    if (!entry || !isRecord(entry.model)) throw notFound(`example ${slug}`);
    const base = `${str(entry.model.id) || slug}`.slice(0, 50);
    for (let n = 1; n < 1000; n++) {
      const id = n === 1 ? `${base}-copy` : `${base}-copy-${n}`;
      if (await this.models.exists(id)) continue;
      const name = `${str(entry.model.name) || slug} (copy${n === 1 ? '' : ` ${n}`})`;
      try {
        return await this.models.create(
          withSimulations({ ...entry.model, id, name }, entry.simulations),
          by,
          address,
        );
      } catch (e) {
        // Another copy took this id between the list and the save: try the next one.
        if (!(e instanceof HttpError && e.status === 409)) throw e;
      }
    }
    throw new HttpError(409, 'CONFLICT', `too many copies of example ${slug}`);
  }
}
