import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outsideModel } from './delivery-models.js';
import { dealWithClient, publish } from './delivery-support.js';
import { startServer, type Harness } from './server-harness.js';

describe('generate_document: an HTML document in a register, downloadable', () => {
  let h: Harness;
  let dealId: string;
  beforeAll(async () => {
    h = await startServer();
    await publish(h, outsideModel());
    dealId = await dealWithClient(h, 'Order 9');
    await h.call('POST', `/api/records/deals/${dealId}/move`, { stage: 'contract' });
  });
  afterAll(() => h.close());

  it('stores the rendered document with the record and lists it in its register', async () => {
    const mine = await h.call('GET', `/api/records/deals/${dealId}/documents`);
    expect(mine.status).toBe(200);
    expect(mine.body.items).toHaveLength(1);
    const doc = mine.body.items[0];
    expect(doc).toMatchObject({
      recordId: dealId,
      template: 'contract',
      register: 'contracts',
      title: 'Contract Order 9',
      mediaType: 'text/html',
      ruleId: 'robot:make_contract',
      // Lists name each record by its title (the outside world's register shows it).
      recordTitle: 'Order 9',
    });
    expect(doc.content).toBeUndefined();
    const listed = doc;
    expect((await h.call('GET', '/api/documents?register=contracts')).body.items).toEqual([listed]);
    expect((await h.call('GET', `/api/documents?recordId=${dealId}`)).body.items).toEqual([listed]);
    expect((await h.call('GET', '/api/documents?register=invoices')).body.items).toEqual([]);
    const { recordTitle: _title, ...single } = doc;
    expect((await h.call('GET', `/api/documents/${doc.id}`)).body).toEqual(single);
    const outbox = (await h.call('GET', `/api/records/deals/${dealId}/outbox`)).body.items;
    expect(outbox).toMatchObject([
      { kind: 'generate_document', status: 'stored', documentId: doc.id },
    ]);
  });

  it('downloads the content as text/html with a content-disposition', async () => {
    const doc = (await h.call('GET', `/api/records/deals/${dealId}/documents`)).body.items[0];
    const res = await fetch(`${h.url}/api/documents/${doc.id}/content`, {
      headers: { authorization: `Bearer ${h.ownerToken}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-disposition')).toContain(
      `attachment; filename="Contract Order 9 ${doc.id}.html"`,
    );
    const html = await res.text();
    expect(html).toContain('<title>Contract Order 9</title>');
    expect(html).toContain('<h1>Contract for Order 9</h1>');
    expect(html).toContain('Client: Anna Petrova (Romashka LLC)');
    expect(html.length).toBe(doc.size);
  });

  it.each([
    ['GET', '/api/documents/nope', 404],
    ['GET', '/api/documents/nope/content', 404],
    ['GET', '/api/records/deals/nope/documents', 404],
    ['GET', '/api/records/widgets/x/documents', 404],
    ['GET', '/api/documents?register=', 400],
    ['GET', '/api/documents?colour=red', 400],
    ['GET', '/api/outbox?status=lost', 400],
    ['GET', '/api/outbox?kind=fax', 400],
  ])('%s %s -> %i with an error body', async (method, path, status) => {
    const res = await h.call(method, path);
    expect(res.status).toBe(status);
    expect(typeof res.body.error.message).toBe('string');
  });
});
