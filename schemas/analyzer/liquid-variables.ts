import { createSandboxedLiquid, refusedFileTag } from './sandboxed-liquid.js';

/** What a Liquid text reads: each global variable as its leading path segments. */
export type LiquidVariables =
  | { readonly ok: true; readonly variables: ReadonlyArray<readonly string[]> }
  | {
      readonly ok: false;
      readonly message: string;
      /** Set when the text uses a tag that loads a file (`include`, `render`, `layout`). */
      readonly fileTag?: string;
    };

// The runtime's own sandbox: what parses here is what the runtime can render.
const liquid = createSandboxedLiquid();
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
    // partials: false: the sandbox has no files, and no file tag parses anyway.
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
    };
  } catch (e) {
    const fileTag = refusedFileTag(e);
    const message = e instanceof Error ? e.message : String(e);
    result = fileTag === undefined ? { ok: false, message } : { ok: false, message, fileTag };
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(text, result);
  return result;
}
