import type { AutomationModel } from '../../schemas/index.js';
import { ApiError } from '../../designer/src/api/api-types.js';
import type { ExtraApi } from '../../designer/src/api/extra-api.js';

/**
 * The versions/gallery/simulation client for stories: the given models are the examples
 * gallery and have no published versions; nothing reaches a server.
 */
export function createFakeExtraApi(models: readonly AutomationModel[] = []): ExtraApi {
  const missing = (what: string) =>
    Promise.reject(new ApiError(404, 'NOT_FOUND', `${what} not found`));
  const model = (id: string) => models.find((m) => m.id === id);
  return {
    listVersions: async () => [],
    getVersion: (id, n) => missing(`model ${id} version ${n}`),
    rollback: (id, n) => missing(`model ${id} version ${n}`),
    discardDraft: (id) =>
      Promise.reject(new ApiError(409, 'NOT_PUBLISHED', `model ${id} has no published version`)),
    getModel: async (id) => {
      const m = model(id);
      return m ? { model: m, diagnostics: [] } : missing(`model ${id}`);
    },
    listExamples: async () =>
      models.map((m) => ({
        slug: m.id,
        name: m.name,
        description: { en: m.description ?? '', ru: m.description ?? '' },
      })),
    copyExample: async (slug) => {
      const m = model(slug);
      return m
        ? { model: { ...m, id: `${m.id}-copy` }, diagnostics: [] }
        : missing(`example ${slug}`);
    },
    simulate: () =>
      Promise.reject(new ApiError(422, 'NOT_IN_STORIES', 'stories do not run simulations')),
  };
}
