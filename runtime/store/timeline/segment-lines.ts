/** One line of a timeline segment: an entry (where it is) or a deletion. */
export type SegmentLine =
  { recordId: string; id: string; at: string; off: number; len: number } | { deleted: string };

export interface ParsedSegment {
  lines: SegmentLine[];
  /** Bytes of whole lines: where a torn tail is cut. */
  whole: number;
  /** Bytes after the last newline: an append a crash cut short (its batches are still in the journal). */
  torn?: { offset: number; bytes: number };
  /** Erased lines still holding some of their entry (an erase a crash cut short): to finish. */
  unfinished: Array<{ off: number; len: number }>;
  /** A line that is not an entry, before the end: the segment cannot be trusted from there. */
  damage?: { line: number; offset: number; reason: string };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Why a parsed line is neither an entry nor a deletion, or its line. */
function lineOf(value: unknown, off: number, len: number): SegmentLine | string {
  if (!isObject(value)) return 'not a JSON object';
  if (typeof value.$deleted === 'string') return { deleted: value.$deleted };
  const { id, recordId, at } = value;
  if (typeof id !== 'string' || id === '') return 'an entry without an id';
  if (typeof recordId !== 'string' || recordId === '') return 'an entry without a recordId';
  return { recordId, id, at: typeof at === 'string' ? at : '', off, len };
}

/**
 * Reads a segment's lines (one JSON document per line, appended; `{"$deleted": id}`
 * removes an earlier entry; a line that starts with a space was erased and is skipped). Only the bytes after the last newline can be a torn
 * append; a newline-terminated line that is not an entry is damage.
 *
 * @example
 * parseSegment(Buffer.from('{"id":"tl_1","recordId":"d1","at":"x"}\n{"id"'))
 * // { lines: [{ recordId: 'd1', id: 'tl_1', at: 'x', off: 0, len: 38 }], unfinished: [], whole: 39, torn: { offset: 39, bytes: 5 } }
 */
export function parseSegment(buf: Buffer): ParsedSegment {
  const lines: SegmentLine[] = [];
  const unfinished: ParsedSegment['unfinished'] = [];
  let offset = 0;
  let n = 0;
  while (offset < buf.length) {
    const end = buf.indexOf(0x0a, offset);
    if (end === -1)
      return { lines, unfinished, whole: offset, torn: { offset, bytes: buf.length - offset } };
    n++;
    // A line starting with a space is an erased entry (`eraseLines`): skipped whatever follows.
    if (end > offset && buf[offset] === 0x20) {
      if (buf.subarray(offset, end).some((b) => b !== 0x20))
        unfinished.push({ off: offset, len: end - offset });
    } else if (end > offset) {
      let line: SegmentLine | string;
      try {
        line = lineOf(JSON.parse(buf.subarray(offset, end).toString('utf8')), offset, end - offset);
      } catch (e) {
        line = `not valid JSON (${(e as Error).message})`;
      }
      if (typeof line === 'string')
        return { lines, unfinished, whole: offset, damage: { line: n, offset, reason: line } };
      lines.push(line);
    }
    offset = end + 1;
  }
  return { lines, unfinished, whole: offset };
}

/** A damaged segment's whole lines (each entry stands alone), for `store recover`. */
export interface SegmentSalvage {
  /** The first damaged line: where and why. */
  offset: number;
  reason: string;
  /** The whole lines, each with its newline. */
  kept: string;
  keptLines: number;
}

/**
 * What `store recover` keeps of a segment: every line that is an entry or a deletion
 * (an entry does not depend on the ones before it, unlike a journal batch), or
 * undefined when nothing is damaged. A torn tail counts as damage only when `last`
 * is false (the active segment's torn tail is cut on open).
 */
export function salvageSegment(buf: Buffer, last: boolean): SegmentSalvage | undefined {
  const parsed = parseSegment(buf);
  if (parsed.damage === undefined && (parsed.torn === undefined || last)) return undefined;
  const first = parsed.damage ?? {
    offset: parsed.whole,
    reason: 'a line cut short before the end of a sealed segment',
  };
  const kept: string[] = [];
  for (const text of buf.toString('utf8').split('\n')) {
    if (text === '') continue;
    try {
      if (typeof lineOf(JSON.parse(text), 0, 0) !== 'string') kept.push(`${text}\n`);
    } catch {
      // damaged: dropped
    }
  }
  return {
    offset: first.offset,
    reason: first.reason,
    kept: kept.join(''),
    keptLines: kept.length,
  };
}
