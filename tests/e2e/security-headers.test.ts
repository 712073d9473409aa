import { existsSync, mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { browserAvailability, launchBrowser } from './support/browser.js';
import { RUNTIME_ENTRY, startRuntime, type RunningRuntime } from './support/runtime-server.js';

const SHOTS = 'test-results/e2e';
const MODEL = 'document-flow';
const browser = browserAvailability();

/** The designer, Monaco and its workers under the server's Content Security Policy. */
describe.runIf(browser.run && existsSync(RUNTIME_ENTRY))('the designer under its CSP', () => {
  let server: RunningRuntime;
  let context: BrowserContext;
  let page: Page;
  const violations: string[] = [];

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startRuntime();
    context = await launchBrowser(server);
    page = await context.newPage();
    page.on('pageerror', (e) => {
      if (/Content Security Policy/i.test(e.message)) violations.push(e.message);
    });
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    // Violations inside the page (workers included) also arrive as events.
    await page.exposeFunction('reportViolation', (v: string) => violations.push(v));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        const w = window as unknown as { reportViolation(v: string): void };
        w.reportViolation(`${e.violatedDirective} ${e.blockedURI}`);
      });
    });
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    server?.stop();
  });

  it('serves the designer and the API with a CSP and the other helmet headers', async () => {
    for (const path of ['/', '/api/health']) {
      const res = await fetch(`${server.url}${path}`);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      // No inline scripts; eval stays allowed for ajv only (see security-headers.ts).
      expect(csp).toMatch(/script-src 'self' 'unsafe-eval'(;|$)/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    }
  });

  it('the canvas and the model JSON in Monaco (with its worker and font) run with no violation', async () => {
    await page.goto(`${server.url}/#/models/${MODEL}`);
    await page.locator('.react-flow__node').first().waitFor();
    // The analyzer (ajv in a worker) ran: the example's notes are listed.
    await expect
      .poll(() => page.locator('[data-testid="diagnostics"] .diag-info').count(), {
        timeout: 15_000,
      })
      .toBeGreaterThan(0);
    await page.getByTestId('view-json').click();
    const editor = page.getByTestId('model-json-editor');
    await editor.locator('.monaco-editor .view-lines').waitFor();
    // The JSON worker answers: folding, brackets and validation come from it.
    await editor.locator('.monaco-editor').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.insertText(',');
    await expect
      .poll(() => editor.locator('.monaco-editor .squiggly-error').count(), { timeout: 15_000 })
      .toBeGreaterThan(0);
    // Monaco's icon font (codicon) loaded from this origin.
    await expect
      .poll(() => page.evaluate(() => document.fonts.check('16px codicon')), { timeout: 10_000 })
      .toBe(true);
    await page.screenshot({ path: `${SHOTS}/csp-model-json.png` });
    expect(violations).toEqual([]);
  });
});
