import { describe, expect, it } from 'vitest';
import { templateLimitsFromEnv } from '../../../runtime/app/template-limits-from-env.js';
import { DEFAULT_TEMPLATE_LIMITS } from '../../../runtime/engine/template-limits.js';
import { TemplateRenderer } from '../../../runtime/engine/template-renderer.js';

const scope = { record: { title: 'Order 1' }, now: '2026-01-01T00:00:00.000Z' };

describe('TemplateRenderer: the runtime renders with no file system', () => {
  const renderer = new TemplateRenderer();

  it.each([
    '{% liquid include now/../package.json %}',
    '{% liquid render now/../package.json %}',
    '{% liquid layout now/../package.json %}',
    '{% include "package.json" %}',
    '{% render "package.json" %}',
    '{% layout "package.json" %}x',
  ])('refuses %s even when no analyzer checked it first', (text) => {
    expect(() => renderer.render(text, scope, 'comment')).toThrow(/loads another file/);
  });

  it('renders placeholders, loops and filters as before', () => {
    expect(
      renderer.render(
        '{{ record.title }}:{% for i in (1..3) %}{{ i }}{% endfor %} {{ "a" | upcase }}',
        scope,
        'comment',
      ),
    ).toBe('Order 1:123 A');
  });
});

describe('TemplateRenderer: limits', () => {
  const renderer = new TemplateRenderer();

  it('stops a huge range before it runs, naming the setting', () => {
    expect(() =>
      renderer.render('{% for i in (1..10000000) %}x{% endfor %}', scope, 'document'),
    ).toThrow('the template allocated more than 5000000 elements (TEMPLATE_MEMORY_LIMIT)');
  });

  it('stops output at the cap of its kind while rendering', () => {
    const text = '{% for i in (1..100000) %}xx{% endfor %}';
    // The output cap is under test, not the time limit: a loaded machine may take
    // longer than the default half second to write 200,000 characters.
    const patient = new TemplateRenderer({ ...DEFAULT_TEMPLATE_LIMITS, renderLimit: 60_000 });
    expect(() => patient.render(text, scope, 'message')).toThrow(
      'the rendered message passed 10000 characters (TEMPLATE_MAX_MESSAGE_CHARS)',
    );
    expect(patient.render(text, scope, 'document')).toHaveLength(200_000);
  });

  it('stops a render that takes longer than its time limit', () => {
    const slow = new TemplateRenderer({ ...DEFAULT_TEMPLATE_LIMITS, renderLimit: 1 });
    expect(() =>
      slow.render(
        '{% for i in (1..2000) %}{% for j in (1..2000) %}{% endfor %}{% endfor %}',
        scope,
        'document',
      ),
    ).toThrow('the template rendered for longer than 1 ms (TEMPLATE_RENDER_LIMIT_MS)');
  });

  it('counts captured strings against the memory limit', () => {
    const text =
      '{% assign s = "xx" %}{% for i in (1..60) %}{% capture s %}{{ s }}{{ s }}{% endcapture %}{% endfor %}{{ s | size }}';
    expect(() => renderer.render(text, scope, 'document')).toThrow(/TEMPLATE_MEMORY_LIMIT/);
  });

  it('refuses a template longer than the parse limit', () => {
    const short = new TemplateRenderer({ ...DEFAULT_TEMPLATE_LIMITS, parseLimit: 10 });
    expect(() => short.render('Hello {{ record.title }}', scope, 'comment')).toThrow(
      'the template is longer than 10 characters (TEMPLATE_PARSE_LIMIT)',
    );
  });
});

describe('templateLimitsFromEnv', () => {
  it('keeps the defaults when nothing is set', () => {
    expect(templateLimitsFromEnv({})).toEqual(DEFAULT_TEMPLATE_LIMITS);
  });

  it('reads every limit and every cap', () => {
    const limits = templateLimitsFromEnv({
      TEMPLATE_RENDER_LIMIT_MS: '100',
      TEMPLATE_MEMORY_LIMIT: '1000',
      TEMPLATE_PARSE_LIMIT: '500',
      TEMPLATE_MAX_EMAIL_CHARS: '50000',
      TEMPLATE_MAX_DOCUMENT_CHARS: '9',
    });
    expect(limits).toMatchObject({
      renderLimit: 100,
      memoryLimit: 1000,
      parseLimit: 500,
      maxChars: { email: 50_000, document: 9, message: 10_000 },
    });
  });

  it.each(['0', '-1', '1.5', 'lots'])('refuses %s, naming the variable', (value) => {
    expect(() => templateLimitsFromEnv({ TEMPLATE_MAX_TASK_CHARS: value })).toThrow(
      `TEMPLATE_MAX_TASK_CHARS must be a positive whole number, got "${value}"`,
    );
  });
});
