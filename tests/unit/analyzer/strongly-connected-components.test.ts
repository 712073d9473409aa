import { describe, expect, it } from 'vitest';
import { stronglyConnectedComponents } from '../../../schemas/analyzer/strongly-connected-components.js';

const scc = (edges: Record<string, string[]>, nodes = Object.keys(edges)) =>
  stronglyConnectedComponents(nodes, (n) => edges[n] ?? [])
    .map((c) => [...c].sort())
    .sort((a, b) => (a[0]! < b[0]! ? -1 : 1));

describe('stronglyConnectedComponents', () => {
  it('finds separate loops and singletons', () => {
    expect(scc({ a: ['b'], b: ['c'], c: ['a', 'd'], d: ['e'], e: ['d'], f: ['a'] })).toEqual([
      ['a', 'b', 'c'],
      ['d', 'e'],
      ['f'],
    ]);
  });

  it('keeps a self-loop as a singleton (callers look for the loop edge)', () => {
    expect(scc({ a: ['a'], b: [] })).toEqual([['a'], ['b']]);
  });

  it('does not overflow the stack on a 100,000-node ring', () => {
    const n = 100_000;
    const nodes = Array.from({ length: n }, (_, i) => `n${i}`);
    const comps = stronglyConnectedComponents(nodes, (v) => [`n${(Number(v.slice(1)) + 1) % n}`]);
    expect(comps).toHaveLength(1);
    expect(comps[0]).toHaveLength(n);
  });
});
