import type { Logger as PinoLogger } from 'pino';
import type { Logger } from '../engine/ports.js';
import { redactingLogger } from '../security/redacting-logger.js';

/** The engine's `Logger` port written to pino (info and error lines), redacted as ever. */
export function loggerPort(logger: PinoLogger): Logger {
  return redactingLogger({
    info: (m) => logger.info(m),
    error: (m) => logger.error(m),
  });
}
