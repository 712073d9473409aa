import type { Engine } from '../engine/engine.js';
import type { Store } from '../domain/store-port.js';

const versionKey = (id: string, n: number): string => `${id}@${String(n).padStart(6, '0')}`;

/**
 * Keeps the engine on the versions other processes publish. Before a run, the store's
 * published version of each model is compared with the one this process last saw
 * stored (not with the engine's: a publish of this process is active before its
 * commit lands, and must not be undone by the older stored number meanwhile); a model
 * whose stored version moved is activated at it. Stores without `publishedVersions`
 * (one process) skip this.
 */
export class PublishedVersionsWatch {
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly store: Store,
    private readonly engine: Engine,
  ) {}

  /** The version a model had when this process activated it at start. */
  saw(modelId: string, version: number): void {
    this.seen.set(modelId, version);
  }

  async sync(): Promise<void> {
    if (this.store.publishedVersions === undefined) return;
    const stored = await this.store.publishedVersions();
    for (const [modelId, version] of stored) {
      if (this.seen.get(modelId) === version) continue;
      this.seen.set(modelId, version);
      if (this.engine.activeVersion(modelId)?.version === version) continue;
      const v = await this.store.get('versions', versionKey(modelId, version));
      if (v !== undefined) this.engine.activate(modelId, v.version, v.ruleSet);
    }
  }
}
