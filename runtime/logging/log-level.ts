/** The levels `LOG_LEVEL` accepts (pino's), quietest last. */
export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;

export type LogLevel = (typeof LOG_LEVELS)[number];

const isLevel = (v: string): v is LogLevel => (LOG_LEVELS as readonly string[]).includes(v);

/**
 * `LOG_LEVEL` (default `info`). A value that is no level is a start-up problem, not a
 * silent fallback: someone asked for `debug` and would wonder where it went.
 *
 * @example logLevelFromEnv({ LOG_LEVEL: 'warn' }) // 'warn'
 */
export function logLevelFromEnv(env: NodeJS.ProcessEnv): LogLevel {
  const raw = (env.LOG_LEVEL ?? '').trim().toLowerCase();
  if (raw === '') return 'info';
  if (isLevel(raw)) return raw;
  throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, not "${env.LOG_LEVEL}"`);
}
