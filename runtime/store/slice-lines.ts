import { crc32 } from 'node:zlib';

/**
 * A slice file as the store writes it: a JSON object with one document per line,
 *
 *     {
 *     "deal_1":{"id":"deal_1",...},
 *     "deal_2":{"id":"deal_2",...}
 *     }
 *
 * still one JSON document a person (or `JSON.parse`) reads whole, but also cut into
 * its documents' texts without parsing them: `JSON.stringify` never writes a raw
 * newline inside a string, so each line between the braces is one `"key":document`.
 */
export function sliceText(parts: readonly string[]): string {
  return parts.length === 0 ? '{}' : `{\n${parts.join(',\n')}\n}`;
}

/**
 * Calls `each` with the key and JSON text of every document of a slice written by
 * `sliceText`, without parsing them; false when the text is not in that form (an
 * older file, or one edited by hand: the caller parses it whole), possibly after some
 * calls. Only trusted text comes here (see `SliceSums`): the documents themselves are
 * parsed when first read. No array of lines is made: at 100,000 documents the
 * strings and objects made at open are what the garbage collector pays for.
 *
 * @example
 * eachSliceLine('{\n"a":{"id":"a"},\n"b":{}\n}', (key, text) => console.log(key, text))
 * // a {"id":"a"}
 * // b {}
 */
export function eachSliceLine(text: string, each: (key: string, text: string) => void): boolean {
  if (text === '{}') return true;
  if (!text.startsWith('{\n') || !text.endsWith('\n}')) return false;
  const stop = text.length - 2;
  let at = 2;
  while (at < stop) {
    let end = text.indexOf('\n', at);
    const next = end + 1;
    // Every line but the last ends with a comma.
    if (end < stop) {
      if (text.charCodeAt(end - 1) !== 0x2c) return false;
      end -= 1;
    }
    const key = keyOf(text, at, end);
    if (key === undefined) return false;
    each(key.key, text.slice(key.end + 2, end));
    at = next;
  }
  return true;
}

/** The key of the `"key":{...}` line of `text` from `start` to `end`, and where its closing quote is. */
function keyOf(text: string, start: number, end: number): { key: string; end: number } | undefined {
  if (text.charCodeAt(start) !== 0x22) return undefined; // '"'
  let close = text.indexOf('"', start + 1);
  // A key with escapes (rare: ids are plain): find the quote no backslash escapes.
  let escaped = false;
  for (let i = start + 1; i < close && !escaped; i++) escaped = text.charCodeAt(i) === 0x5c;
  if (escaped) {
    close = start + 1;
    while (close < end && text.charCodeAt(close) !== 0x22)
      close += text.charCodeAt(close) === 0x5c ? 2 : 1;
  }
  if (
    close === -1 ||
    close + 2 >= end ||
    text.charCodeAt(close + 1) !== 0x3a || // ':'
    text.charCodeAt(close + 2) !== 0x7b // '{'
  )
    return undefined;
  const key = escaped
    ? (JSON.parse(text.slice(start, close + 1)) as string)
    : text.slice(start + 1, close);
  return { key, end: close };
}

/** A slice file's size and CRC-32, recorded when the store writes it (see `SliceSums`). */
export interface SliceSum {
  bytes: number;
  crc32: number;
}

export function sliceSum(bytes: Uint8Array): SliceSum {
  return { bytes: bytes.length, crc32: crc32(bytes) };
}
