import type { StoreFs, StoreReader } from '../store-fs.js';

/** Where an entry's line is in a segment (its bytes, without the newline). */
export interface LineSpot {
  off: number;
  len: number;
}

/** The byte an erased line starts with: a line the parser skips (an entry starts with `{`). */
export const ERASED_BYTE = 0x20;

/**
 * Overwrites lines of a segment in place with spaces of the same length, so a deleted
 * entry's content leaves the disk while every other entry keeps its position (the
 * sealed segments' sidecar indexes stay true). Two steps, each synced: first the
 * line's first byte (one byte cannot tear), which makes the parser skip the line,
 * then the rest. A crash between them leaves a line that starts with a space and is
 * skipped whatever follows; opening finishes the erase (`unerased`).
 */
export async function eraseLines(
  fs: StoreFs,
  file: string,
  spots: readonly LineSpot[],
  fsync: boolean,
): Promise<void> {
  if (spots.length === 0) return;
  const h = await fs.open(file, 'r+');
  try {
    const first = Buffer.from([ERASED_BYTE]);
    for (const s of spots) await h.write(first, 0, 1, s.off);
    if (fsync) await h.datasync();
    for (const s of spots) {
      if (s.len <= 1) continue;
      const rest = Buffer.alloc(s.len - 1, ERASED_BYTE);
      await h.write(rest, 0, rest.length, s.off + 1);
    }
    if (fsync) await h.datasync();
  } finally {
    await h.close();
  }
}

/** The spots whose bytes are not all spaces yet (an erase a crash cut short, or never started). */
export async function unerased<S extends LineSpot>(
  reader: StoreReader,
  spots: readonly S[],
): Promise<S[]> {
  const out: S[] = [];
  for (const s of spots) {
    const buf = await reader.read(s.off, s.len);
    if (buf.some((b) => b !== ERASED_BYTE)) out.push(s);
  }
  return out;
}
