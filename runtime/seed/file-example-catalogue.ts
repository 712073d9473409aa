import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ExampleCatalogue, ExampleEntry } from '../services/example-catalogue.js';

const SLUG = /^[a-z0-9][a-z0-9-]{0,63}$/;

async function readJson(path: string): Promise<unknown> {
  return JSON.parse(await readFile(path, 'utf8')) as unknown;
}

/** `<folder>/simulations/*.json`, in name order; unreadable files are left out. */
async function readSimulations(folder: string): Promise<unknown[]> {
  const names = await readdir(join(folder, 'simulations')).catch(() => [] as string[]);
  const out: unknown[] = [];
  for (const n of names.filter((x) => x.endsWith('.json')).sort()) {
    const doc = await readJson(join(folder, 'simulations', n)).catch(() => undefined);
    if (doc !== undefined) out.push(doc);
  }
  return out;
}

/**
 * The examples folder as a catalogue: every `<slug>/model.json`, with `<slug>/meta.json`
 * (`{scenario, description: {en, ru}}`) and `<slug>/simulations/*.json` when present. Read on each call, so a new example
 * appears without a restart; slugs are only ever looked up among the listed folders.
 *
 * @example await fileExampleCatalogue('examples').list()
 */
export function fileExampleCatalogue(dir: string): ExampleCatalogue {
  async function list(): Promise<ExampleEntry[]> {
    let names: string[];
    try {
      names = (await readdir(dir)).filter((n) => SLUG.test(n)).sort();
    } catch {
      return [];
    }
    const out: ExampleEntry[] = [];
    for (const slug of names) {
      let model: unknown;
      try {
        model = await readJson(join(dir, slug, 'model.json'));
      } catch {
        continue; // Not an example folder.
      }
      const meta = await readJson(join(dir, slug, 'meta.json')).catch(() => ({}));
      out.push({ slug, model, meta, simulations: await readSimulations(join(dir, slug)) });
    }
    return out;
  }
  return { list };
}
