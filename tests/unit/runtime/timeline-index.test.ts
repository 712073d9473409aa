import { describe, expect, it } from 'vitest';
import { PENDING, TimelineIndex } from '../../../runtime/store/timeline/timeline-index.js';

const at = (off: number) => ({ seg: 0, off, len: 10 });

describe('TimelineIndex', () => {
  it('finds entries through their record, and by id alone through a map built on demand and kept current', () => {
    const index = new TimelineIndex();
    expect(index.add('r1', 'tl1', at(0))).toBe(true);
    expect(index.add('r1', 'tl2', at(11))).toBe(true);
    expect(index.add('r2', 'tl3', { seg: PENDING, off: 0, len: 0 })).toBe(true);
    expect(index.add('r1', 'tl1', at(22))).toBe(false);
    expect(index.size).toBe(3);
    expect(index.has('tl2', 'r1')).toBe(true);
    expect(index.has('tl2', 'r2')).toBe(false);
    // By id alone: the id map is built now.
    expect(index.spot('tl3')).toEqual({ seg: PENDING, off: 0, len: 0 });
    expect(index.recordOf('tl1')).toBe('r1');
    // Later changes reach the id map too.
    index.add('r2', 'tl4', at(33));
    expect(index.add('r9', 'tl4', at(44))).toBe(false);
    expect(index.recordOf('tl4')).toBe('r2');
    index.place('tl3', at(55), 'r2');
    expect(index.spot('tl3')).toEqual(at(55));
    expect(index.remove('tl1')).toBe('r1');
    expect(index.has('tl1')).toBe(false);
    expect(index.has('tl1', 'r1')).toBe(false);
    expect(index.remove('tl2', 'r1')).toBe('r1');
    expect(index.count('r1')).toBe(0);
    expect(index.history('r2').map((h) => h.id)).toEqual(['tl3', 'tl4']);
    expect(index.size).toBe(2);
    expect([...index.all()].map((e) => e.id)).toEqual(['tl3', 'tl4']);
  });
});
