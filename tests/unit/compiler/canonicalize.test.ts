import { describe, expect, it } from 'vitest';
import { canonicalize } from '../../../schemas/index.js';

describe('canonicalize', () => {
  it('sorts keys at every depth and keeps array order', () => {
    const out = canonicalize({ b: [{ y: 1, x: 2 }, 3], a: { d: null, c: 'c' } });
    expect(JSON.stringify(out)).toBe('{"a":{"c":"c","d":null},"b":[{"x":2,"y":1},3]}');
  });

  it('drops undefined properties and turns undefined items into null, as JSON does', () => {
    expect(JSON.stringify(canonicalize({ a: undefined, b: [undefined, 1] }))).toBe(
      '{"b":[null,1]}',
    );
  });

  it('keeps a "__proto__" key of parsed JSON as plain data', () => {
    const parsed = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}') as object;
    const out = canonicalize(parsed);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(JSON.stringify(out)).toBe('{"__proto__":{"polluted":true},"a":1}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('copies: changing the result leaves the input alone', () => {
    const input = { a: { b: [1] } };
    const out = canonicalize(input);
    out.a.b.push(2);
    expect(input.a.b).toEqual([1]);
  });

  it('returns primitives as they are', () => {
    expect(canonicalize(5)).toBe(5);
    expect(canonicalize('x')).toBe('x');
    expect(canonicalize(null)).toBeNull();
  });
});
