import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILT_IN_PERMISSIONS } from '../../runtime/access/built-in-permissions.js';
import { exportCell } from '../../runtime/access/record-export.js';
import { readAllPages } from '../../runtime/domain/read-all-pages.js';
import { startServer, type Harness } from './server-harness.js';

describe('CSV export of records', () => {
  let h: Harness;
  let exporter: { token: string; userId: string };
  beforeAll(async () => {
    h = await startServer();
    // A role that may export its own deals only (managers may not export at all).
    const own = structuredClone(BUILT_IN_PERMISSIONS.manager);
    own.entities.deal = { ...own.entities.deal!, export: 'own' };
    expect(
      (await h.call('POST', '/api/roles', { key: 'exporter', name: 'Exporter', permissions: own }))
        .status,
    ).toBe(201);
    exporter = await h.accountWithRole('exporter');
    for (const [title, responsible, amount] of [
      ['=HYPERLINK("http://evil.example","click")', exporter.userId, 10],
      ['Plain, with "quotes"\nand a line', exporter.userId, 20],
      ['Someone else’s deal', 'someone_else', 30],
    ] as const) {
      const res = await h.call('POST', '/api/records/deals', {
        fields: { title, responsible, amount },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    }
  });
  afterAll(async () => {
    await h.close();
  });

  const csvOf = async (token: string | null, query = 'format=csv') => {
    const res = await fetch(`${h.url}/api/records/deals/export?${query}`, {
      headers: { authorization: `Bearer ${token ?? h.ownerToken}` },
    });
    return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
  };

  it('answers text/csv with every record the filters match, formulas defused', async () => {
    const res = await csvOf(null);
    expect(res.status).toBe(200);
    expect(res.type).toContain('text/csv');
    const lines = res.text.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'id,entity,model,pipeline,stage,createdAt,updatedAt,title,responsible,amount',
    );
    expect(res.text).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(res.text).not.toMatch(/(^|,)=HYPERLINK/m);
    expect(res.text).toContain('"Plain, with ""quotes""\nand a line"');
    expect(res.text).toContain('Someone else’s deal');
    const filtered = await csvOf(null, 'format=csv&amountMin=25');
    expect(filtered.text.trimEnd().split('\r\n')).toHaveLength(2);
    expect(exportCell('-1+2')).toBe("'-1+2");
    expect(exportCell(-3)).toBe('-3');
  });

  it('holds only records in the caller’s export scope', async () => {
    const res = await csvOf(exporter.token);
    expect(res.status).toBe(200);
    expect(res.text).not.toContain('Someone else');
    expect(res.text.trimEnd().split('\r\n')).toHaveLength(3);
  });

  it('is refused to roles without export, and the format is checked', async () => {
    const manager = await h.accountWithRole('manager');
    const refused = await h.callAs(
      { token: manager.token },
      'GET',
      '/api/records/deals/export?format=csv',
    );
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({
      code: 'FORBIDDEN',
      message: 'Manager may not export deal',
    });
    expect((await csvOf(null, 'format=xlsx')).status).toBe(400);
    expect((await csvOf(null, '')).status).toBe(400);
  });

  it('is audited: who exported what, from where', async () => {
    const entries = await readAllPages(h.store, 'audit', {});
    const exports = entries.filter((e) => e.kind === 'record.exported');
    expect(exports.length).toBeGreaterThanOrEqual(3);
    expect(exports.some((e) => e.actor.kind === 'token' && e.actor.role === 'exporter')).toBe(true);
    expect(exports[0]).toMatchObject({ entity: 'deal', outcome: 'success' });
    expect(exports[0]?.address).toBeDefined();
  });
});
