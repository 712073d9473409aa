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
  /** The look under way (or the last one): looks run one after another. */
  private looking: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: Store,
    private readonly engine: Engine,
  ) {}

  /** The version a model had when this process activated it at start. */
  saw(modelId: string, version: number): void {
    this.seen.set(modelId, version);
  }

  /**
   * Looks once, after any look already under way: a caller that overlapped another's
   * look must not return before a version that look was still loading is active.
   */
  sync(): Promise<void> {
    if (this.store.publishedVersions === undefined) return Promise.resolve();
    const look = this.looking.then(() => this.look());
    this.looking = look.catch(() => undefined);
    return look;
  }

  private async look(): Promise<void> {
    const stored = (await this.store.publishedVersions?.()) ?? new Map<string, number>();
    for (const [modelId, version] of stored) {
      if (this.seen.get(modelId) === version) continue;
      if (this.engine.activeVersion(modelId)?.version !== version) {
        const v = await this.store.get('versions', versionKey(modelId, version));
        if (v !== undefined) this.engine.activate(modelId, v.version, v.ruleSet);
      }
      this.seen.set(modelId, version);
    }
  }
}
