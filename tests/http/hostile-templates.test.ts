import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATE_LIMITS } from '../../runtime/engine/template-limits.js';
import { startServer, type Harness } from './server-harness.js';

/** Text only package.json holds: its presence anywhere means a template read the file. */
const FILE_MARKER = '"devDependencies"';

/** One deal pipeline whose first stage comments `text` on every new record. */
function commentModel(id: string, text: string) {
  return {
    schemaVersion: 1,
    id,
    name: id,
    entities: {},
    pipelines: [
      {
        key: 'p',
        name: 'P',
        entity: 'deal',
        stages: [
          {
            key: 'new',
            name: 'New',
            kind: 'in_progress',
            robots: [
              {
                id: 'say',
                timing: { kind: 'immediate' },
                action: { type: 'add_comment', text },
              },
            ],
            triggers: [],
          },
          { key: 'won', name: 'Won', kind: 'success', robots: [], triggers: [] },
        ],
      },
    ],
  };
}

/**
 * Every file under `dir`, read whole. A checkpoint may rename a temp file away between
 * the listing and the read: such a file is skipped (its content is in the renamed one).
 */
async function everything(dir: string): Promise<string> {
  let out = '';
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    try {
      out += await readFile(join(e.parentPath, e.name), 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  }
  return out;
}

interface Entry {
  kind: string;
  outcome?: string;
  message?: string;
}

async function newDeal(h: Harness, model: string): Promise<{ id: string; timeline: Entry[] }> {
  const created = await h.call('POST', '/api/records/deals', {
    model,
    pipeline: 'p',
    fields: { title: 'Order 1' },
  });
  expect(created.status).toBe(201);
  const id = created.body.id as string;
  const timeline = (await h.call('GET', `/api/records/deals/${id}/timeline`)).body.items as Entry[];
  return { id, timeline };
}

const FILE_TEMPLATES = [
  '{% liquid include now/../package.json %}',
  '{% liquid render now/../package.json %}',
  '{% liquid layout now/../package.json %}',
  '{% include "package.json" %}',
  '{%- render "package.json" -%}',
  '{% if true %}{% liquid\n  echo "a"\n  include now/../package.json\n%}{% endif %}',
];

describe('templates have no file system', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startServer();
  });
  afterAll(() => h.close());

  it.each(FILE_TEMPLATES.map((t, i) => [i, t] as const))(
    'refuses to publish a template that loads a file (%i: %s)',
    async (i, text) => {
      const id = `files-${i}`;
      const saved = await h.call('POST', '/api/models', commentModel(id, text));
      expect(JSON.stringify(saved.body)).not.toContain(FILE_MARKER);
      const published = await h.call('POST', `/api/models/${id}/publish`, {});
      expect(published.status).toBe(422);
      const body = JSON.stringify(published.body);
      expect(body).toContain('TEMPLATE_UNSUPPORTED_TAG');
      expect(body).toContain('loads another file');
      expect(body).not.toContain(FILE_MARKER);
      // Nothing to run it: no record of this model gets the file as a comment.
      const created = await h.call('POST', '/api/records/deals', { model: id, pipeline: 'p' });
      expect(created.status).not.toBe(201);
      expect(JSON.stringify(created.body)).not.toContain(FILE_MARKER);
    },
  );

  it('refuses to simulate a draft that loads a file, and shows no file content', async () => {
    const res = await h.call('POST', '/api/simulate', {
      model: commentModel('sim-files', '{% liquid include now/../package.json %}'),
      records: [{ ref: 'a', entity: 'deal', pipeline: 'p', fields: { title: 'A' } }],
    });
    expect(res.status).toBe(422);
    expect(JSON.stringify(res.body)).toContain('TEMPLATE_UNSUPPORTED_TAG');
    expect(JSON.stringify(res.body)).not.toContain(FILE_MARKER);
  });

  it('never stores file content in the data folder', async () => {
    expect(await everything(h.dataDir)).not.toContain(FILE_MARKER);
  });
});

describe('rendering is bounded', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startServer();
  });
  afterAll(() => h.close());

  it.each([
    ['a 10,000,000-step loop', 'ten-million', '{% for i in (1..10000000) %}x{% endfor %}'],
    [
      'nested loops',
      'nested',
      '{% for i in (1..3000) %}{% for j in (1..3000) %}{{ record.title }}{% endfor %}{% endfor %}',
    ],
    [
      'a string doubled in a loop',
      'doubling',
      '{% assign s = "xx" %}{% for i in (1..40) %}{% capture s %}{{ s }}{{ s }}{% endcapture %}{% endfor %}{{ s | size }}',
    ],
    ['an output past the comment cap', 'long', '{% for i in (1..20000) %}x{% endfor %}'],
  ])(
    '%s: the server keeps answering and the action failure is in the timeline',
    async (_name, id, text) => {
      const saved = await h.call('POST', '/api/models', commentModel(id, text));
      expect(saved.status).toBe(201);
      expect((await h.call('POST', `/api/models/${id}/publish`, {})).status).toBe(201);

      const creating = newDeal(h, id);
      expect((await h.call('GET', '/api/health')).body).toMatchObject({ status: 'ok' });
      const { timeline } = await creating;

      const failed = timeline.find((e) => e.kind === 'action' && e.outcome === 'failed');
      expect(failed?.message).toMatch(/^add_comment: the (template|rendered comment) /);
      expect(failed?.message).toMatch(/TEMPLATE_[A-Z_]+/);
      expect(timeline.filter((e) => e.kind === 'comment')).toEqual([]);
      expect(JSON.stringify(timeline).length).toBeLessThan(20_000);
    },
  );

  it('keeps the data folder small: no rendered megabytes stored', async () => {
    expect((await everything(h.dataDir)).length).toBeLessThan(1_000_000);
  });

  it('renders an ordinary template as before', async () => {
    const id = 'ordinary';
    await h.call('POST', '/api/models', commentModel(id, 'Hello {{ record.title }}'));
    expect((await h.call('POST', `/api/models/${id}/publish`, {})).status).toBe(201);
    const { timeline } = await newDeal(h, id);
    expect(timeline.find((e) => e.kind === 'comment')?.message).toBe('Hello Order 1');
  });
});

describe('output caps are configurable', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startServer(undefined, {
      templateLimits: {
        ...DEFAULT_TEMPLATE_LIMITS,
        maxChars: { ...DEFAULT_TEMPLATE_LIMITS.maxChars, comment: 5 },
      },
    });
  });
  afterAll(() => h.close());

  it('a comment longer than the configured cap fails with the setting named', async () => {
    await h.call('POST', '/api/models', commentModel('capped', 'Hello {{ record.title }}'));
    expect((await h.call('POST', '/api/models/capped/publish', {})).status).toBe(201);
    const { timeline } = await newDeal(h, 'capped');
    expect(timeline.find((e) => e.kind === 'action')).toMatchObject({
      outcome: 'failed',
      message: 'add_comment: the rendered comment passed 5 characters (TEMPLATE_MAX_COMMENT_CHARS)',
    });
  });
});
