import type { Logger } from '../engine/ports.js';
import { redactSecrets } from './redact-secrets.js';

/**
 * A logger that passes every line through `redactSecrets` before its sink: stack
 * traces and adapter errors may quote a URL with its password.
 *
 * @example const log = redactingLogger({ info: console.log, error: console.error });
 */
export function redactingLogger(sink: Logger): Logger {
  return {
    info: (m) => sink.info(redactSecrets(m)),
    error: (m) => sink.error(redactSecrets(m)),
  };
}
