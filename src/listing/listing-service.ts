import type { PersonalFieldState } from '../audit/evaluation-store.js';
import type { ApiKey } from '../keys/key-store.js';
import { parseDuration } from '../keys/duration.js';
import type { LoadedDomain } from '../packs/load-domains.js';
import type { PersonalDataService } from '../privacy/personal-data-service.js';
import { notePersonalValues } from '../privacy/log-scope.js';
import { openPersonal, type Shown } from '../privacy/personal-seal.js';
import { decodeCursor, DEFAULT_LIMIT, encodeCursor } from './list-query.js';
import type { EvaluationFilters, ListedEvaluation, ListingStore, ListScope, ReviewDefaults } from './listing-store.js';

/** How long a one-liner of a list item may be. */
const ONE_LINER_CHARS = 120;

export interface ListingServiceDeps {
  store: ListingStore;
  /** The personal values of some evaluations, for the roles that see them (src/privacy/pg-personal-store.ts). */
  personalFields(ids: string[]): Promise<Map<string, PersonalFieldState[]>>;
  personal: PersonalDataService;
  domains: ReadonlyMap<string, LoadedDomain>;
  /** An injected clock (tests); absent, the database's. */
  clock?: () => Date;
  /** Rows per database page of an export. */
  exportPageSize: number;
}

/** One list item: what finding an evaluation needs, never its whole input. */
export interface EvaluationSummary {
  id: string;
  href: string;
  created_at: string;
  domain: string;
  decision: 'approve' | 'escalate';
  effective_decision: string;
  review_state: string;
  reason_codes: string[];
  agent_id: string | null;
  api_key_id: string | null;
  policy_version: string;
  headline: string | null;
  action: string | null;
  incident_rate: number | null;
  adverse_rate: number | null;
  has_sign_off: boolean;
  has_outcome: boolean;
}

export const SUMMARY_COLUMNS = [
  'id', 'created_at', 'domain', 'decision', 'effective_decision', 'review_state', 'reason_codes', 'agent_id', 'api_key_id',
  'policy_version', 'headline', 'action', 'incident_rate', 'adverse_rate', 'has_sign_off', 'has_outcome',
] as const satisfies readonly (keyof EvaluationSummary)[];

/** Runs of whitespace as one space, in one pass (no regular expression over request text). */
function oneLine(s: string): string {
  let out = '';
  let space = false;
  for (const ch of s) {
    if (ch === ' ' || ch === '\n' || ch === '\r' || ch === '\t' || ch === '\f' || ch === '\v') space = out.length > 0;
    else {
      if (space) out += ' ';
      space = false;
      out += ch;
    }
  }
  return out;
}

function clip(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  const text = oneLine(typeof value === 'string' ? value : JSON.stringify(value));
  return text.length > ONE_LINER_CHARS ? `${text.slice(0, ONE_LINER_CHARS - 1)}…` : text;
}

function actionLine(action: { kind?: unknown; description?: unknown }): string | null {
  const kind = typeof action.kind === 'string' ? action.kind : undefined;
  const description = clip(action.description);
  if (kind && description) return clip(`${kind}: ${description}`);
  return kind ?? description;
}

/** The scope of a key's list, by the authorisation table's scope of the route. */
export function listScopeOf(scope: string | undefined, key: ApiKey): ListScope | null {
  switch (scope) {
    case 'all':
      return { kind: 'all' };
    case 'own':
      return { kind: 'own', apiKeyId: key.id };
    case 'its_domains':
      return key.domains === null ? { kind: 'all' } : { kind: 'domains', domains: key.domains };
    default:
      return null;
  }
}

/**
 * Finding evaluations: pages of summaries (newest first, by an opaque cursor), and an export that
 * walks the same pages from the database one at a time. Personal values in a summary (the triage
 * headline is the complaint) are shown whole to auditors, and every such read is recorded;
 * everyone else sees `[personal]`.
 */
export class ListingService {
  constructor(private readonly deps: ListingServiceDeps) {}

  // Read from the domains per page, not once: a reload may change a policy's review rules or a pack's headline.
  private rows(filters: EvaluationFilters, scope: ListScope, limit: number, beforeSeq?: number): Promise<ListedEvaluation[]> {
    const domains = [...this.deps.domains.values()];
    const reviewDefaults = new Map<string, ReviewDefaults>(
      domains.map((d) => [
        d.name,
        { signOffs: d.policy.override.sign_offs, reviewTimeoutMs: parseDuration(d.policy.override.review_timeout), approvalTtlMs: parseDuration(d.policy.override.approval_ttl) },
      ]),
    );
    const headlines = new Map<string, readonly string[]>(domains.filter((d) => d.headline).map((d) => [d.name, d.headline!]));
    return this.deps.store.page({ filters, scope, limit, beforeSeq, at: this.deps.clock?.() ?? null, reviewDefaults, headlines });
  }

  /** Summaries of `rows` as `key` may see them; records the read when personal values are shown. */
  private async summaries(rows: ListedEvaluation[], key: ApiKey, route: string, requestId: string | null): Promise<EvaluationSummary[]> {
    const whole = key.role === 'auditor';
    const sealed = rows.filter((r) => r.personalDigests);
    const fields = whole && sealed.length > 0 ? await this.deps.personalFields(sealed.map((r) => r.id)) : new Map<string, PersonalFieldState[]>();
    const read: string[] = [];
    const out = rows.map((r) => {
      let { action, headline } = r;
      if (r.personalDigests) {
        let revealed = false;
        const digests = new Set(r.personalDigests);
        const byDigest = new Map((fields.get(r.id) ?? []).map((f) => [f.digest, f]));
        const reveal = (d: string): Shown | undefined => {
          if (!digests.has(d)) return undefined;
          if (!whole) return { kind: 'masked' };
          const f = byDigest.get(d);
          if (!f || f.erasedAt !== null) return { kind: 'erased' };
          revealed = true;
          notePersonalValues([f.value]);
          return { kind: 'value', value: f.value };
        };
        action = openPersonal(action, reveal);
        headline = openPersonal(headline, reveal);
        if (revealed) read.push(r.id);
      }
      return {
        id: r.id,
        href: `/v1/evaluations/${r.id}`,
        created_at: r.createdAt.toISOString(),
        domain: r.domain,
        decision: r.decision,
        effective_decision: r.effectiveDecision,
        review_state: r.reviewState,
        reason_codes: r.reasonCodes,
        agent_id: r.agentId,
        api_key_id: r.apiKeyId,
        policy_version: r.policyVersion,
        headline: clip(headline),
        action: actionLine(action),
        incident_rate: r.incidentRate,
        adverse_rate: r.adverseRate,
        has_sign_off: r.hasSignOff,
        has_outcome: r.hasOutcome,
      };
    });
    await this.deps.personal.recordRead(route, read, key, requestId);
    return out;
  }

  /** One page; `next_cursor` is null on the last. */
  async page(input: { filters: EvaluationFilters; scope: ListScope; limit?: number; cursor?: string; key: ApiKey; requestId: string | null }) {
    const limit = input.limit ?? DEFAULT_LIMIT;
    const beforeSeq = input.cursor === undefined ? undefined : decodeCursor(input.cursor, input.filters);
    // One row more than asked tells whether there is a next page without a second query.
    const rows = await this.rows(input.filters, input.scope, limit + 1, beforeSeq);
    const shown = rows.slice(0, limit);
    const items = await this.summaries(shown, input.key, 'GET /v1/evaluations', input.requestId);
    const next = rows.length > limit ? encodeCursor(shown[shown.length - 1].seq, input.filters) : null;
    return { items, next_cursor: next };
  }

  /**
   * Every matching summary, a database page at a time: the caller writes each page out (waiting for
   * the client to drain it) before the next is read, so memory holds one page whatever the total.
   */
  async *exportPages(input: { filters: EvaluationFilters; scope: ListScope; key: ApiKey; requestId: string | null; signal?: AbortSignal }): AsyncGenerator<EvaluationSummary[]> {
    let beforeSeq: number | undefined;
    for (;;) {
      if (input.signal?.aborted) return;
      const rows = await this.rows(input.filters, input.scope, this.deps.exportPageSize, beforeSeq);
      if (rows.length === 0) return;
      yield await this.summaries(rows, input.key, 'GET /v1/evaluations/export', input.requestId);
      if (rows.length < this.deps.exportPageSize) return;
      beforeSeq = rows[rows.length - 1].seq;
    }
  }
}
