/**
 * A/B of panning a 1,000-robot model, for when the machine is shared: the bench's scripted
 * pan (opening zoom, then fitted) in the designers built in several checkouts, alternating
 * between them, with the mean frame rate and the CPU time per frame from a Chromium trace
 * (thread time, which moves far less with the machine's load than the frame rate): the
 * page's main thread split into scripting / rendering / painting, its heaviest events, and
 * the raster, compositor and GPU threads.
 *
 *   ROOTS=/path/to/main-checkout,. ROUNDS=3 node --import tsx bench/designer-pan-trace.ts
 *
 * Each root needs `node_modules` and a built `dist/designer` (`npx vite build`); it runs its
 * own runtime. `VARIANTS=file.json` ([{ name, root, css?, js? }]) adds CSS or a script to
 * a root's page before the pan, to try an idea without a build.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execSync } from 'node:child_process';
import type { CDPSession, Page } from 'playwright-core';
import { meanFps } from './browser/frame-rate.js';
import { benchModel, panFrames } from './designer-render.js';
import { launchBrowser } from '../tests/e2e/support/browser.js';
import { OWNER_ENV, ownerCookie, ownerHeaders } from '../tests/support/runtime-auth.js';
import type { BrowserContext } from 'playwright-core';

const roots = (process.env.ROOTS ?? '.').split(',');
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const TRACE = process.env.TRACE !== '0';

function startAt(root: string): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'runtime/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'pan-ab-data-')),
      ...OWNER_ENV,
    },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stop = () => {
    try {
      if (child.pid) process.kill(-child.pid, 'SIGTERM');
    } catch {
      /* gone */
    }
  };
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (b: Buffer) => {
      out += b.toString();
      const m = /Conveyor listening on (http:\/\/\S+)/.exec(out);
      if (m?.[1]) resolve({ url: m[1].replace(/\/$/, ''), stop });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (c) => reject(new Error(`exit ${c}: ${out}`)));
  });
}

async function post(base: string, path: string, body: unknown) {
  const res = await fetch(`${base}/api${path}`, {
    method: 'POST',
    headers: { ...(await ownerHeaders(base)), 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${res.status} ${await res.text()}`);
}

type Ev = {
  ph: string;
  name: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
};

async function traced<T>(
  cdp: CDPSession,
  fn: () => Promise<T>,
): Promise<{ value: T; events: Ev[] }> {
  const events: Ev[] = [];
  // The protocol types trace events as string maps; Chromium sends the fields read here.
  const onData = (p: { value: readonly object[] }) => {
    events.push(...(p.value as readonly unknown[] as Ev[]));
  };
  cdp.on('Tracing.dataCollected', onData);
  await cdp.send('Tracing.start', {
    categories:
      'devtools.timeline,disabled-by-default-devtools.timeline,toplevel,v8.execute,blink.user_timing,cc,benchmark',
    transferMode: 'ReportEvents',
  });
  const value = await fn();
  const done = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()));
  await cdp.send('Tracing.end');
  await done;
  cdp.off('Tracing.dataCollected', onData);
  return { value, events };
}

const SCRIPT = new Set([
  'FunctionCall',
  'EvaluateScript',
  'EventDispatch',
  'TimerFire',
  'FireAnimationFrame',
  'RunMicrotasks',
  'V8.Execute',
  'v8.run',
  'v8.compile',
  'MinorGC',
  'MajorGC',
  'V8.GC_SCAVENGER',
  'GCEvent',
  'v8.callFunction',
  'v8.evaluateModule',
  'RunTask',
]);
const RENDER = new Set([
  'UpdateLayoutTree',
  'Layout',
  'RecalculateStyles',
  'HitTest',
  'PrePaint',
  'UpdateLayer',
  'UpdateLayerTree',
  'Layerize',
  'ScheduleStyleRecalculation',
  'IntersectionObserverController::computeIntersections',
]);
const PAINT = new Set(['Paint', 'PaintImage', 'CompositeLayers', 'Commit', 'PaintSetup']);

function breakdown(events: Ev[], frames: number) {
  const threads = new Map<string, string>();
  const procs = new Map<number, string>();
  for (const e of events) {
    if (e.ph === 'M' && e.name === 'thread_name')
      threads.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
    if (e.ph === 'M' && e.name === 'process_name') procs.set(e.pid, e.args?.name ?? '');
  }
  const count = new Map<string, number>();
  for (const e of events) {
    const k = `${e.pid}:${e.tid}`;
    if (threads.get(k) === 'CrRendererMain') count.set(k, (count.get(k) ?? 0) + 1);
  }
  const main = [...count.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const pidMain = Number(main?.split(':')[0]);
  type X = { name: string; ts: number; end: number; cpu: number };
  const perThread = new Map<string, X[]>();
  for (const e of events) {
    if (e.ph !== 'X' || e.dur === undefined) continue;
    const k = `${e.pid}:${e.tid}`;
    let l = perThread.get(k);
    if (!l) perThread.set(k, (l = []));
    l.push({ name: e.name, ts: e.ts, end: e.ts + e.dur, cpu: (e as { tdur?: number }).tdur ?? 0 });
  }
  // Self CPU time by event name on main; outermost CPU by thread group.
  const self = new Map<string, number>();
  const group = new Map<string, number>();
  const counts = new Map<string, number>();
  for (const [k, xs] of perThread) {
    xs.sort((a, b) => a.ts - b.ts || b.end - a.end);
    const pid = Number(k.split(':')[0]);
    const tname = threads.get(k) ?? '';
    const g =
      k === main
        ? 'main'
        : pid === pidMain
          ? tname === 'Compositor'
            ? 'compositor'
            : tname.startsWith('ThreadPool') || tname.startsWith('CompositorTile')
              ? 'raster'
              : 'other'
          : procs.get(pid) === 'GPU Process'
            ? 'gpu'
            : 'other';
    const stack: (X & { child: number })[] = [];
    const close = (upTo: number) => {
      while (stack.length && stack[stack.length - 1]!.end <= upTo) {
        const s = stack.pop()!;
        if (k === main) self.set(s.name, (self.get(s.name) ?? 0) + s.cpu - s.child);
        if (stack.length) stack[stack.length - 1]!.child += s.cpu;
        else group.set(g, (group.get(g) ?? 0) + s.cpu);
      }
    };
    for (const x of xs) {
      if (k === main) counts.set(x.name, (counts.get(x.name) ?? 0) + 1);
      close(x.ts);
      stack.push({ ...x, child: 0 });
    }
    close(Infinity);
  }
  let script = 0,
    render = 0,
    paint = 0;
  for (const [n, v] of self) {
    if (SCRIPT.has(n) || n.startsWith('V8') || n.startsWith('v8')) script += v;
    else if (RENDER.has(n)) render += v;
    else if (PAINT.has(n) || n === 'Layerize' || n === 'CullRectUpdate') paint += v;
  }
  const f = (v: number) => +(v / 1000 / frames).toFixed(2);
  const top = [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 7)
    .map(([n, v]) => `${n}=${f(v)}`)
    .join(' ');
  const per = ['HitTest', 'Layerize', 'Paint']
    .map((n) => `${n}:${((counts.get(n) ?? 0) / frames).toFixed(2)}`)
    .join(' ');
  return `cpu ms/frame main ${f(group.get('main') ?? 0)} (script ${f(script)} render ${f(render)} paint+layerize ${f(paint)}) compositor ${f(group.get('compositor') ?? 0)} raster ${f(group.get('raster') ?? 0)} gpu ${f(group.get('gpu') ?? 0)} | ${per} | ${top}`;
}

const servers = [];
for (const r of roots) servers.push({ root: r, ...(await startAt(r)) });
for (const s of servers) await post(s.url, '/models', benchModel('bench-1000', 1000));
const ctx = new Map<string, { context: BrowserContext; page: Page; cdp: CDPSession }>();
for (const s of servers) {
  const context = await launchBrowser({ url: s.url, cookie: await ownerCookie(s.url) });
  const page = await context.newPage();
  ctx.set(s.root, { context, page, cdp: await context.newCDPSession(page) });
}
try {
  for (const s of servers) {
    const { page } = ctx.get(s.root)!;
    await page.goto(`${s.url}/#/models/bench-1000`);
    await page.waitForSelector('.react-flow__node-robot', { timeout: 120_000 });
  }
  const variants: { name: string; root: string; css?: string; js?: string }[] = process.env.VARIANTS
    ? JSON.parse(readFileSync(process.env.VARIANTS, 'utf8'))
    : servers.map((s) => ({ name: s.root, root: s.root }));
  for (let round = 1; round <= ROUNDS; round++)
    for (const v of variants) {
      const s = servers.find((x) => x.root === v.root)!;
      const { page, cdp } = ctx.get(s.root)!;
      await page.goto('about:blank');
      await page.goto(`${s.url}/#/models/bench-1000`);
      await page.waitForSelector('.react-flow__node-robot', { timeout: 120_000 });
      if (v.css) await page.addStyleTag({ content: v.css });
      if (v.js) await page.evaluate(v.js);
      await page.waitForTimeout(2500);
      const load1 = execSync('cat /proc/loadavg').toString().split(' ')[0];
      const a = TRACE
        ? await traced(cdp, () => panFrames(page))
        : { value: await panFrames(page), events: [] };
      await page.locator('.react-flow__controls-fitview').click();
      await page.waitForTimeout(600);
      const b = TRACE
        ? await traced(cdp, () => panFrames(page))
        : { value: await panFrames(page), events: [] };
      const load2 = execSync('cat /proc/loadavg').toString().split(' ')[0];
      const ra = TRACE ? breakdown(a.events, a.value.length) : null;
      const rb = TRACE ? breakdown(b.events, b.value.length) : null;
      const line = `round ${round} ${v.name.padEnd(14)} load ${load1}/${load2}  open ${meanFps(a.value).toFixed(1)} fps (${a.value.length} fr)  fitted ${meanFps(b.value).toFixed(1)} fps (${b.value.length} fr)`;
      console.log(line);
      if (ra) console.log(`   open   ${ra}`);
      if (rb) console.log(`   fitted ${rb}`);
    }
} finally {
  for (const c of ctx.values()) await c.context.close();
  for (const s of servers) s.stop();
}
