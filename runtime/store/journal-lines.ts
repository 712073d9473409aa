import { COLLECTIONS, type WriteOp } from './store-types.js';

const NAMES: ReadonlySet<string> = new Set(COLLECTIONS);

/** A journal line that is not a batch, and what recovering past it costs. */
export interface JournalDamage {
  /** 1-based line number. */
  line: number;
  /** Byte offset of the line's start: the journal is whole up to here. */
  offset: number;
  reason: string;
  /** Batches from the damaged line to the end (a damaged line counts one): what a recovery drops. */
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

/** Why a value is not a batch of write operations, or undefined when it is one. */
function batchProblem(value: unknown, where: string): string | undefined {
  if (!Array.isArray(value)) return `${where}is not a batch (a JSON array of operations)`;
  for (const [i, op] of value.entries()) {
    const at = `${where}operation ${i}`;
    if (!isObject(op)) return `${at} is not an object`;
    if (op.op !== 'put' && op.op !== 'delete') return `${at} is neither put nor delete`;
    if (typeof op.collection !== 'string' || !NAMES.has(op.collection))
      return `${at} names no known collection`;
    if (typeof op.key !== 'string' || op.key === '') return `${at} has no key`;
    if (op.op === 'put' && !isObject(op.value)) return `${at} puts no document`;
  }
  return undefined;
}

/**
 * The batches of one line: an append's batches (an array of batches), or one batch
 * (journals written before appends were grouped into one line).
 */
function lineBatches(value: unknown): { batches: WriteOp[][] } | { problem: string } {
  if (!Array.isArray(value)) return { problem: 'not a JSON array of batches' };
  const round = value.length > 0 && value.every((b) => Array.isArray(b));
  const batches = round ? (value as unknown[]) : [value];
  for (const [i, b] of batches.entries()) {
    const problem = batchProblem(b, round ? `batch ${i}: ` : '');
    if (problem !== undefined) return { problem };
  }
  return { batches: batches as WriteOp[][] };
}

/** How many batches a line holds, as far as it can be read (a damaged line counts one). */
function countBatches(text: string): number {
  try {
    const parsed = lineBatches(JSON.parse(text));
    return 'batches' in parsed ? parsed.batches.length : 1;
  } catch {
    return 1;
  }
}

/**
 * Reads the journal's lines. Every append is one line ending in a newline, and an
 * acknowledged append is synced, so only the bytes after the last newline can be a
 * torn write (dropped, never acknowledged); a newline-terminated line that is not
 * whole batches is damage, and the batches from there on cannot be trusted to replay.
 *
 * @example
 * parseJournal(Buffer.from('[[]]\n[[{"op":"del')) // { batches: [[]], torn: { offset: 5, bytes: 12 } }
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
        const parsed = lineBatches(JSON.parse(text));
        if ('problem' in parsed) problem = parsed.problem;
        else batches.push(...parsed.batches);
      } catch (e) {
        problem = `not valid JSON (${(e as Error).message})`;
      }
    }
    if (problem !== undefined) {
      let dropped = 0;
      for (let at = offset; at < buf.length;) {
        const next = buf.indexOf(0x0a, at);
        if (next === -1) break;
        if (next > at) dropped += countBatches(buf.subarray(at, next).toString('utf8'));
        at = next + 1;
      }
      return { batches, damage: { line, offset, reason: problem, dropped } };
    }
    offset = end + 1;
  }
  return { batches };
}
