import type {
  DraftDiscarded,
  ExampleSummary,
  PublishResult,
  VersionDetail,
  VersionSummary,
} from '../../../schemas/api/index.js';
import type { LoadedModel } from './api-types.js';
import type { SimulationResult, SimulationScenario } from '../../../schemas/simulation/index.js';
import { httpJson } from './http-json.js';

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
  discardDraft(id: string): Promise<DraftDiscarded>;
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
  const enc = encodeURIComponent;
  return {
    listVersions: (id) => call('GET', `/models/${enc(id)}/versions`),
    getVersion: (id, n) => call('GET', `/models/${enc(id)}/versions/${n}`),
    rollback: (id, version) => call('POST', `/models/${enc(id)}/rollback`, { version }),
    discardDraft: (id) => call('DELETE', `/models/${enc(id)}/draft`),
    getModel: (id) => call('GET', `/models/${enc(id)}`),
    listExamples: () => call('GET', '/examples'),
    copyExample: (slug) => call('POST', `/examples/${enc(slug)}/copy`, {}),
    simulate: (scenario) => call('POST', '/simulate', scenario),
  };
}
