import type {
  DraftDiscarded,
  ExampleSummary,
  PublishResult,
  VersionDetail,
  VersionSummary,
} from '../../../schemas/api/index.js';
import type { LoadedModel } from './api-types.js';
import type { SimulationResult, SimulationScenario } from '../../../schemas/simulation/index.js';
import type { PageOf } from '../../../schemas/api/index.js';
import { httpJson, httpJsonWithEtag } from './http-json.js';
import { pageThrough } from './page-through.js';

// Answer types come from the route schemas (schemas/api/), never copied by hand.
export type { ExampleSummary, VersionDetail, VersionSummary } from '../../../schemas/api/index.js';

/**
 * Runtime routes used by the versions, gallery and simulation panels, kept apart from
 * `ApiClient` so fakes of the editor's client stay as they are.
 */
export interface ExtraApi {
  listVersions(id: string): Promise<VersionSummary[]>;
  getVersion(id: string, version: number): Promise<VersionDetail>;
  rollback(id: string, version: number): Promise<PublishResult>;
  discardDraft(id: string): Promise<DraftDiscarded & { etag?: string }>;
  getModel(id: string): Promise<LoadedModel>;
  listExamples(): Promise<ExampleSummary[]>;
  copyExample(slug: string): Promise<LoadedModel>;
  simulate(scenario: SimulationScenario): Promise<SimulationResult>;
}

/**
 * The HTTP implementation (docs/contracts.md).
 *
 * @example await createExtraApi().listVersions('reaction-time-control');
 */
export function createExtraApi(base = '/api', fetchImpl?: typeof fetch): ExtraApi {
  const call = httpJson(base, fetchImpl);
  const withEtag = httpJsonWithEtag(base, fetchImpl);
  const enc = encodeURIComponent;
  return {
    listVersions: (id) =>
      pageThrough(
        (path) => call<PageOf<VersionSummary>>('GET', path),
        `/models/${enc(id)}/versions`,
      ),
    getVersion: (id, n) => call('GET', `/models/${enc(id)}/versions/${n}`),
    rollback: (id, version) => call('POST', `/models/${enc(id)}/rollback`, { version }),
    discardDraft: async (id) => {
      const r = await withEtag<DraftDiscarded>('DELETE', `/models/${enc(id)}/draft`);
      return { ...r.body, ...(r.etag === undefined ? {} : { etag: r.etag }) };
    },
    getModel: async (id) => {
      const r = await withEtag<LoadedModel>('GET', `/models/${enc(id)}`);
      return { ...r.body, ...(r.etag === undefined ? {} : { etag: r.etag }) };
    },
    listExamples: () => call('GET', '/examples'),
    copyExample: (slug) => call('POST', `/examples/${enc(slug)}/copy`, {}),
    simulate: (scenario) => call('POST', '/simulate', scenario),
  };
}
