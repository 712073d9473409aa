import { describe, expect, it } from 'vitest';
import { StoreSettingError, storeFromEnv } from '../../../runtime/app/store-from-env.js';

describe('storeFromEnv', () => {
  it('uses the embedded store and seeds it by default', () => {
    expect(storeFromEnv({})).toEqual({ kind: 'lowdb', seedExamples: true });
    expect(storeFromEnv({ DATABASE_URL: '' })).toEqual({ kind: 'lowdb', seedExamples: true });
  });

  it('selects PostgreSQL by DATABASE_URL, not seeding unless asked', () => {
    const url = 'postgres://conveyor:pw@db:5432/conveyor';
    expect(storeFromEnv({ DATABASE_URL: url })).toEqual({
      kind: 'postgres',
      databaseUrl: url,
      seedExamples: false,
    });
    expect(
      storeFromEnv({ DATABASE_URL: url, SEED_EXAMPLES: '1', DATABASE_SCHEMA: 'crm_a' }),
    ).toMatchObject({ kind: 'postgres', schema: 'crm_a', seedExamples: true });
  });

  it('turns seeding off anywhere with SEED_EXAMPLES=0', () => {
    expect(storeFromEnv({ SEED_EXAMPLES: '0' }).seedExamples).toBe(false);
  });

  it('refuses a setting it cannot use with one line naming it, never echoing the URL', () => {
    const bad = (env: Record<string, string>) => {
      try {
        storeFromEnv(env);
      } catch (e) {
        expect(e).toBeInstanceOf(StoreSettingError);
        return (e as Error).message;
      }
      throw new Error('accepted');
    };
    expect(bad({ DATABASE_URL: 'mysql://u:secret@h/db' })).toMatch(/^DATABASE_URL must be/);
    expect(bad({ DATABASE_URL: 'mysql://u:secret@h/db' })).not.toContain('secret');
    expect(bad({ SEED_EXAMPLES: 'yes' })).toMatch(/^SEED_EXAMPLES must be 1 or 0/);
    expect(bad({ DATABASE_SCHEMA: 'Bad-Name' })).toMatch(/^DATABASE_SCHEMA must be/);
  });
});
