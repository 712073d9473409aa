import type { AutomationModel, Directory, RuleSet } from '../../../schemas/index.js';
import type { ApiClient, LoadedModel, ModelSummary } from './api-types.js';
import type { PageOf } from '../../../schemas/api/index.js';
import { httpJson, httpJsonWithEtag } from './http-json.js';
import { pageThrough } from './page-through.js';

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
  const withEtag = httpJsonWithEtag(base, fetchImpl);
  const loaded = async (p: Promise<{ body: LoadedModel; etag?: string }>): Promise<LoadedModel> => {
    const { body, etag } = await p;
    return etag === undefined ? body : { ...body, etag };
  };
  const enc = encodeURIComponent;
  return {
    listModels: () => pageThrough((path) => call<PageOf<ModelSummary>>('GET', path), '/models'),
    getModel: (id) => loaded(withEtag('GET', `/models/${enc(id)}`)),
    createModel: (model: AutomationModel) => loaded(withEtag('POST', '/models', model)),
    saveModel: (model: AutomationModel, options) =>
      loaded(
        withEtag('PUT', `/models/${enc(model.id)}`, model, {
          headers: options?.ifMatch === undefined ? {} : { 'if-match': options.ifMatch },
          keepalive: options?.keepalive === true,
        }),
      ),
    publish: (id, note) => call('POST', `/models/${enc(id)}/publish`, note ? { note } : {}),
    getRuleSet: (id) => call<RuleSet>('GET', `/models/${enc(id)}/ruleset`),
    getDirectory: () => call<Directory>('GET', '/directory'),
  };
}
