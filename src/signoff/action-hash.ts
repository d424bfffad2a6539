import crypto from 'node:crypto';
import { canonicalJson } from '../lib/canonical-json.js';

/**
 * Fields that change from one ask to the next without changing what is asked: a clock reading, a
 * tracing id. Dropped at the top level of `state` and `action` before hashing; `options` (seed, N,
 * deadline) and `context` (agent_id, trace_id) are never part of the hash at all.
 */
export const VOLATILE_FIELDS: readonly string[] = ['timestamp', 'trace_id', 'request_id'];

const withoutVolatile = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([k]) => !VOLATILE_FIELDS.includes(k)));

/**
 * What an approval is bound to: sha256 over the canonical JSON of the domain, the state and the
 * action, as validated. A tool wrapper compares it with the action it is about to run; any other
 * action needs an evaluation of its own.
 */
export function actionHash(input: { domain: string; state: Record<string, unknown>; action: Record<string, unknown> }): string {
  const bound = { domain: input.domain, state: withoutVolatile(input.state), action: withoutVolatile(input.action) };
  return `sha256:${crypto.createHash('sha256').update(canonicalJson(bound)).digest('hex')}`;
}
