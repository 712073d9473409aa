import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

/** What a screen shows that a Russian reader should not see. */
export interface TextFindings {
  /** Raw i18n keys (`board.timeline.moved`, `outside.kinds.webhook`) and other dotted codes. */
  keys: string[];
  /** Latin words that are neither the admin's own names nor example data nor terms. */
  english: string[];
}

/** The designer's key namespaces: a raw key starts with one of them. */
export function keyNamespaces(): string[] {
  const en = JSON.parse(readFileSync('designer/src/i18n/en.json', 'utf8')) as object;
  return Object.keys(en);
}

/** Every Latin word of the strings in a JSON value (a model, records): the admin's own text. */
export function latinWordsOf(value: unknown, into = new Set<string>()): Set<string> {
  if (typeof value === 'string')
    for (const w of value.match(/[A-Za-z]{2,}/g) ?? []) into.add(w.toLowerCase());
  else if (Array.isArray(value)) for (const v of value) latinWordsOf(v, into);
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      latinWordsOf(k, into);
      latinWordsOf(v, into);
    }
  return into;
}

/** Names of things that stay Latin in Russian UI text (products, formats, units). */
const TERMS = [
  'conveyor',
  'json',
  'http',
  'https',
  'api',
  'url',
  'sms',
  'csv',
  'id',
  'utc',
  'gmt',
  'html',
  'jsonlogic',
  'liquid',
  'webhook',
  'crm',
  'erp',
  'ok',
  'eur',
  'usd',
  'rub',
  'ctrl',
  'shift',
  'sla',
];

/**
 * The visible text of a page (text nodes, placeholders, labels), outside the
 * places that show what the admin typed (`data-user-text`, inputs, code), checked for
 * raw keys and for Latin words the `allowed` set does not hold.
 */
export async function scanRussian(
  page: Page,
  namespaces: readonly string[],
  allowed: ReadonlySet<string>,
): Promise<TextFindings> {
  const texts = await page.evaluate(() => {
    const out: string[] = [];
    const skip = (el: Element) =>
      el.closest(
        '[data-user-text], code, pre, script, style, textarea, .monaco-editor, .react-flow__attribution, [data-testid="outside-notice"] input',
      ) !== null;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n !== null; n = walker.nextNode()) {
      const el = n.parentElement;
      const text = n.textContent?.trim() ?? '';
      if (el === null || text === '' || skip(el)) continue;
      if (!el.checkVisibility({ visibilityProperty: true })) continue;
      out.push(text);
    }
    // Tooltips (`title`) are where screens put keys and ids beside the names: not read.
    for (const el of document.querySelectorAll('[placeholder], [aria-label]')) {
      if (skip(el) || !el.checkVisibility({ visibilityProperty: true })) continue;
      for (const a of ['placeholder', 'aria-label']) {
        const v = el.getAttribute(a)?.trim();
        if (v) out.push(v);
      }
    }
    return out;
  });
  const rawKey = new RegExp(`\\b(?:${namespaces.join('|')})\\.[A-Za-z_]+(?:\\.[A-Za-z_]+)*`);
  const found: TextFindings = { keys: [], english: [] };
  for (const text of new Set(texts)) {
    if (rawKey.test(text)) found.keys.push(text);
    // Addresses, e-mails and ids are data, not sentences.
    const words = text
      .replace(/\b[\w.+-]+@[\w.-]+\b/g, ' ')
      .replace(/\b(?:https?:\/\/|\/)[^\s]*/g, ' ')
      .replace(/\b[a-z]+_[a-z0-9_]+\b/gi, ' ')
      // A field's key beside its name: "Дата закрытия (closeDate)".
      .replace(/\([A-Za-z_][A-Za-z0-9_]*\)/g, ' ')
      .match(/[A-Za-z]{3,}/g);
    const foreign = (words ?? []).filter(
      (w) => !allowed.has(w.toLowerCase()) && !TERMS.includes(w.toLowerCase()),
    );
    if (foreign.length > 0) found.english.push(text);
  }
  return found;
}
