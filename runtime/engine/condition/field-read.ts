type Indexable = Record<string, unknown>;

/*
 * Why this file repeats one line 64 times. Every condition reads its fields through
 * the same few lines of the compiler, and V8 keeps one inline cache per property
 * read in the source, not per closure: a read `d[key]` shared by all conditions
 * sees every field name and goes megamorphic (a global lookup per read, the largest
 * cost of a prepared condition; `runtime/engine/condition/README.md`, _Speed_).
 * Here each field name gets its own read site the first time a condition is
 * prepared with it, so each site only ever sees one name (and the few object
 * shapes records have) and V8 compiles it to a direct field load. Past 64
 * distinct names, reads share one last site, as before. No code is generated: the
 * sites are these lines.
 */

/** How many field names get a read site of their own. */
export const READ_SITES = 64;

const siteByName = new Map<string, number>();

/**
 * The read site for a field name: a new one for each name until they run out, then
 * the shared one (`READ_SITES`). Stable for the life of the process.
 *
 * @example readField({ amount: 5 }, siteOf('amount'), 'amount') // 5
 */
export function siteOf(key: string): number {
  const known = siteByName.get(key);
  if (known !== undefined) return known;
  if (siteByName.size >= READ_SITES) return READ_SITES;
  const site = siteByName.size;
  siteByName.set(key, site);
  return site;
}

/**
 * `d[key]` read at site `site` (from `siteOf(key)`); `d` must not be null or
 * undefined. The same value as `d[key]`: only where V8 caches the lookup differs.
 */
export function readField(d: unknown, site: number, key: string): unknown {
  const o = d as Indexable;
  switch (site) {
    case 0:
      return o[key];
    case 1:
      return o[key];
    case 2:
      return o[key];
    case 3:
      return o[key];
    case 4:
      return o[key];
    case 5:
      return o[key];
    case 6:
      return o[key];
    case 7:
      return o[key];
    case 8:
      return o[key];
    case 9:
      return o[key];
    case 10:
      return o[key];
    case 11:
      return o[key];
    case 12:
      return o[key];
    case 13:
      return o[key];
    case 14:
      return o[key];
    case 15:
      return o[key];
    case 16:
      return o[key];
    case 17:
      return o[key];
    case 18:
      return o[key];
    case 19:
      return o[key];
    case 20:
      return o[key];
    case 21:
      return o[key];
    case 22:
      return o[key];
    case 23:
      return o[key];
    case 24:
      return o[key];
    case 25:
      return o[key];
    case 26:
      return o[key];
    case 27:
      return o[key];
    case 28:
      return o[key];
    case 29:
      return o[key];
    case 30:
      return o[key];
    case 31:
      return o[key];
    case 32:
      return o[key];
    case 33:
      return o[key];
    case 34:
      return o[key];
    case 35:
      return o[key];
    case 36:
      return o[key];
    case 37:
      return o[key];
    case 38:
      return o[key];
    case 39:
      return o[key];
    case 40:
      return o[key];
    case 41:
      return o[key];
    case 42:
      return o[key];
    case 43:
      return o[key];
    case 44:
      return o[key];
    case 45:
      return o[key];
    case 46:
      return o[key];
    case 47:
      return o[key];
    case 48:
      return o[key];
    case 49:
      return o[key];
    case 50:
      return o[key];
    case 51:
      return o[key];
    case 52:
      return o[key];
    case 53:
      return o[key];
    case 54:
      return o[key];
    case 55:
      return o[key];
    case 56:
      return o[key];
    case 57:
      return o[key];
    case 58:
      return o[key];
    case 59:
      return o[key];
    case 60:
      return o[key];
    case 61:
      return o[key];
    case 62:
      return o[key];
    case 63:
      return o[key];
    default:
      return o[key];
  }
}
