import type { PageOf } from '../../../schemas/api/index.js';

/** Pages a short list may span before the client stops (100,000 items at 1,000 a page). */
const MAX_PAGES = 100;

/**
 * Every item of a paged list route, page after page (`limit=1000`, following
 * `nextCursor`): for short lists the designer shows whole (models, versions).
 * @example await pageThrough((p) => call('GET', p), '/models')
 */
export async function pageThrough<T>(
  get: (path: string) => Promise<PageOf<T>>,
  path: string,
): Promise<T[]> {
  const out: T[] = [];
  const join = path.includes('?') ? '&' : '?';
  let cursor: string | null = null;
  for (let n = 0; n < MAX_PAGES; n++) {
    const page: PageOf<T> = await get(
      `${path}${join}limit=1000${cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`}`,
    );
    out.push(...page.items);
    cursor = page.nextCursor;
    if (cursor === null) break;
  }
  return out;
}
