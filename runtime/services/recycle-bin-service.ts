import type { EntityType } from '../../schemas/index.js';
import type { Actor } from '../domain/actor.js';
import type { RecordScopedCollection } from '../domain/collections.js';
import type { Page, PageRequest } from '../domain/page.js';
import type { RecordDoc } from '../domain/record.js';
import type { RecycleBinEntry } from '../domain/security-types.js';
import type { Who } from '../domain/who.js';
import type { Tx } from '../engine/tx.js';
import { HttpError, notFound } from '../http/http-error.js';
import type { RuntimeCore } from './runtime-core.js';

/** Days a deleted record stays in the bin when nothing else is configured. */
export const DEFAULT_RECYCLE_BIN_RETENTION_DAYS = 30;
/** The `settings` key that overrides the retention (a whole number of days). */
export const RECYCLE_BIN_RETENTION_SETTING = 'recycleBinRetentionDays';

/** What hangs on a record and goes to the bin with it (outbox items stay: delivery history). */
const RELATED = ['timeline', 'tasks', 'notifications', 'documents', 'timers'] as const;

const DAY_MS = 86_400_000;

/** The actor of purges past the retention period. */
const RETENTION: Actor = { kind: 'system', name: 'retention' };

/** A bin entry as lists show it: without the record's content and history. */
export interface RecycleBinItem {
  key: string;
  entity: EntityType;
  recordId: string;
  title: string;
  deletedAt: string;
  deletedBy: Actor;
  purgeAfter: string;
}

const binKey = (entity: EntityType, id: string): string => `${entity}/${id}`;

function titleOf(r: RecordDoc): string {
  const t = r.fields.title ?? r.fields.name;
  return typeof t === 'string' && t.trim() !== '' ? t : r.id;
}

function item(e: RecycleBinEntry): RecycleBinItem {
  return {
    key: e.key,
    entity: e.entity,
    recordId: e.recordId,
    title: titleOf(e.record as RecordDoc),
    deletedAt: e.deletedAt,
    deletedBy: e.deletedBy,
    purgeAfter: e.purgeAfter,
  };
}

/**
 * The recycle bin: a deleted record goes there with its links, timeline, tasks,
 * notifications, documents and timers in the same commit as its deletion (and its
 * audit entry); it can be restored until `purgeAfter`, or purged, which erases all of
 * it. Retention: `recycleBinRetentionDays` in settings, else the configured default.
 */
export class RecycleBinService {
  /** `retentionDays`: from the environment (`RECYCLE_BIN_RETENTION_DAYS`); absent: 30. */
  constructor(
    private readonly core: RuntimeCore,
    private readonly retentionDays?: number,
  ) {}

  /** The retention in force and where it comes from (the stored setting wins). */
  async retention(): Promise<{ days: number; source: 'setting' | 'env' | 'default' }> {
    const s = await this.core.store.get('settings', RECYCLE_BIN_RETENTION_SETTING);
    const v = s?.value;
    if (typeof v === 'number' && Number.isInteger(v) && v >= 0)
      return { days: v, source: 'setting' };
    return this.retentionDays === undefined
      ? { days: DEFAULT_RECYCLE_BIN_RETENTION_DAYS, source: 'default' }
      : { days: this.retentionDays, source: 'env' };
  }

  /** Stores the retention setting (records deleted from now on); audited with before and after. */
  async setRetention(
    days: number,
    who?: Who,
  ): Promise<{ days: number; source: 'setting' | 'env' | 'default' }> {
    const before = await this.retention();
    await this.core.changeAs(who, async (tx) => {
      tx.put('settings', RECYCLE_BIN_RETENTION_SETTING, {
        key: RECYCLE_BIN_RETENTION_SETTING,
        value: days,
        updatedAt: this.core.clock.now().toISOString(),
      });
      this.core.audit(tx, {
        kind: 'setting.changed',
        target: RECYCLE_BIN_RETENTION_SETTING,
        changes: { [RECYCLE_BIN_RETENTION_SETTING]: { before: before.days, after: days } },
      });
    });
    return { days, source: 'setting' };
  }

  private async days(): Promise<number> {
    return (await this.retention()).days;
  }

  /**
   * Moves a record and everything of it into the bin, within the caller's change: the
   * links other records hold to it go (restore puts them back). Answers the bin entry.
   */
  async moveIn(tx: Tx, record: RecordDoc, now: string): Promise<RecycleBinEntry> {
    const related: Record<string, unknown[]> = {};
    for (const c of RELATED) {
      const docs = await tx.listByRecord(c, record.id);
      related[c] = docs;
      for (const d of docs) tx.delete(c, (d as { id: string }).id);
    }
    for (const l of record.links) {
      const o = await tx.get('records', l.id);
      if (o !== undefined)
        tx.put('records', o.id, { ...o, links: o.links.filter((x) => x.id !== record.id) });
    }
    tx.delete('records', record.id);
    const entry: RecycleBinEntry = {
      key: binKey(record.entity, record.id),
      entity: record.entity,
      recordId: record.id,
      record,
      related,
      deletedAt: now,
      deletedBy: tx.who?.actor ?? { kind: 'system', name: 'server' },
      purgeAfter: new Date(Date.parse(now) + (await this.days()) * DAY_MS).toISOString(),
    };
    tx.put('recycleBin', entry.key, entry);
    return entry;
  }

  /** A page of the bin, newest deletion first. */
  async list(entity: EntityType | undefined, page: PageRequest): Promise<Page<RecycleBinItem>> {
    const found = await this.core.store.query(
      'recycleBin',
      entity === undefined ? {} : { entity },
      { order: 'desc', ...page },
    );
    return { items: found.items.map(item), nextCursor: found.nextCursor };
  }

  private async entry(tx: Tx, entity: EntityType, id: string): Promise<RecycleBinEntry> {
    const e = await tx.get('recycleBin', binKey(entity, id));
    if (e === undefined) throw notFound(`${entity} ${id} in the recycle bin`);
    return e;
  }

  /**
   * Puts a record back with its history, tasks, notifications, documents and timers
   * (a timer that fell due meanwhile runs at the scheduler's next pass, as after a
   * stop), and its links to the records that still exist. 409 when a record with its
   * id exists again.
   */
  async restore(entity: EntityType, id: string, who?: Who): Promise<RecordDoc> {
    const restored = await this.core.changeAs(who, async (tx) => {
      const e = await this.entry(tx, entity, id);
      if ((await tx.get('records', id)) !== undefined)
        throw new HttpError(409, 'RECORD_EXISTS', `${entity} ${id} exists: nothing to restore`);
      const was = e.record as RecordDoc;
      const links: RecordDoc['links'] = [];
      let gone = 0;
      for (const l of was.links) {
        const o = await tx.get('records', l.id);
        if (o === undefined) {
          if (!(await this.linkInBin(tx, l, { entity, id }))) gone++;
          continue;
        }
        links.push(l);
        if (!o.links.some((x) => x.id === id))
          tx.put('records', o.id, { ...o, links: [...o.links, { entity, id }] });
      }
      const now = this.core.clock.now().toISOString();
      const record: RecordDoc = { ...was, links, updatedAt: now };
      tx.put('records', id, record);
      for (const c of RELATED)
        for (const d of e.related[c] ?? []) {
          const doc = d as { id: string };
          if (c === 'timeline') tx.append('timeline', doc.id, doc as never);
          else
            tx.put(
              c as Exclude<RecordScopedCollection, 'timeline' | 'outbox'>,
              doc.id,
              doc as never,
            );
        }
      const tl = this.core.ids.next('tl');
      tx.append('timeline', tl, {
        id: tl,
        recordId: id,
        at: now,
        seq: 0,
        kind: 'record_restored',
        message: `restored from the recycle bin (deleted ${e.deletedAt})`,
        ...(who === undefined ? {} : { actor: who.actor }),
      });
      tx.delete('recycleBin', e.key);
      this.core.audit(tx, {
        kind: 'record.restored',
        entity,
        recordId: id,
        ...(gone === 0
          ? {}
          : {
              detail: `${gone} link(s) to records gone meanwhile dropped`,
              detailCode: 'links_dropped' as const,
              detailParams: { count: gone },
            }),
      });
      return record;
    });
    return (await this.core.store.get('records', id)) ?? restored;
  }

  /**
   * When a linked record is itself in the bin, the link waits there: its deletion took
   * the link away from its side, so the restored record is written back into the other
   * one's bin copy, and restoring that one links both again. False when it is gone for
   * good (purged or never there).
   */
  private async linkInBin(
    tx: Tx,
    other: RecordDoc['links'][number],
    restored: { entity: EntityType; id: string },
  ): Promise<boolean> {
    const o = await tx.get('recycleBin', binKey(other.entity, other.id));
    if (o === undefined) return false;
    const rec = o.record as RecordDoc;
    if (!rec.links.some((x) => x.id === restored.id))
      tx.put('recycleBin', o.key, { ...o, record: { ...rec, links: [...rec.links, restored] } });
    return true;
  }

  /** Erases a record from the bin with its timeline and everything else kept with it. */
  async purge(entity: EntityType, id: string, who?: Who): Promise<void> {
    await this.core.changeAs(who, async (tx) => {
      const e = await this.entry(tx, entity, id);
      tx.delete('recycleBin', e.key);
      this.core.audit(tx, { kind: 'record.purged', entity, recordId: id });
    });
    // Erased means off the disk too, not only unreadable: the embedded store's journal
    // and files would otherwise keep the record until their next housekeeping.
    await this.core.store.eraseDeleted?.();
  }

  /**
   * Purges every entry past its `purgeAfter` (at start and periodically), one page per
   * change, as the server. Answers how many went.
   */
  async purgeExpired(): Promise<number> {
    let purged = 0;
    for (;;) {
      const now = this.core.clock.now().toISOString();
      const due = await this.core.store.query('recycleBin', { purgeBefore: now }, { limit: 100 });
      if (due.items.length === 0) return purged;
      await this.core.changeAs(undefined, async (tx) => {
        for (const e of due.items) {
          tx.delete('recycleBin', e.key);
          this.core.audit(tx, {
            kind: 'record.purged',
            actor: RETENTION,
            entity: e.entity,
            recordId: e.recordId,
            detail: `retention: kept until ${e.purgeAfter}`,
            detailCode: 'retention_expired',
            detailParams: { until: e.purgeAfter },
          });
        }
      });
      purged += due.items.length;
      await this.core.store.eraseDeleted?.();
    }
  }
}
