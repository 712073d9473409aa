import { pino, type DestinationStream, type Logger as PinoLogger } from 'pino';
import { REDACTED, redactSecrets } from '../security/redact-secrets.js';
import type { LogLevel } from './log-level.js';

/**
 * Field paths pino removes from every line (`***`), wherever a caller put them: request
 * headers that carry credentials, and fields named like secrets one or two levels down.
 * A second net under the request serializer, which logs no headers at all.
 */
export const REDACT_PATHS: readonly string[] = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  ...['password', 'token', 'secret', 'authorization', 'cookie', 'apiKey', 'hookSecret'].flatMap(
    (k) => [k, `*.${k}`, `*.*.${k}`],
  ),
];

/**
 * The process's structured logger: JSON lines with an ISO time and the level's name, at
 * `level`. Every message string passes `redactSecrets` (URL credentials), every field in
 * `REDACT_PATHS` is censored. `destination` defaults to stdout (tests pass a buffer).
 */
export function createLogger(level: LogLevel, destination?: DestinationStream): PinoLogger {
  const options = {
    level,
    base: { service: 'conveyor' },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label: string) => ({ level: label }) },
    redact: { paths: [...REDACT_PATHS], censor: REDACTED },
    hooks: {
      // Messages are free text (adapter errors, stacks): strip URL credentials from them.
      logMethod(
        this: PinoLogger,
        args: Parameters<PinoLogger['info']>,
        method: PinoLogger['info'],
      ) {
        const redacted = args.map((a: unknown) => (typeof a === 'string' ? redactSecrets(a) : a));
        method.apply(this, redacted as Parameters<PinoLogger['info']>);
      },
    },
  };
  return destination === undefined ? pino(options) : pino(options, destination);
}
