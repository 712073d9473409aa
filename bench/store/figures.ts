import { quantile, type WorkloadResult } from './workload.js';

/** What one store (one column) measured. */
export interface Figures {
  movesPerSecond: number;
  moveP99: number;
  pageP99: number;
  pageRows: number;
  restartOpenMs: number;
  restartReadyMs: number;
  restartWallMs: number;
  /** From spawning the restarted server to its answer to a move (a big audit log may still be read). */
  restartFirstMoveMs: number;
  /** From spawning the restarted server to its answer to an audit page (the whole store in memory). */
  restartLoadedMs: number;
  latenessP99: number;
  fired: number;
  /** RSS of the (largest) server process while moving. */
  rssMb: number;
  eldP99: number;
  eldMax: number;
  /** The server processes' CPU time (user + system) in the window per move: independent of load. */
  cpuMsPerMove: number;
  connectionErrors: number;
}

/** A column left out (not measured in this run). */
export const notMeasured = (): Figures => ({
  movesPerSecond: NaN,
  moveP99: NaN,
  pageP99: NaN,
  pageRows: NaN,
  restartOpenMs: NaN,
  restartReadyMs: NaN,
  restartWallMs: NaN,
  restartFirstMoveMs: NaN,
  restartLoadedMs: NaN,
  latenessP99: NaN,
  fired: NaN,
  rssMb: NaN,
  eldP99: NaN,
  eldMax: NaN,
  cpuMsPerMove: NaN,
  connectionErrors: NaN,
});

/** The servers' state over the window and their restart after a kill. */
export interface ServerSide {
  /** Per process: RSS, event-loop delay and CPU over the window. */
  during: ReadonlyArray<{ rssMb: number; eldP99Ms: number; eldMaxMs: number; cpuMs: number }>;
  /** The slowest restarted process: store open, answering (in-process), from spawn. */
  restart: {
    openMs: number;
    readyMs: number;
    wallMs: number;
    /** Measured by the embedded store's bench only (`restart-probe.ts`). */
    firstMoveMs?: number;
    loadedMs?: number;
  };
}

/** A column's figures from the workload's samples and the servers' side. */
export function figuresOf(w: WorkloadResult, seconds: number, s: ServerSide): Figures {
  const max = (f: (d: ServerSide['during'][number]) => number): number =>
    Math.max(...s.during.map(f));
  const cpuMs = s.during.reduce((sum, d) => sum + d.cpuMs, 0);
  return {
    movesPerSecond: w.moves.length / seconds,
    moveP99: quantile(w.moves, 0.99),
    pageP99: quantile(w.pages, 0.99),
    pageRows: w.pageRows,
    restartOpenMs: s.restart.openMs,
    restartReadyMs: s.restart.readyMs,
    restartWallMs: s.restart.wallMs,
    restartFirstMoveMs: s.restart.firstMoveMs ?? NaN,
    restartLoadedMs: s.restart.loadedMs ?? NaN,
    latenessP99: quantile(w.lateness, 0.99),
    fired: w.lateness.length,
    rssMb: max((d) => d.rssMb),
    eldP99: max((d) => d.eldP99Ms),
    eldMax: max((d) => d.eldMaxMs),
    cpuMsPerMove: cpuMs / Math.max(1, w.moves.length),
    connectionErrors: w.connectionErrors,
  };
}

/**
 * Prints the figures of several stores side by side, one row per figure, with the goal.
 * `timers`: how many timers were due in the window (the lateness row says how many fired).
 */
export function printFigures(
  columns: ReadonlyArray<{ name: string; figures: Figures }>,
  timers: number,
  goalHeading: string,
  /** Goals that differ from the embedded store's at 100k, by row name. */
  goals: Readonly<Record<string, string>> = {},
  width = 22,
): void {
  const rows: Array<[string, (f: Figures) => string, string]> = [
    ['moves/s', (f) => f.movesPerSecond.toFixed(0), '>= 1,000'],
    ['move p99 (ms)', (f) => f.moveP99.toFixed(0), '< 100'],
    [
      'filtered list p99 (ms)',
      (f) => `${f.pageP99.toFixed(1)} (${f.pageRows.toFixed(0)} rows)`,
      '< 50',
    ],
    ['restart after kill: store open (ms)', (f) => f.restartOpenMs.toFixed(0), ''],
    [
      'restart after kill: answering (ms)',
      (f) => `${f.restartReadyMs.toFixed(0)} (${f.restartWallMs.toFixed(0)} from spawn)`,
      '< 3,000',
    ],
    ['restart after kill: first move (ms from spawn)', (f) => f.restartFirstMoveMs.toFixed(0), ''],
    ['restart after kill: audit log read (ms from spawn)', (f) => f.restartLoadedMs.toFixed(0), ''],
    [
      'timer lateness p99 (ms)',
      (f) => `${f.latenessP99.toFixed(0)} (${f.fired}/${timers} fired)`,
      '< 1,000',
    ],
    ['server CPU per move (ms)', (f) => f.cpuMsPerMove.toFixed(2), ''],
    ['RSS while moving (MB, per process)', (f) => f.rssMb.toFixed(0), ''],
    ['requests retried (connection lost)', (f) => String(f.connectionErrors), '0'],
    [
      'event-loop delay p99 / max (ms)',
      (f) => `${f.eldP99.toFixed(0)} / ${f.eldMax.toFixed(0)}`,
      '',
    ],
  ];
  console.log(
    `  ${'figure'.padEnd(50)} ${columns.map((c) => c.name.padStart(width)).join(' ')}   ${goalHeading}`,
  );
  for (const [name, fmt, goal] of rows)
    console.log(
      `  ${name.padEnd(50)} ${columns.map((c) => fmt(c.figures).padStart(width)).join(' ')}   ${goals[name] ?? goal}`,
    );
}
