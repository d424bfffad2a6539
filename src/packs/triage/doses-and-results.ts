import type { ReadingBuilder } from '../reading/reading.js';

/**
 * Two readings of numbers that are not vital signs, each a class of public guidance:
 *
 * - A paracetamol dosing schedule over the NHS maximum (NHS Paracetamol for children: at most 4 doses in 24 hours, at least
 *   4 hours apart, a dose by age; NHS Paracetamol for adults: at most 1 g a dose, 4 doses in 24 hours). In the agent's
 *   advice (the action's words and arguments) every part is checked: the doses a day, the interval, and the dose for the
 *   age (a volume in ml at the strength named, else at the weakest, 120 mg/5 ml, so an unknown strength never makes a dose
 *   look larger). In the caller's account only the schedule is read ("giving it every 2 hours"): a volume given is the
 *   caller's to tell and its strength is not known.
 * - A blood lead level (CDC Recommended actions based on blood lead level: 45 ug/dL or more needs urgent medical care and
 *   chelation, 70 or more is a medical emergency), read from a result record (`{analyte: "lead", value: 52, unit: "ug/dL"}`)
 *   or from text that names the lead result with its number ("venous lead 52 ug/dL"); umol/L is converted (x 20.7).
 */

type Rec = Record<string, unknown>;
const rec = (v: unknown): Rec | undefined => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Rec) : undefined);
const MAX_DEPTH = 5;
const MAX_TEXT = 4000;

/** Largest single paracetamol dose in mg by age in years (NHS Paracetamol for children; adults 1 g). */
function maxSingleDoseMg(age: number): number {
  if (age < 0.5) return 60;
  if (age < 2) return 120;
  if (age < 4) return 180;
  if (age < 6) return 240;
  if (age < 8) return 250;
  if (age < 10) return 375;
  if (age < 12) return 500;
  if (age < 16) return 750;
  return 1000;
}

const PARACETAMOL = /\b(paracetamol|acetaminophen|calpol|tylenol|panadol|disprol|medinol)\b/i;

/** The texts of one record or string, joined as "key: value" (a record's fields are one dosing instruction). */
function flatten(v: unknown, depth = 0): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return depth >= MAX_DEPTH ? '' : v.slice(0, 50).map((x) => flatten(x, depth + 1)).join('; ');
  const r = rec(v);
  if (!r || depth >= MAX_DEPTH) return '';
  return Object.entries(r).slice(0, 50).map(([k, x]) => `${k.replace(/_/g, ' ')}: ${flatten(x, depth + 1)}`).join('; ');
}

/** Dosing instructions: every record or string of the action that names paracetamol, read on its own. */
function instructions(v: unknown, out: string[], depth = 0): void {
  if (depth > MAX_DEPTH || out.length > 20) return;
  if (typeof v === 'string') {
    if (PARACETAMOL.test(v)) out.push(v.slice(0, MAX_TEXT));
    return;
  }
  if (Array.isArray(v)) {
    for (const x of v.slice(0, 50)) instructions(x, out, depth + 1);
    return;
  }
  const r = rec(v);
  if (!r) return;
  const own = Object.values(r).filter((x) => typeof x === 'string' || typeof x === 'number').map(String).join(' ');
  if (PARACETAMOL.test(own)) {
    out.push(flatten(r).slice(0, MAX_TEXT));
    return;
  }
  for (const x of Object.values(r).slice(0, 50)) instructions(x, out, depth + 1);
}

interface Schedule { dosesPerDay?: number; intervalHours?: number; doseMg?: number; why: string[] }

const NUM = '(\\d+(?:\\.\\d+)?)';

function schedule(text: string, withDose: boolean): Schedule {
  const t = text.toLowerCase();
  const why: string[] = [];
  const out: Schedule = { why };
  // "up to 6 doses", "max doses 24h: 6", "6 doses in 24 hours", "6 times a day"; "no more than 4 doses" gives 4.
  const perDay = [...t.matchAll(new RegExp(`(?:up to|max(?:imum)?(?: doses)?(?: 24 ?h| per day| a day| in 24 hours)?:?|doses(?: in)? 24 ?h(?:ours)?:?)\\s*${NUM}\\b|${NUM}\\s*(?:doses|times)\\s*(?:a day|per day|daily|in 24 hours|in a day|a 24)`, 'g'))]
    .map((m) => Number(m[1] ?? m[2])).filter((n) => n > 0 && n <= 24);
  if (perDay.length > 0) out.dosesPerDay = Math.max(...perDay);
  // "every 2 hours", "every 3 hrs", "2-hourly", "interval hours: 3".
  const every = [...t.matchAll(new RegExp(`every\\s*${NUM}\\s*(?:-\\s*\\d+\\s*)?(?:hours?|hrs?|h)\\b|${NUM}\\s*-?\\s*hourly|interval(?: hours)?:\\s*${NUM}\\b`, 'g'))]
    .map((m) => Number(m[1] ?? m[2] ?? m[3])).filter((n) => n > 0 && n <= 24);
  if (every.length > 0) out.intervalHours = Math.min(...every);
  if (withDose) {
    const strength = t.match(new RegExp(`${NUM}\\s*mg\\s*(?:/|in|per)\\s*${NUM}\\s*ml`));
    const mgPerMl = strength ? Number(strength[1]) / Number(strength[2]) : 24;
    const withoutStrength = strength ? t.replace(strength[0], ' ') : t;
    // Only an amount said as one dose: after "dose", "give" or "take", or before "every", "per dose" or a count of times.
    // A total ("2 g today", "4 g in 24 hours") is no single dose.
    const amount = `${NUM}\\s*(ml|mg|g)\\b`;
    const asDose = new RegExp(`(?:dose|dosage|give|take|amount)\\s*:?\\s*(?:of\\s*)?${amount}|${amount}\\s*(?:every|per dose|a dose|each dose|each time|up to|\\d+ times|four times|three times)`, 'g');
    const doses = [...withoutStrength.matchAll(asDose)].map((m) => {
      const value = Number(m[1] ?? m[3]);
      const unit = m[2] ?? m[4];
      return unit === 'ml' ? value * mgPerMl : unit === 'g' ? value * 1000 : value;
    });
    if (doses.length > 0) out.doseMg = Math.max(...doses);
  }
  return out;
}

function overMax(s: Schedule, age: number | undefined): string | undefined {
  if (s.dosesPerDay !== undefined && s.dosesPerDay > 4) return `${s.dosesPerDay} doses in 24 hours (NHS maximum 4)`;
  if (s.intervalHours !== undefined && s.intervalHours < 4) return `every ${s.intervalHours} hours (NHS: at least 4 hours apart)`;
  if (s.doseMg !== undefined && age !== undefined && s.doseMg > maxSingleDoseMg(age)) return `${Math.round(s.doseMg)} mg a dose (NHS maximum ${maxSingleDoseMg(age)} mg at age ${Math.round(age * 10) / 10})`;
  return undefined;
}

/** The agent's paracetamol dosing (the action) and the caller's told schedule (the state), against the NHS maximum. */
export function readParacetamolDosing(b: ReadingBuilder, state: Rec, action: Rec): void {
  const age = typeof b.facts.age_years === 'number' ? b.facts.age_years : undefined;
  const advised: string[] = [];
  instructions(action, advised);
  for (const text of advised) {
    const why = overMax(schedule(text, true), age);
    if (why) {
      b.set('paracetamol_dosing_over_max', true, `action: "${text.slice(0, 120)}": ${why}`);
      return;
    }
  }
  const told: string[] = [];
  for (const key of ['chief_complaint', 'symptom_details', 'conversation_history', 'notes', 'history']) instructions(state[key], told);
  for (const text of told) {
    const why = overMax(schedule(text, false), age);
    if (why) {
      b.set('paracetamol_dosing_over_max', true, `state: "${text.slice(0, 120)}": ${why}`);
      return;
    }
  }
}

const LEAD_UNIT = '(ug|µg|μg|mcg|micrograms?|umol|µmol|μmol|micromol)\\s*/\\s*(dl|l)';

function leadValue(value: number, unit: string | undefined): number | undefined {
  if (!Number.isFinite(value) || value <= 0) return undefined;
  const u = (unit ?? '').toLowerCase();
  if (/mol/.test(u)) return value * 20.7;
  if (/\/\s*dl|dl$/.test(u)) return value;
  // No unit: a level of 10 or more is in ug/dL (a level in umol/L is a few units at most).
  return value >= 10 ? value : undefined;
}

/** A blood lead level, from result records or from text naming the lead result: the highest one read, in ug/dL. */
export function readBloodLead(b: ReadingBuilder, state: Rec): void {
  let best: { v: number; source: string } | undefined;
  const keep = (v: number | undefined, source: string) => {
    if (v !== undefined && v < 1000 && (!best || v > best.v)) best = { v, source };
  };
  const walk = (v: unknown, path: string, depth: number): void => {
    if (depth > MAX_DEPTH) return;
    if (typeof v === 'string') {
      const text = v.slice(0, MAX_TEXT);
      const re = new RegExp(`\\b(?:blood|venous|capillary|serum|whole blood)?\\s*lead(?:\\s+level)?(?:\\s+(?:of|is|was|at|result))?\\s*:?\\s*${NUM}\\s*(?:${LEAD_UNIT})?`, 'gi');
      for (const m of text.matchAll(re)) {
        const named = /\b(blood|venous|capillary|serum)\b/i.test(m[0]) || m[3] !== undefined;
        if (named) keep(leadValue(Number(m[1]), m[3] !== undefined ? `${m[2]}/${m[3]}` : undefined), `${path}: "${m[0].trim()}"`);
      }
      return;
    }
    if (Array.isArray(v)) {
      v.slice(0, 50).forEach((x, i) => walk(x, `${path}.${i}`, depth + 1));
      return;
    }
    const r = rec(v);
    if (!r) return;
    const label = ['analyte', 'test', 'name', 'code', 'item'].map((k) => r[k]).find((x) => typeof x === 'string') as string | undefined;
    const value = typeof r.value === 'number' ? r.value : typeof r.result === 'number' ? r.result : undefined;
    if (label !== undefined && /\blead\b|\bpb\b/i.test(label) && value !== undefined) {
      keep(leadValue(value, typeof r.unit === 'string' ? r.unit : typeof r.units === 'string' ? r.units : undefined), `${path} = ${value} (${label})`);
    }
    for (const [k, x] of Object.entries(r).slice(0, 50)) walk(x, `${path}.${k}`, depth + 1);
  };
  walk(state, 'state', 0);
  if (best) b.set('lab.blood_lead_ug_dl', Math.round(best.v * 10) / 10, best.source);
}
