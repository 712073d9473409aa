import type { AutomationModel } from '../../schemas/index.js';
import type { SimulationResult } from '../../schemas/simulation/index.js';
import { validateSimulationSchema } from '../../schemas/simulation/index.js';
import { ApiError } from '../../designer/src/api/api-types.js';
import type { ExtraApi, VersionDetail } from '../../designer/src/api/extra-api.js';
import type { GalleryExample } from './gallery-fixtures.js';

export interface FakeExtraApiOptions {
  /** Drafts the fake runtime holds, by id (the versions panel's model must be here). */
  readonly models?: readonly AutomationModel[];
  /** Published versions by model id, oldest first (numbers as the runtime gives them). */
  readonly versions?: Readonly<Record<string, readonly VersionDetail[]>>;
  /** What `GET /api/examples` lists and `POST /api/examples/:slug/copy` copies. */
  readonly gallery?: readonly GalleryExample[];
  /**
   * Recorded simulation results by model id: the first run answers the first, each rerun
   * the next (the last repeats), so a story can show what a rerun after an edit changed.
   */
  readonly simulations?: Readonly<Record<string, readonly SimulationResult[]>>;
  /** Every call stays pending forever (a "loading" story). */
  readonly hang?: boolean;
  /** Every call fails with this message, as an unreachable runtime would (503). */
  readonly failWith?: string;
}

/**
 * The versions/gallery/simulation client for stories: an in-memory runtime answering like
 * docs/contracts.md (404 for an unknown model, version or example, 409 when discarding an
 * unpublished draft, 422 with the schema's findings for a bad scenario; a rollback
 * publishes the old model again as a new number). Nothing reaches a server.
 */
export function createFakeExtraApi(options: FakeExtraApiOptions = {}): ExtraApi {
  const drafts = new Map((options.models ?? []).map((m) => [m.id, m]));
  const versions = new Map(
    Object.entries(options.versions ?? {}).map(([id, list]) => [id, [...list]]),
  );
  const runs = new Map<string, number>();
  const gallery = options.gallery ?? [];

  const call = <T>(work: () => T): Promise<T> => {
    if (options.hang) return new Promise<T>(() => undefined);
    if (options.failWith) return Promise.reject(new ApiError(503, 'UNAVAILABLE', options.failWith));
    try {
      return Promise.resolve(work());
    } catch (e) {
      return Promise.reject(e instanceof Error ? e : new Error(String(e)));
    }
  };
  const notFound = (what: string) => new ApiError(404, 'NOT_FOUND', `${what} not found`);
  const draft = (id: string) => {
    const m = drafts.get(id);
    if (!m) throw notFound(`model ${id}`);
    return m;
  };
  const published = (id: string) => (draft(id), versions.get(id) ?? []);
  const version = (id: string, n: number) => {
    const v = published(id).find((x) => x.version === n);
    if (!v) throw notFound(`model ${id} version ${n}`);
    return v;
  };

  return {
    listVersions: (id) =>
      call(() =>
        published(id).map(({ model: _model, note, ...v }) => ({ ...v, note: note ?? null })),
      ),
    getVersion: (id, n) => call(() => version(id, n)),
    rollback: (id, n) =>
      call(() => {
        const list = published(id);
        const next = (list.at(-1)?.version ?? 0) + 1;
        const { model } = version(id, n);
        list.push({
          version: next,
          note: `rollback to version ${n}`,
          publishedAt: new Date().toISOString(),
          publishedBy: 'api',
          model,
          ruleSet: {},
        });
        versions.set(id, list);
        drafts.set(id, model);
        return { version: next, diagnostics: [], unchanged: false };
      }),
    discardDraft: (id) =>
      call(() => {
        const last = published(id).at(-1);
        if (!last)
          throw new ApiError(
            409,
            'NOT_PUBLISHED',
            `model ${id} has no published version to go back to`,
          );
        drafts.set(id, last.model);
        return { model: last.model };
      }),
    getModel: (id) => call(() => ({ model: draft(id), diagnostics: [] })),
    listExamples: () => call(() => gallery.map((g) => g.summary)),
    copyExample: (slug) =>
      call(() => {
        const g = gallery.find((x) => x.summary.slug === slug);
        if (!g?.model) throw notFound(`example ${slug}`);
        let n = 1;
        const id = () => `${g.model?.id ?? slug}-copy${n === 1 ? '' : `-${n}`}`;
        while (drafts.has(id())) n += 1;
        const model = {
          ...g.model,
          id: id(),
          name: `${g.model.name} (copy${n === 1 ? '' : ` ${n}`})`,
        };
        drafts.set(model.id, model);
        return { model, diagnostics: [] };
      }),
    simulate: (scenario) =>
      call(() => {
        const problems = validateSimulationSchema(scenario);
        if (problems.length > 0)
          throw new ApiError(422, 'INVALID_SCENARIO', 'the scenario is not valid', problems);
        const drawn = (scenario.model as Readonly<Record<string, unknown>> | undefined)?.['id'];
        const id = typeof drawn === 'string' ? drawn : (scenario.modelId ?? '');
        const results = options.simulations?.[id] ?? [];
        const n = runs.get(id) ?? 0;
        const result = results[Math.min(n, results.length - 1)];
        if (!result) throw notFound(`recorded simulation of model ${id}`);
        runs.set(id, n + 1);
        return result;
      }),
  };
}
