import { Liquid } from 'liquidjs';

/** What a Liquid text reads: each global variable as its leading path segments. */
export type LiquidVariables =
  | {
      readonly ok: true;
      readonly variables: ReadonlyArray<readonly string[]>;
      /** Tags that load other files (`include`, `render`, `layout`): models have no files. */
      readonly fileTags: readonly string[];
    }
  | { readonly ok: false; readonly message: string };

const FILE_TAG = /\{%-?\s*(include|render|layout)\b/g;

const liquid = new Liquid();
// The designer re-analyzes on every edit; most texts did not change since the last run.
const cache = new Map<string, LiquidVariables>();
const CACHE_LIMIT = 2_000;

/**
 * Parses a Liquid text and lists the global variables it reads, as path segments
 * (`{{ record.title }}` -> `["record", "title"]`). Loop and `assign` locals are not
 * global and are left out. Segments after a computed one (`record[key]`) are cut off.
 *
 * @example liquidVariables('Hi {{ contact.name }}') // { ok: true, variables: [['contact', 'name']] }
 */
export function liquidVariables(text: string): LiquidVariables {
  const hit = cache.get(text);
  if (hit) return hit;
  let result: LiquidVariables;
  try {
    // partials: false keeps the analysis pure: liquidjs would otherwise read files.
    const segments = liquid.globalVariableSegmentsSync(liquid.parse(text), { partials: false });
    result = {
      ok: true,
      variables: segments.map((s) => {
        const plain: string[] = [];
        for (const seg of s) {
          if (typeof seg !== 'string' && typeof seg !== 'number') break;
          plain.push(String(seg));
        }
        return plain;
      }),
      fileTags: [...new Set([...text.matchAll(FILE_TAG)].map((m) => m[1] as string))],
    };
  } catch (e) {
    result = { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(text, result);
  return result;
}
