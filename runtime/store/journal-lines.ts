import { COLLECTIONS, type WriteOp } from './store-types.js';

const NAMES: ReadonlySet<string> = new Set(COLLECTIONS);

/** A journal line that is not a batch, and what recovering past it costs. */
export interface JournalDamage {
  /** 1-based line number. */
  line: number;
  /** Byte offset of the line's start: the journal is whole up to here. */
  offset: number;
  reason: string;
  /** Lines from the damaged one to the end (it included): the batches a recovery drops. */
  dropped: number;
}

export interface ParsedJournal {
  /** The whole batches before any damage, oldest first. */
  batches: WriteOp[][];
  /** Bytes after the last newline: a batch whose append a crash cut short (never acknowledged). */
  torn?: { offset: number; bytes: number };
  damage?: JournalDamage;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Why a parsed line is not a batch of write operations, or undefined when it is one. */
function batchProblem(value: unknown): string | undefined {
  if (!Array.isArray(value)) return 'not a batch (a JSON array of operations)';
  for (const [i, op] of value.entries()) {
    if (!isObject(op)) return `operation ${i} is not an object`;
    if (op.op !== 'put' && op.op !== 'delete') return `operation ${i} is neither put nor delete`;
    if (typeof op.collection !== 'string' || !NAMES.has(op.collection))
      return `operation ${i} names no known collection`;
    if (typeof op.key !== 'string' || op.key === '') return `operation ${i} has no key`;
    if (op.op === 'put' && !isObject(op.value)) return `operation ${i} puts no document`;
  }
  return undefined;
}

/**
 * Reads the journal's lines. Every batch is appended as one line ending in a newline,
 * and an acknowledged append is synced, so only the bytes after the last newline can
 * be a torn write (dropped, never acknowledged); a newline-terminated line that is not
 * a batch is damage, and the batches from there on cannot be trusted to replay.
 *
 * @example
 * parseJournal(Buffer.from('[]\n[{"op":"del')) // { batches: [[]], torn: { offset: 3, bytes: 11 } }
 */
export function parseJournal(buf: Buffer): ParsedJournal {
  const batches: WriteOp[][] = [];
  let offset = 0;
  let line = 0;
  while (offset < buf.length) {
    const end = buf.indexOf(0x0a, offset);
    if (end === -1) return { batches, torn: { offset, bytes: buf.length - offset } };
    line++;
    const text = buf.subarray(offset, end).toString('utf8');
    let problem: string | undefined;
    if (text !== '') {
      try {
        const value: unknown = JSON.parse(text);
        problem = batchProblem(value);
        if (problem === undefined) batches.push(value as WriteOp[]);
      } catch (e) {
        problem = `not valid JSON (${(e as Error).message})`;
      }
    }
    if (problem !== undefined) {
      let dropped = 0;
      for (let at = offset; at < buf.length;) {
        const next = buf.indexOf(0x0a, at);
        if (next === -1) break;
        if (next > at) dropped++;
        at = next + 1;
      }
      return { batches, damage: { line, offset, reason: problem, dropped } };
    }
    offset = end + 1;
  }
  return { batches };
}
