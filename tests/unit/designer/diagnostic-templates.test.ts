import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import en from '../../../designer/src/i18n/en.json';
import ru from '../../../designer/src/i18n/ru.json';
import { diagnosticTemplateKeys } from '../../../designer/src/diagnostics/render-diagnostic.js';
import { analyzeModel, type Diagnostic } from '../../../schemas/index.js';
import { ROWS } from '../analyzer/fixtures/one-mistake-rows.js';
import { validModel } from '../analyzer/fixtures/valid-model.js';

type Templates = Readonly<Record<string, string>>;
const LANGUAGES: ReadonlyArray<[string, Templates]> = [
  ['en', en.diagnostics as Templates],
  ['ru', ru.diagnostics as Templates],
];
const read = (path: string): string =>
  readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');
const placeholders = (template: string): string[] =>
  [...template.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1] as string);

/** Every diagnostic the analyzer gives on the one-mistake models, examples and broken examples. */
function emitted(): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const row of ROWS) {
    const m = validModel();
    row.mutate(m);
    out.push(...analyzeModel(m));
  }
  for (const dir of ['examples', 'examples/broken'])
    for (const slug of readdirSync(new URL(`../../../${dir}`, import.meta.url), {
      withFileTypes: true,
    }))
      if (slug.isDirectory() && slug.name !== 'broken')
        out.push(...analyzeModel(JSON.parse(read(`${dir}/${slug.name}/model.json`))));
  // Schema mistakes of several kinds.
  const bad = validModel() as unknown as { pipelines: Array<Record<string, unknown>> };
  bad.pipelines[0]!.key = 'Новая заявка';
  bad.pipelines[1]!.key = '1';
  bad.pipelines[2]!.extra = true;
  delete bad.pipelines[3]!.name;
  bad.pipelines[4]!.entity = 'ticket';
  out.push(...analyzeModel(bad));
  return out;
}

describe('diagnostics are rendered from their code and params in English and Russian', () => {
  const all = emitted();

  it('every code the analyzer documents has an English and a Russian template', () => {
    const codes = [...read('schemas/analyzer/README.md').matchAll(/^\| `([A-Z_]+)` +\|/gm)].map(
      (m) => m[1] as string,
    );
    expect(codes.length).toBeGreaterThan(25);
    for (const [lang, t] of LANGUAGES)
      for (const code of codes) expect(t[code], `${lang} ${code}`).toEqual(expect.any(String));
  });

  it('the corpus covers every documented code', () => {
    const codes = [...read('schemas/analyzer/README.md').matchAll(/^\| `([A-Z_]+)` +\|/gm)].map(
      (m) => m[1] as string,
    );
    const seen = new Set(all.map((d) => d.code));
    expect(codes.filter((c) => !seen.has(c))).toEqual([]);
  });

  it('every emitted diagnostic has params, a template for its variant in both languages, and its templates use only the params it gives', () => {
    expect(all.length).toBeGreaterThan(60);
    const problems: string[] = [];
    for (const d of all) {
      const where = `${d.code} ${JSON.stringify(d.params)} at ${d.path}`;
      if (d.params === undefined) problems.push(`no params: ${where}`);
      const [key] = diagnosticTemplateKeys(d);
      const name = (key as string).slice('diagnostics.'.length);
      for (const [lang, t] of LANGUAGES) {
        const template = t[name];
        if (template === undefined) problems.push(`${lang}: no template ${name} for ${where}`);
        for (const p of placeholders(template ?? ''))
          if (!Object.hasOwn(d.params ?? {}, p))
            problems.push(`${lang} ${name} uses {{${p}}}, not given: ${where}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('params carry the admin\'s names, not keys: a stage "Оплачено" of pipeline "Продажи"', () => {
    const m = validModel();
    m.pipelines[0]!.name = 'Продажи';
    m.pipelines[0]!.stages[2]!.name = 'Оплачено';
    m.pipelines[0]!.stages.push({
      key: 'archived',
      name: 'Архив',
      kind: 'in_progress',
      robots: [],
      triggers: [],
    });
    m.pipelines[1]!.stages[0]!.robots.push({
      id: 'back_to_sales',
      name: 'Вернуть в продажи',
      timing: { kind: 'immediate' },
      action: { type: 'change_stage', pipeline: 'sales', stage: 'nope' },
    });
    const found = analyzeModel(m);
    const unknown = found.find((d) => d.code === 'UNKNOWN_STAGE');
    expect(unknown?.params).toEqual({ stage: 'nope', pipeline: 'Продажи' });
  });
});
