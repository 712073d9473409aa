import {
  analyzeModel,
  compileModel,
  hasErrors,
  validateModelSchema,
  type AutomationModel,
  type Directory,
} from '../../schemas/index.js';
import {
  ApiError,
  type ApiClient,
  type LoadedModel,
  type ModelSummary,
} from '../../designer/src/api/api-types.js';

export interface FakeApiOptions {
  /** Models the fake runtime starts with (drafts, never published). */
  readonly models?: readonly AutomationModel[];
  readonly directory?: Directory;
  /** Every call waits this long, to show loading states. */
  readonly latencyMs?: number;
  /** Every call stays pending forever (a "loading" story). */
  readonly hang?: boolean;
  /** Every call fails with this message, as an unreachable runtime would (503). */
  readonly failWith?: string;
}

/** One call the designer made, for play functions to assert on. */
export interface FakeApiCall {
  readonly method: keyof ApiClient;
  readonly args: readonly unknown[];
}

export type FakeApiClient = ApiClient & { readonly calls: readonly FakeApiCall[] };

/**
 * An in-memory runtime for stories and component tests: it answers like the HTTP API
 * of docs/contracts.md (404 for an unknown model, 409 for a duplicate, 422 with the
 * analyzer's errors on publish) using the same schema checks, analyzer and compiler
 * from `schemas/`, but nothing leaves the page.
 *
 * @example <ApiProvider client={createFakeApiClient({ models: [WORKBENCH] })}>...</ApiProvider>
 */
export function createFakeApiClient(options: FakeApiOptions = {}): FakeApiClient {
  const drafts = new Map(options.models?.map((m) => [m.id, m]) ?? []);
  const published = new Map<string, number>();
  const directory = options.directory ?? { users: [], departments: [], queues: [] };
  const calls: FakeApiCall[] = [];

  async function answer<T>(method: keyof ApiClient, args: unknown[], body: () => T): Promise<T> {
    calls.push({ method, args });
    if (options.hang) return new Promise<T>(() => undefined);
    if (options.latencyMs) await new Promise((r) => setTimeout(r, options.latencyMs));
    if (options.failWith) throw new ApiError(503, 'UNAVAILABLE', options.failWith);
    return body();
  }
  const loaded = (model: AutomationModel): LoadedModel => ({
    model,
    diagnostics: analyzeModel(model, { directory }),
    publishedVersion: published.get(model.id),
  });
  const draft = (id: string): AutomationModel => {
    const model = drafts.get(id);
    if (!model) throw new ApiError(404, 'NOT_FOUND', `model ${id} not found`);
    return model;
  };
  const store = (model: AutomationModel): LoadedModel => {
    const problems = validateModelSchema(model);
    if (problems.length > 0)
      throw new ApiError(422, 'INVALID_MODEL', 'the model does not match its schema', problems);
    drafts.set(model.id, model);
    return loaded(model);
  };

  return {
    calls,
    listModels: () =>
      answer('listModels', [], () =>
        [...drafts.values()].map((m): ModelSummary => ({
          id: m.id,
          name: m.name,
          updatedAt: '2026-01-12T08:00:00.000Z',
          publishedVersion: published.get(m.id),
        })),
      ),
    getModel: (id) => answer('getModel', [id], () => loaded(draft(id))),
    createModel: (model) =>
      answer('createModel', [model], () => {
        if (drafts.has(model.id))
          throw new ApiError(409, 'CONFLICT', `model ${model.id} already exists`);
        return store(model);
      }),
    saveModel: (model) =>
      answer('saveModel', [model], () => {
        draft(model.id);
        return store(model);
      }),
    publish: (id, note) =>
      answer('publish', [id, note], () => {
        const diagnostics = analyzeModel(draft(id), { directory });
        if (hasErrors(diagnostics))
          throw new ApiError(422, 'MODEL_HAS_ERRORS', 'the model has errors', diagnostics);
        const version = (published.get(id) ?? 0) + 1;
        published.set(id, version);
        return { version, diagnostics, unchanged: false };
      }),
    getRuleSet: (id) => answer('getRuleSet', [id], () => compileModel(draft(id))),
    getDirectory: () => answer('getDirectory', [], () => directory),
  };
}
