import type { AutomationModel, Directory, RuleSet } from '../../../schemas/index.js';
import { ApiError, type ApiClient, type LoadedModel, type ModelSummary } from './api-types.js';

type ErrorBody = {
  error?: { code?: string; message?: string; diagnostics?: ApiError['diagnostics'] };
};

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
  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetchImpl(`${base}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    const json: unknown = text ? JSON.parse(text) : undefined;
    if (!res.ok) {
      const err = (json as ErrorBody | undefined)?.error;
      throw new ApiError(
        res.status,
        err?.code ?? `HTTP_${res.status}`,
        err?.message ?? res.statusText,
        err?.diagnostics ?? [],
      );
    }
    return json as T;
  }
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
