import type { z } from 'zod';
import { CheckAnswerSchema, EvaluateAnswerSchema, ProblemSchema, StoredEvaluationSchema, type CheckAnswer, type EvaluateAnswer, type Problem, type StoredEvaluationAnswer } from '../api/schemas.js';
import type { EffectiveDecision } from '../signoff/review.js';

/**
 * A small typed client for agents. It fails closed: a network error, a timeout, a refusal or an
 * answer it cannot read comes back as `escalate` with the reason, never as an approval, and never
 * as an exception the agent might catch and ignore. The types are those of the service's own
 * schemas (src/api/schemas.ts), which the OpenAPI document is generated from too.
 */

export interface ForesightClientOptions {
  /** e.g. http://localhost:8080 */
  baseUrl: string;
  /** An `agent` key (one per agent, so one runaway agent cannot throttle another). */
  apiKey: string;
  /** Per request; a long poll adds its wait to it. Default 10 s. */
  timeoutMs?: number;
  /** For tests and special transports; the global fetch by default. */
  fetch?: typeof fetch;
}

export interface EvaluateInput {
  domain: string;
  state: Record<string, unknown>;
  action: Record<string, unknown>;
  options?: { rollouts?: number; horizon?: number; seed?: number; deadline_ms?: number };
  context?: { agent_id?: string; trace_id?: string; [k: string]: unknown };
}

/** What the agent acts on. Only `proceed: true` lets it run the tool. */
export type Verdict =
  | { proceed: true; decision: 'approve'; effectiveDecision: 'approved'; evaluationId: string; answer: EvaluateAnswer | StoredEvaluationAnswer }
  | {
      proceed: false;
      decision: 'escalate';
      /** `unreachable` when no answer could be read: the service, not a person, is unknown. */
      effectiveDecision: EffectiveDecision | 'unreachable';
      evaluationId?: string;
      /** Why not: the supervisor's feedback when there is one, else the reasons or the failure. */
      reason: string;
      answer?: EvaluateAnswer | StoredEvaluationAnswer;
      problem?: Problem;
    };

type Result<T> = { ok: true; value: T } | { ok: false; reason: string; problem?: Problem };

function verdictOf(answer: EvaluateAnswer | StoredEvaluationAnswer): Verdict {
  // The decision in force decides: an approval since revoked or expired is not one; an escalation a supervisor approved is.
  if (answer.effective_decision === 'approved') {
    return { proceed: true, decision: 'approve', effectiveDecision: 'approved', evaluationId: answer.evaluation_id, answer };
  }
  const feedback = answer.review?.feedback ?? [];
  const reason = feedback.length > 0 ? feedback.join('; ') : answer.reasons.map((r) => r.message).join(' ') || answer.explanation;
  return { proceed: false, decision: 'escalate', effectiveDecision: answer.effective_decision, evaluationId: answer.evaluation_id, reason, answer };
}

const unreachable = (reason: string, problem?: Problem): Verdict => ({ proceed: false, decision: 'escalate', effectiveDecision: 'unreachable', reason, problem });

export class ForesightClient {
  private readonly baseUrl: string;
  private readonly timeoutMs: number;
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly opts: ForesightClientOptions) {
    this.baseUrl = opts.baseUrl.replace(/\/+$/, '');
    this.timeoutMs = opts.timeoutMs ?? 10_000;
    this.fetchImpl = opts.fetch ?? fetch;
  }

  /** Asks before acting. Retries of the same call may pass an idempotency key to get the first answer. */
  async evaluate(input: EvaluateInput, opts: { idempotencyKey?: string } = {}): Promise<Verdict> {
    const headers: Record<string, string> = opts.idempotencyKey ? { 'Idempotency-Key': opts.idempotencyKey } : {};
    const res = await this.call('POST', '/v1/evaluate', EvaluateAnswerSchema, { body: input, headers });
    return res.ok ? verdictOf(res.value) : unreachable(res.reason, res.problem);
  }

  /** The evaluation as it stands now; with `waitMs`, waits (long poll) until its effective decision changes. */
  async status(evaluationId: string, opts: { waitMs?: number } = {}): Promise<Verdict> {
    const wait = opts.waitMs ? `?wait=${Math.ceil(opts.waitMs / 1000)}s` : '';
    const res = await this.call('GET', `/v1/evaluations/${encodeURIComponent(evaluationId)}${wait}`, StoredEvaluationSchema, { extraMs: opts.waitMs });
    return res.ok ? verdictOf(res.value) : unreachable(res.reason, res.problem);
  }

  /**
   * Waits for a person to decide a pending escalation, up to `maxWaitMs`, in long polls of at most
   * `pollMs`. Still pending at the end: escalate (the agent stands down or asks again later).
   */
  async waitForDecision(evaluationId: string, opts: { maxWaitMs: number; pollMs?: number }): Promise<Verdict> {
    const until = Date.now() + opts.maxWaitMs;
    let last: Verdict = unreachable('not asked yet');
    while (Date.now() < until) {
      last = await this.status(evaluationId, { waitMs: Math.min(opts.pollMs ?? 30_000, Math.max(1000, until - Date.now())) });
      if (last.proceed || last.effectiveDecision !== 'pending') return last;
    }
    return last;
  }

  /** Whether the approval covers exactly this action (a changed action needs a new evaluation). */
  async check(evaluationId: string, input: Pick<EvaluateInput, 'state' | 'action'>): Promise<{ covered: boolean; reason: string; answer?: CheckAnswer }> {
    const res = await this.call('POST', `/v1/evaluations/${encodeURIComponent(evaluationId)}/check`, CheckAnswerSchema, { body: { state: input.state, action: input.action } });
    return res.ok ? { covered: res.value.covered, reason: res.value.reason, answer: res.value } : { covered: false, reason: res.reason };
  }

  private async call<S extends z.ZodType>(method: string, path: string, schema: S, o: { body?: unknown; headers?: Record<string, string>; extraMs?: number }): Promise<Result<z.infer<S>>> {
    const ctl = new AbortController();
    const timer = setTimeout(() => ctl.abort(), this.timeoutMs + (o.extraMs ?? 0));
    try {
      const res = await this.fetchImpl(`${this.baseUrl}${path}`, {
        method,
        headers: { Authorization: `Bearer ${this.opts.apiKey}`, Accept: 'application/json', ...(o.body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...o.headers },
        body: o.body !== undefined ? JSON.stringify(o.body) : undefined,
        signal: ctl.signal,
      });
      const text = await res.text();
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        return { ok: false, reason: `Foresight answered ${res.status} with a body that is not JSON` };
      }
      if (!res.ok) {
        const problem = ProblemSchema.safeParse(json);
        return problem.success
          ? { ok: false, reason: `Foresight refused (${problem.data.status} ${problem.data.code}): ${problem.data.detail ?? problem.data.title}`, problem: problem.data }
          : { ok: false, reason: `Foresight answered ${res.status}` };
      }
      const parsed = schema.safeParse(json);
      if (!parsed.success) return { ok: false, reason: `Foresight's answer could not be read: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}` };
      return { ok: true, value: parsed.data };
    } catch (err) {
      const aborted = ctl.signal.aborted;
      return { ok: false, reason: aborted ? `Foresight did not answer within ${this.timeoutMs + (o.extraMs ?? 0)} ms` : `Foresight could not be reached: ${(err as Error).message}` };
    } finally {
      clearTimeout(timer);
    }
  }
}

export type { CheckAnswer, EvaluateAnswer, Problem, StoredEvaluationAnswer } from '../api/schemas.js';
