import type { RecordDoc } from '../domain/record.js';
import type { RuntimeCore } from './runtime-core.js';

/** The records a page of items points at, each read once (a page holds a few hundred at most). */
export async function recordsOf(
  core: RuntimeCore,
  ids: readonly string[],
): Promise<Map<string, RecordDoc | undefined>> {
  return new Map(
    await Promise.all(
      [...new Set(ids)].map(async (id) => [id, await core.store.get('records', id)] as const),
    ),
  );
}

/** A record's title field when it is text: screens show it instead of the record's id. */
export function titleOf(record: RecordDoc | undefined): string | undefined {
  const title = record?.fields['title'] ?? record?.fields['name'];
  return typeof title === 'string' && title !== '' ? title : undefined;
}
