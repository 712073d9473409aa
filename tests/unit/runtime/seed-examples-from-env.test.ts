import { describe, expect, it } from 'vitest';
import { seedExamplesFromEnv } from '../../../runtime/seed/seed-examples-from-env.js';

describe('SEED_EXAMPLES', () => {
  it('is on by default for the embedded store only', () => {
    expect(seedExamplesFromEnv({}, { storeKind: 'embedded' })).toBe(true);
    expect(seedExamplesFromEnv({}, { storeKind: 'postgres' })).toBe(false);
    expect(seedExamplesFromEnv({ SEED_EXAMPLES: ' ' }, { storeKind: 'postgres' })).toBe(false);
  });

  it('1 turns it on on a database, 0 off anywhere', () => {
    expect(seedExamplesFromEnv({ SEED_EXAMPLES: '1' }, { storeKind: 'postgres' })).toBe(true);
    expect(seedExamplesFromEnv({ SEED_EXAMPLES: '0' }, { storeKind: 'embedded' })).toBe(false);
    expect(seedExamplesFromEnv({ SEED_EXAMPLES: 'true' }, { storeKind: 'postgres' })).toBe(true);
  });

  it('refuses anything else with a line naming the variable', () => {
    expect(() => seedExamplesFromEnv({ SEED_EXAMPLES: 'yes' }, { storeKind: 'embedded' })).toThrow(
      'SEED_EXAMPLES must be 1 or 0, not "yes"',
    );
  });
});
