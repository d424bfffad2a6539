import type { ReadingBuilder } from '../reading/reading.js';
import { DEMOGRAPHIC_FIELDS, foldFieldName } from './field-aliases.js';

/**
 * The patient's body weight in kg, from a demographics record or the top of the state (`weight_kg: 15`, `weight: "33 lb"`),
 * for doses per kg. Only the patient's own record is read: a weight in the symptom details ("weight: up 1.5 kg this week")
 * is a change, not the body weight. Pounds are converted (1 lb = 0.4536 kg); a weight outside 0.4 to 300 kg is no reading.
 */

type Rec = Record<string, unknown>;
const rec = (v: unknown): Rec | undefined => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Rec) : undefined);

const KG_KEYS = new Set(['weightkg', 'bodyweightkg', 'wtkg', 'weightinkg', 'kg']);
const LB_KEYS = new Set(['weightlb', 'weightlbs', 'bodyweightlb', 'bodyweightlbs', 'weightinlb', 'weightinlbs', 'weightpounds']);
const PLAIN_KEYS = new Set(['weight', 'bodyweight', 'wt']);
const LB_PER_KG = 0.45359237;
const WEIGHT_TEXT = /^\s*(?:about|approx\.?|approximately|around|roughly|~)?\s*(\d{1,3}(?:\.\d{1,2})?)\s*(kg|kgs|kilos?|kilograms?|lb|lbs|pounds?)?\s*$/i;

function kilograms(key: string, raw: unknown): number | undefined {
  const folded = foldFieldName(key);
  const inLb = LB_KEYS.has(folded);
  if (!inLb && !KG_KEYS.has(folded) && !PLAIN_KEYS.has(folded)) return undefined;
  let value: number | undefined;
  let pounds = inLb;
  if (typeof raw === 'number' && Number.isFinite(raw)) value = raw;
  else if (typeof raw === 'string' && raw.length <= 40) {
    const m = WEIGHT_TEXT.exec(raw);
    if (!m) return undefined;
    value = Number(m[1]);
    if (m[2] !== undefined) pounds = /^(lb|lbs|pound|pounds)$/i.test(m[2]);
    else if (PLAIN_KEYS.has(folded)) return undefined; // "weight: 15" says no unit: kg or lb is not known.
  }
  if (value === undefined) return undefined;
  const kg = pounds ? value * LB_PER_KG : value;
  return kg >= 0.4 && kg <= 300 ? Math.round(kg * 100) / 100 : undefined;
}

export function readBodyWeight(b: ReadingBuilder, state: Rec): void {
  const containers: [string, Rec][] = [];
  for (const field of DEMOGRAPHIC_FIELDS) {
    const obj = rec(state[field]);
    if (obj) containers.push([`state.${field}`, obj]);
  }
  containers.push(['state', state]);
  for (const [path, obj] of containers) {
    for (const key of Object.keys(obj)) {
      const raw = obj[key];
      if (typeof raw !== 'number' && typeof raw !== 'string') continue;
      const kg = kilograms(key, raw);
      if (kg === undefined) continue;
      b.get(`${path}.${key}`);
      b.set('weight_kg', kg, `${path}.${key} = ${typeof raw === 'string' ? JSON.stringify(raw) : String(raw)}`);
      return;
    }
  }
}
