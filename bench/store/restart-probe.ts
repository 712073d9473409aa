import { FLOW_STAGES } from './bench-model.js';
import type { Target } from './workload.js';

const get = async (t: Target, path: string): Promise<Response> =>
  fetch(`${t.url}${path}`, { headers: t.auth });

/**
 * Waits until the server answers an audit page: a big embedded store reads its audit
 * log after it starts answering, so a window opened before that would measure the read.
 */
export async function awaitAuditLog(t: Target): Promise<void> {
  const r = await get(t, '/api/audit?limit=1');
  if (r.status !== 200) throw new Error(`the audit log answered ${r.status}`);
}

/**
 * After a restart: the time (from `t0`, spawn) to the first move answered and to the first
 * audit page answered (the whole store in memory).
 */
export async function probeRestart(
  t: Target,
  dealId: string,
  t0: number,
): Promise<{ firstMoveMs: number; loadedMs: number }> {
  const deal = await get(t, `/api/records/deals/${encodeURIComponent(dealId)}`);
  if (deal.status !== 200) throw new Error(`reading a deal after restart answered ${deal.status}`);
  const { stage } = (await deal.json()) as { stage: string };
  const next = FLOW_STAGES[(FLOW_STAGES.indexOf(stage as 'a') + 1) % FLOW_STAGES.length];
  const moved = await fetch(`${t.url}/api/records/deals/${encodeURIComponent(dealId)}/move`, {
    method: 'POST',
    headers: { ...t.auth, 'content-type': 'application/json' },
    body: JSON.stringify({ stage: next }),
  });
  if (moved.status !== 200) throw new Error(`move after restart answered ${moved.status}`);
  const firstMoveMs = performance.now() - t0;
  await awaitAuditLog(t);
  return { firstMoveMs, loadedMs: performance.now() - t0 };
}
