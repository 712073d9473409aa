import type { AutomationModel, Directory, RuleSet } from '../../../schemas/index.js';
import type { ApiClient, LoadedModel, ModelSummary } from './api-types.js';
import { httpJson } from './http-json.js';

/**
 * The runtime's HTTP API (docs/contracts.md), typed. Non-2xx answers become
 * `ApiError` carrying the runtime's code and diagnostics.
 *
 * @example const api = createHttpApiClient(); await api.listModels();
 */
export function createHttpApiClient(
  base = '/api',
  fetchImpl: typeof fetch = (...a) => fetch(...a),
): ApiClient {
  const call = httpJson(base, fetchImpl);
  const enc = encodeURIComponent;
  return {
    listModels: async () => {
      const body = await call<ModelSummary[] | { models: ModelSummary[] }>('GET', '/models');
      return Array.isArray(body) ? body : body.models;
    },
    getModel: (id) => call<LoadedModel>('GET', `/models/${enc(id)}`),
    createModel: (model: AutomationModel) => call<LoadedModel>('POST', '/models', model),
    saveModel: (model: AutomationModel) =>
      call<LoadedModel>('PUT', `/models/${enc(model.id)}`, model),
    publish: (id, note) => call('POST', `/models/${enc(id)}/publish`, note ? { note } : {}),
    getRuleSet: (id) => call<RuleSet>('GET', `/models/${enc(id)}/ruleset`),
    getDirectory: () => call<Directory>('GET', '/directory'),
  };
}
