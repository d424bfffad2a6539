import crypto from 'node:crypto';
import type { EvaluationRecord } from '../../src/audit/evaluation-store.js';
import type { Database } from '../../src/db/database.js';
import { SCENARIOS } from '../support/scenarios.js';

/** The i-th gusty crane lift: escalates, and differs from the others in what the reader reads (crew size), so none is sticky. */
export function gustyLift(i: number, agentId?: string) {
  const base = SCENARIOS.gustyCraneLift.body;
  return { ...base, state: { ...base.state, crew_status: { size: 10 + i, hours_on_site: 11 } }, ...(agentId ? { context: { agent_id: agentId } } : {}) };
}

/** The i-th calm crane lift: approved by the model. */
export function calmLift(i: number, agentId?: string) {
  const base = SCENARIOS.calmCraneLift.body;
  return { ...base, state: { ...base.state, crew_status: { size: 10 + i, hours_on_site: 2 } }, ...(agentId ? { context: { agent_id: agentId } } : {}) };
}

/** A stored evaluation as the evaluate use case writes one, without simulating: for volume. */
export function bulkRecord(i: number, over: Partial<EvaluationRecord> = {}): EvaluationRecord {
  return {
    id: crypto.randomUUID(),
    createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, 0) + i * 1000),
    domain: 'construction_safety',
    decision: 'approve',
    reasonCodes: [],
    request: {
      domain: 'construction_safety',
      state: { site_id: `SITE_${i}`, task_description: `Bulk task ${i}, "quoted", with commas\nand a new line`, environmental_conditions: {}, crew_status: {} },
      action: { description: `Proceed with task ${i}`, kind: 'general_work' },
      context: { agent_id: 'bulk-bot' },
    },
    response: { decision: 'approve', risk: { rollouts: 8, incident_rate: 0.01, adverse_rate: 0.02 }, explanation: `bulk ${i}` },
    futures: [{ index: 0, final_outcome: 'no_incident', incident: false, adverse: false, steps: [{ t: 1, event: 'work goes on', outcome: 'work_started', reward: 0.2 }], risk_factors: [] }],
    policyVersion: 'sha256:bulk-policy',
    worldModel: { backend: 'embedded', version: 'bulk' },
    seed: i,
    degraded: false,
    timing: { total: 1, simulation: 0.5, store: 0 },
    agentId: 'bulk-bot',
    apiKeyId: 'bulk-key',
    ...over,
  };
}

/** Counts the listing's database pages while `fn` runs (the store marks its query). */
export async function countingListingPages<T>(db: Database, fn: () => Promise<T>): Promise<{ result: T; pages: number }> {
  const original = db.query;
  let pages = 0;
  db.query = ((text: string, params?: unknown[]) => {
    if (text.includes('/* evaluation listing page */')) pages++;
    return original.call(db, text, params);
  }) as Database['query'];
  try {
    const result = await fn();
    return { result, pages };
  } finally {
    db.query = original;
  }
}

/** RFC 4180 CSV (quoted cells, doubled quotes, CRLF), parsed strictly: throws on a malformed file. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  let quoted = false;
  let started = false;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 2;
      } else if (c === '"') {
        quoted = false;
        i++;
        if (i < text.length && text[i] !== ',' && text[i] !== '\r') throw new Error(`text after a closing quote at ${i}`);
      } else {
        cell += c;
        i++;
      }
      continue;
    }
    if (c === '"') {
      if (cell !== '') throw new Error(`a quote inside an unquoted cell at ${i}`);
      quoted = true;
      started = true;
      i++;
    } else if (c === ',') {
      row.push(cell);
      cell = '';
      i++;
    } else if (c === '\r') {
      if (text[i + 1] !== '\n') throw new Error(`a bare CR at ${i}`);
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      started = false;
      i += 2;
    } else if (c === '\n') {
      throw new Error(`a bare LF outside quotes at ${i}`);
    } else {
      cell += c;
      started = true;
      i++;
    }
  }
  if (quoted) throw new Error('an unterminated quoted cell');
  if (started || cell !== '' || row.length > 0) throw new Error('the last line does not end with CRLF');
  return rows;
}
