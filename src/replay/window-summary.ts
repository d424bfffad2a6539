import type { ReasonKind, ReplayDiff } from './replay-diff.js';

const EXAMPLES = 5;

interface Counted {
  count: number;
  /** A few evaluation ids, the first seen. */
  examples: string[];
}

export interface ReasonImpact {
  code: string;
  kind: ReasonKind;
  /** Evaluations where it fires now and did not then. */
  fired_now_not_then: number;
  /** Evaluations where it fired then and does not now. */
  fired_then_not_now: number;
  examples: string[];
}

/** What replaying a window would have changed: the impact of a policy or model change before it ships. */
export interface WindowReport {
  replayed: number;
  unchanged: number;
  /** Evaluations where anything differs (decision, rate, reason or futures). */
  changed: number;
  decisions_changed: number;
  approve_to_escalate: Counted;
  escalate_to_approve: Counted;
  /** Most affected first. */
  reasons: ReasonImpact[];
  futures_diverged: Counted;
  not_replayed: { count: number; examples: { id: string; reason: string }[] };
}

const counted = (): Counted => ({ count: 0, examples: [] });
const note = (c: Counted, id: string) => {
  c.count++;
  if (c.examples.length < EXAMPLES) c.examples.push(id);
};

/** Tallies replays one at a time: its memory grows with the number of reason codes, not of evaluations. */
export class WindowSummary {
  private readonly report: WindowReport = {
    replayed: 0,
    unchanged: 0,
    changed: 0,
    decisions_changed: 0,
    approve_to_escalate: counted(),
    escalate_to_approve: counted(),
    reasons: [],
    futures_diverged: counted(),
    not_replayed: { count: 0, examples: [] },
  };
  private readonly byCode = new Map<string, ReasonImpact>();

  add(id: string, diff: ReplayDiff): void {
    const r = this.report;
    r.replayed++;
    if (diff.changed) r.changed++;
    else r.unchanged++;
    if (diff.decision.changed) {
      r.decisions_changed++;
      note(diff.decision.now === 'escalate' ? r.approve_to_escalate : r.escalate_to_approve, id);
    }
    if (diff.futures.diverged) note(r.futures_diverged, id);
    const impact = (code: string, kind: ReasonKind) => {
      let i = this.byCode.get(code);
      if (!i) this.byCode.set(code, (i = { code, kind, fired_now_not_then: 0, fired_then_not_now: 0, examples: [] }));
      if (i.examples.length < EXAMPLES) i.examples.push(id);
      return i;
    };
    for (const x of diff.reasons.fired_now_not_then) impact(x.code, x.kind).fired_now_not_then++;
    for (const x of diff.reasons.fired_then_not_now) impact(x.code, x.kind).fired_then_not_now++;
  }

  skip(id: string, reason: string): void {
    const n = this.report.not_replayed;
    n.count++;
    if (n.examples.length < EXAMPLES) n.examples.push({ id, reason });
  }

  result(): WindowReport {
    const reasons = [...this.byCode.values()].sort((a, b) => b.fired_now_not_then + b.fired_then_not_now - (a.fired_now_not_then + a.fired_then_not_now) || a.code.localeCompare(b.code));
    return { ...this.report, reasons };
  }
}
