import { readFile } from 'node:fs/promises';

export type ReadJsonResult =
  { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly message: string };

function reason(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'is a directory';
  if (code === 'EACCES') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}

/**
 * Reads and parses a JSON file. Failures are values with a one-line message naming
 * the file, ready for stderr.
 *
 * @example const r = await readJsonFile('model.json'); if (!r.ok) io.err(`${r.message}\n`);
 */
export async function readJsonFile(file: string): Promise<ReadJsonResult> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    return { ok: false, message: `cannot read ${file}: ${reason(error)}` };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, message: `${file} is not JSON: ${reason(error)}` };
  }
}
