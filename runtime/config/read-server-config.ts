import { resolve } from 'node:path';
import { storeFromEnv, type StoreChoice } from '../app/store-from-env.js';
import { templateLimitsFromEnv } from '../app/template-limits-from-env.js';
import type { DeliveryPorts } from '../delivery/delivery-ports.js';
import { deliveryFromEnv } from '../delivery/delivery-from-env.js';
import type { Logger } from '../engine/ports.js';
import type { TemplateLimits } from '../engine/template-limits.js';
import { allowedHostsFromEnv } from '../http/check-host.js';
import { allowedOriginsFromEnv } from '../http/check-origin.js';
import { rateLimitsFromEnv, type RateLimits } from '../http/rate-limits.js';
import { ownerFromEnv, trustProxyFromEnv } from '../identity/identity-from-env.js';
import { sessionPolicyFromEnv, type SessionPolicy } from '../identity/session-policy.js';
import type { OwnerFromEnv } from '../identity/setup-service.js';
import { logLevelFromEnv, type LogLevel } from '../logging/log-level.js';
import { redactSecrets } from '../security/redact-secrets.js';
import { recycleBinRetentionFromEnv } from '../services/recycle-bin-from-env.js';
import { timelineRetentionFromEnv } from '../store/timeline/retention-from-env.js';
import {
  DEFAULT_SHUTDOWN_TIMEOUT_MS,
  hostFromEnv,
  portFromEnv,
  positiveIntegerFromEnv,
} from './server-settings.js';

type Env = Readonly<Record<string, string | undefined>>;

/** Everything the server reads from its environment, checked. */
export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  /** `DATABASE_URL`, `DATABASE_SCHEMA` and `SEED_EXAMPLES` (`runtime/app/store-from-env.ts`). */
  store: StoreChoice;
  logLevel: LogLevel;
  shutdownTimeoutMs: number;
  seedExamples: boolean;
  templateLimits: TemplateLimits;
  delivery: DeliveryPorts;
  rateLimits: RateLimits;
  owner: OwnerFromEnv | undefined;
  sessionPolicy: Partial<SessionPolicy>;
  allowedOrigins: string[];
  allowedHosts: string[];
  trustProxy: boolean | number | string | undefined;
  timelineRetentionDays: number | undefined;
  /** `RECYCLE_BIN_RETENTION_DAYS` (undefined: the default, 30). */
  recycleBinRetentionDays: number | undefined;
}

export type ConfigResult = { ok: true; config: ServerConfig } | { ok: false; problems: string[] };

/**
 * Reads and checks the whole configuration at once, so a start with three mistakes
 * lists all three (one line each, secrets redacted) instead of one per attempt.
 * `log` receives the delivery adapters' choices (`email: no SMTP_URL...`).
 */
export function readServerConfig(env: Env, log: Logger): ConfigResult {
  const problems: string[] = [];
  function read<T>(parse: () => T): T {
    try {
      return parse();
    } catch (e) {
      problems.push(redactSecrets(e instanceof Error ? e.message : String(e)));
      return undefined as T; // Only looked at when there are no problems.
    }
  }
  const host = read(() => hostFromEnv(env));
  const store = read(() => storeFromEnv(env));
  const config: ServerConfig = {
    port: read(() => portFromEnv(env)),
    host,
    dataDir: resolve(env.DATA_DIR ?? './data'),
    store,
    logLevel: read(() => logLevelFromEnv(env)),
    shutdownTimeoutMs: read(() =>
      positiveIntegerFromEnv(env, 'SHUTDOWN_TIMEOUT_MS', DEFAULT_SHUTDOWN_TIMEOUT_MS),
    ),
    seedExamples: store?.seedExamples ?? false,
    templateLimits: read(() => templateLimitsFromEnv(env)),
    delivery: read(() => deliveryFromEnv(env, log)),
    rateLimits: read(() => rateLimitsFromEnv(env)),
    owner: read(() => ownerFromEnv(env)),
    sessionPolicy: read(() => sessionPolicyFromEnv(env)),
    allowedOrigins: read(() => allowedOriginsFromEnv(env.ALLOWED_ORIGINS)),
    recycleBinRetentionDays: read(() => recycleBinRetentionFromEnv(env)),
    allowedHosts: read(() => allowedHostsFromEnv(env.ALLOWED_HOSTS, host ?? '127.0.0.1')),
    trustProxy: read(() => trustProxyFromEnv(env.TRUST_PROXY)),
    timelineRetentionDays: read(() => timelineRetentionFromEnv(env)),
  };
  return problems.length === 0 ? { ok: true, config } : { ok: false, problems };
}
