import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/database.js';
import { migrate, readMigrations } from '../db/migrate.js';
import { AppError } from '../errors.js';
import { parseDuration } from '../keys/duration.js';
import { PROJECT_ROOT } from '../lib/project-root.js';
import { createLogger } from '../logger.js';
import { DOMAIN_MODULES } from '../packs/domain-modules.js';
import { loadDomains, type LoadedDomain } from '../packs/load-domains.js';
import { loadCandidatePolicy, type CandidatePolicy } from '../replay/candidate-policy.js';
import { lineDiff, type LineDiff } from '../replay/line-diff.js';
import { PgEvaluationWindow } from '../replay/pg-evaluation-window.js';
import { PgPolicyVersionStore } from '../replay/pg-policy-version-store.js';
import { policyTextOf } from '../replay/policy-texts.js';
import { replayEvaluation } from '../replay/replay.js';
import { WindowSummary, type WindowReport } from '../replay/window-summary.js';
import { EmbeddedWorldModel } from '../world-model/embedded/embedded-world-model.js';
import { buildWorldModels } from '../world-model/build-world-models.js';

export const REPLAY_USAGE = `  replay --since <ISO time | 24h> [--until <ISO time | duration>] [--domain D] [--policy FILE]
         [--limit N] [--json]
                                      replay the evaluations of a window, each with its stored seed
                                      and input, under the current policies or a candidate policy
                                      file (checked like a shipped one; never stored), and summarise
                                      what would change: decisions approve→escalate and back, per
                                      reason code, with example ids. Stores nothing
`;

const PAGE = 50;
const DEFAULT_LIMIT = 10_000;
const MAX_LIMIT = 1_000_000;

/** What `foresight replay --json` prints. */
export interface ReplayWindowResult extends WindowReport {
  window: { since: string; until: string; domain: string | null };
  policy: { candidate: string | null; domain: string | null; version: string | null; current_version: string | null; diff: LineDiff | null };
  limit: number;
  limit_reached: boolean;
}

/** `2026-07-15T10:00:00Z`, or a duration back from now (`24h`, `90m`, `7d`). */
function instant(text: string, now: Date, flag: string): Date {
  let ms: number | undefined;
  try {
    ms = parseDuration(text);
  } catch {
    ms = undefined;
  }
  if (ms !== undefined) return new Date(now.getTime() - ms);
  // An ISO date or date-time; a bare number is not one.
  const at = /^\d{4}-\d{2}-\d{2}/.test(text) ? new Date(text) : new Date(NaN);
  if (Number.isNaN(at.getTime())) throw new Error(`${flag}: '${text}' is neither an ISO time (2026-07-15T10:00:00Z) nor a duration back from now (24h, 90m, 7d)`);
  return at;
}

function limitOf(text: string | undefined): number {
  if (text === undefined) return DEFAULT_LIMIT;
  const n = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(n) || n < 1 || n > MAX_LIMIT) throw new Error(`--limit: a whole number from 1 to ${MAX_LIMIT}`);
  return n;
}

const short = (version: string | null) => (version ? `${version.slice(0, 19)}…` : 'unknown');

export function describeWindow(r: ReplayWindowResult): string {
  const where = `${r.window.since} to ${r.window.until}${r.window.domain ? `, domain ${r.window.domain}` : ', every domain'}`;
  const under = r.policy.candidate ? `candidate ${r.policy.candidate} (${short(r.policy.version)}; current ${short(r.policy.current_version)})` : 'the current policies';
  const eg = (ids: string[]) => (ids.length ? `  e.g. ${ids.slice(0, 3).join(', ')}` : '');
  const lines = [
    `Replayed ${r.replayed} evaluation${r.replayed === 1 ? '' : 's'} (${where}) under ${under}.`,
    `Decisions changed: ${r.decisions_changed} of ${r.replayed}`,
    `  approve → escalate  ${r.approve_to_escalate.count}${eg(r.approve_to_escalate.examples)}`,
    `  escalate → approve  ${r.escalate_to_approve.count}${eg(r.escalate_to_approve.examples)}`,
    `Anything changed (decision, rates, reasons or futures): ${r.changed}; unchanged: ${r.unchanged}`,
  ];
  if (r.reasons.length > 0) {
    lines.push('By reason code (+ fires now and did not then, - fired then and does not now):');
    const width = Math.max(...r.reasons.map((x) => x.code.length));
    for (const x of r.reasons) lines.push(`  ${x.code.padEnd(width)}  +${x.fired_now_not_then} -${x.fired_then_not_now}${eg(x.examples)}`);
  }
  lines.push(`Futures diverged: ${r.futures_diverged.count}${eg(r.futures_diverged.examples)}`);
  if (r.not_replayed.count > 0) {
    lines.push(`Not replayed: ${r.not_replayed.count}`);
    for (const x of r.not_replayed.examples) lines.push(`  ${x.id}: ${x.reason}`);
  }
  if (r.limit_reached) lines.push(`Stopped at --limit ${r.limit}: later evaluations of the window were not replayed.`);
  if (r.policy.diff) {
    lines.push(`Policy change (current → candidate): ${r.policy.diff.removed} line(s) removed, ${r.policy.diff.added} added`);
    lines.push(...r.policy.diff.lines.map((l) => `  ${l}`));
    if (r.policy.diff.truncated) lines.push('  (diff truncated)');
  }
  return lines.join('\n');
}

export async function replayCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { since: { type: 'string' }, until: { type: 'string' }, domain: { type: 'string' }, policy: { type: 'string' }, limit: { type: 'string' }, json: { type: 'boolean' } },
    allowPositionals: false,
  });
  // Everything is checked before the database is opened or a model is learned.
  if (!values.since) throw new Error(`--since is required\nusage:\n${REPLAY_USAGE}`);
  const now = new Date();
  const since = instant(values.since, now, '--since');
  const until = values.until ? instant(values.until, now, '--until') : now;
  if (since.getTime() >= until.getTime()) throw new Error(`--since (${since.toISOString()}) must be before --until (${until.toISOString()})`);
  const limit = limitOf(values.limit);
  const config = loadConfig();
  const current = loadDomains(config.packsDir, DOMAIN_MODULES);
  if (values.domain && !current.has(values.domain)) throw new Error(`--domain: unknown domain '${values.domain}' (known: ${[...current.keys()].join(', ')})`);
  let candidate: CandidatePolicy | undefined;
  if (values.policy) candidate = loadCandidatePolicy(values.policy, config.packsDir, current, DOMAIN_MODULES);
  if (candidate && values.domain && values.domain !== candidate.domain.name) throw new Error(`--domain ${values.domain} differs from the candidate policy's domain '${candidate.domain.name}'`);
  const scope = candidate?.domain.name ?? values.domain;

  const domains = new Map<string, LoadedDomain>(current);
  if (candidate) domains.set(candidate.domain.name, candidate.domain);
  const scoped = new Map([...domains].filter(([name]) => scope === undefined || name === scope));
  const logger = createLogger(config.logLevel);
  // Only the domains in scope are learned (seconds each). The embedded model's version string then
  // names fewer banks than the service's; the summary compares decisions, reasons and futures, not it.
  const embedded = new EmbeddedWorldModel(scoped.values());
  const { worldModels, worldModelFor } = buildWorldModels(config, scoped, embedded, logger);
  const nowTexts = new Map([...scoped.values()].map((d) => {
    if (candidate && d.name === candidate.domain.name) return [d.name, candidate.text] as const;
    const found = policyTextOf(config.packsDir, d);
    return [d.name, 'text' in found ? found.text : null] as const;
  }));

  const db = await openDatabase({ url: config.database.url, pgliteDir: path.join(config.dataDir, 'pglite') });
  const summary = new WindowSummary();
  let seen = 0;
  try {
    await migrate(db, readMigrations(path.join(PROJECT_ROOT, 'migrations')));
    const window = new PgEvaluationWindow(db);
    const policyTexts = new PgPolicyVersionStore(db);
    const thenTexts = new Map<string, string | null>();
    const thenText = async (domain: string, version: string) => {
      const k = `${domain}/${version}`;
      if (!thenTexts.has(k)) {
        if (thenTexts.size >= 256) thenTexts.clear();
        thenTexts.set(k, await policyTexts.text(domain, version));
      }
      return thenTexts.get(k)!;
    };
    for (let after: { createdAt: Date; id: string } | null = null; seen < limit; ) {
      const page = await window.page({ since, until, domain: scope, after, limit: Math.min(PAGE, limit - seen) });
      for (const stored of page) {
        seen++;
        try {
          const { diff } = await replayEvaluation(stored, { domains: scoped, worldModelFor, fallback: embedded }, { then: await thenText(stored.domain, stored.policyVersion), now: nowTexts.get(stored.domain) ?? null }, new Date());
          summary.add(stored.id, diff);
        } catch (err) {
          if (!(err instanceof AppError) || err.status >= 500) throw err;
          summary.skip(stored.id, err.detail ?? err.message);
        }
      }
      if (page.length < PAGE) break;
      const last = page[page.length - 1];
      after = { createdAt: last.createdAt, id: last.id };
    }
  } finally {
    for (const wm of [...worldModels].reverse()) await wm.close();
    await db.close();
  }

  const currentDomain = scope ? current.get(scope) : undefined;
  // The file is read again only when there is a candidate to diff it against.
  const currentText = candidate && currentDomain ? policyTextOf(config.packsDir, currentDomain) : undefined;
  const result: ReplayWindowResult = {
    window: { since: since.toISOString(), until: until.toISOString(), domain: scope ?? null },
    policy: {
      candidate: values.policy ?? null,
      domain: scope ?? null,
      version: scope ? scoped.get(scope)!.policyVersion : null,
      current_version: currentDomain?.policyVersion ?? null,
      diff: candidate && currentText && 'text' in currentText && currentDomain!.policyVersion !== candidate.domain.policyVersion ? lineDiff(currentText.text, candidate.text) : null,
    },
    limit,
    limit_reached: seen >= limit,
    ...summary.result(),
  };
  console.log(values.json ? JSON.stringify(result, null, 2) : describeWindow(result));
}
