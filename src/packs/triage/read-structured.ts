import type { ReadingBuilder } from '../reading/reading.js';
import { quantities, tokenize, type Unit } from '../reading/text.js';
import { toCelsius, toYears } from '../reading/units.js';
import { foldFieldName, vitalField, type VitalField } from './field-aliases.js';
import { setAge } from './read-text.js';

/**
 * The structured half of the triage normaliser: measurements under any of their usual names and units,
 * and the caller's age and sex. A value given as a string ("88/50", "103F", "38.3C rectal", "6 weeks")
 * is tokenized (reading/text.ts), never matched with a pattern.
 */

type Rec = Record<string, unknown>;

export function rec(value: unknown): Rec | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Rec) : undefined;
}

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** The first number of a short string, with its unit and an "a/b" partner. */
function firstQuantity(text: string): { value: number; unit?: Unit; over?: number } | undefined {
  if (text.length > 200) return undefined;
  const tokens = tokenize(text);
  const q = quantities(tokens)[0];
  if (!q) return undefined;
  const next = tokens[q.last + 1];
  const over = q.over ?? (next?.text === 'over' && tokens[q.last + 2]?.kind === 'number' ? tokens[q.last + 2].value : undefined);
  return { value: q.value, unit: q.unit, over };
}

/**
 * Reads one measurement field (`path` is its request path, `key` its name). Returns whether the
 * field was a measurement, so callers can leave other fields for the text reader.
 */
export function readVitalField(b: ReadingBuilder, path: string, key: string, field: VitalField | undefined = vitalField(key)): boolean {
  if (!field) return false;
  const raw = b.get(path);
  const source = `${path} = ${typeof raw === 'string' ? JSON.stringify(raw.slice(0, 60)) : String(raw)}`;
  let value: number | undefined;
  let unit: Unit | undefined = field.unit;
  let over: number | undefined;
  if (finite(raw)) value = raw;
  else if (typeof raw === 'string') {
    const q = firstQuantity(raw);
    if (!q) return true;
    value = q.value;
    unit = q.unit ?? unit;
    over = q.over;
  } else return true;
  switch (field.kind) {
    case 'heart_rate':
      if (value >= 10 && value <= 350) b.set('vitals.heart_rate', value, source);
      break;
    case 'respiratory_rate':
      if (value >= 2 && value <= 120) b.set('vitals.respiratory_rate', value, source);
      break;
    case 'spo2': {
      const pct = value > 0 && value <= 1 ? value * 100 : value;
      if (pct >= 30 && pct <= 100) b.set('vitals.spo2', pct, source);
      break;
    }
    case 'systolic_bp':
      if (value >= 30 && value <= 300) b.set('vitals.systolic_bp', value, source);
      break;
    case 'diastolic_bp':
      if (value >= 10 && value <= 200) b.set('vitals.diastolic_bp', value, source);
      break;
    case 'blood_pressure':
      if (over !== undefined && value >= 30 && value <= 300 && over >= 10 && over < value) {
        b.set('vitals.systolic_bp', value, source);
        b.set('vitals.diastolic_bp', over, source);
      } else if (over === undefined && value >= 30 && value <= 300) b.set('vitals.systolic_bp', value, source);
      break;
    case 'temperature': {
      // A bare number above any human core temperature in °C is in °F ("temperature: 101.8").
      const c = unit === 'degF' || unit === 'degC' ? toCelsius(value, unit) : value > 45 ? toCelsius(value, 'degF') : value;
      if (c !== undefined && c >= 25 && c <= 45) b.set('vitals.temperature_c', c, source);
      break;
    }
    case 'gcs':
      if (value >= 3 && value <= 15) b.set('vitals.gcs', value, source);
      break;
    case 'glucose': {
      // Below 35 a glucose is in mmol/L (no one is alive at 35 mg/dL for long, and 35 mmol/L is rare).
      const mgdl = unit === 'mmoll' || (unit !== 'mgdl' && value < 35) ? value * 18 : value;
      if (mgdl >= 5 && mgdl <= 3000) b.set('vitals.glucose_mg_dl', mgdl, source);
      break;
    }
    case 'ketones':
      if (value >= 0 && value <= 20) b.set('ketones_mmol', value, source);
      break;
  }
  return true;
}

/** Reads every measurement field of an object (`vital_signs`, `vitals`, …); returns the keys it left. */
export function readVitalsObject(b: ReadingBuilder, path: string, obj: Rec): string[] {
  const left: string[] = [];
  for (const key of Object.keys(obj)) {
    const sub = rec(obj[key]);
    if (sub && vitalField(key)?.kind === 'blood_pressure') {
      // { bp: { systolic: 120, diastolic: 80 } }
      for (const k of Object.keys(sub)) readVitalField(b, `${path}.${key}.${k}`, k);
      b.consume(`${path}.${key}`);
      continue;
    }
    if (!readVitalField(b, `${path}.${key}`, key)) left.push(key);
  }
  return left;
}

/** Age in years from the usual fields: `age` (years, or a string such as "6 weeks"), `age_days`, `age_weeks`, `age_months`. */
export function readAge(b: ReadingBuilder, path: string, obj: Rec): void {
  const fields: [string, Unit | undefined][] = [
    ['age_days', 'day'], ['age_in_days', 'day'], ['days_old', 'day'], ['age_weeks', 'week'], ['age_in_weeks', 'week'], ['weeks_old', 'week'],
    ['age_months', 'month'], ['age_in_months', 'month'], ['months_old', 'month'], ['age_years', 'year'], ['age', undefined], ['age_in_years', 'year'], ['years_old', 'year'],
  ];
  for (const [key, unit] of fields) {
    if (!Object.hasOwn(obj, key)) continue;
    const raw = b.get(`${path}.${key}`);
    let years: number | undefined;
    if (finite(raw)) years = toYears(raw, unit ?? 'year');
    else if (typeof raw === 'string') {
      const q = firstQuantity(raw);
      if (q) years = toYears(q.value, q.unit === 'year' || q.unit === 'month' || q.unit === 'week' || q.unit === 'day' ? q.unit : (unit ?? 'year'));
    }
    if (years !== undefined && years >= 0 && years <= 130) setAge(b, years, `${path}.${key} = ${JSON.stringify(raw)}`);
  }
}

const FEMALE = new Set(['f', 'female', 'woman', 'girl', 'w', 'lady', 'femme']);
const MALE = new Set(['m', 'male', 'man', 'boy', 'gentleman']);

export function readSex(b: ReadingBuilder, path: string, obj: Rec): void {
  for (const key of ['sex', 'gender', 'sex_at_birth']) {
    if (!Object.hasOwn(obj, key)) continue;
    const raw = b.get(`${path}.${key}`);
    if (typeof raw !== 'string') continue;
    const folded = foldFieldName(raw);
    const sex = FEMALE.has(folded) ? 'female' : MALE.has(folded) ? 'male' : undefined;
    b.set('sex', sex, `${path}.${key} = ${JSON.stringify(raw)}`);
  }
}

/** `pregnant: true`, `gestation_weeks: 7`, `gestation: "34+2"`, `postpartum: true`. */
const POSTNATAL_DAY_KEYS = new Set(['postnatalday', 'postpartumday', 'dayspostpartum', 'dayspostnatal', 'postnataldays', 'postpartumdays', 'daysafterbirth', 'dayssincebirth', 'dayssincedelivery', 'daysafterdelivery', 'daypostpartum', 'daypostnatal']);
const POSTNATAL_WEEK_KEYS = new Set(['weekspostpartum', 'weekspostnatal', 'postpartumweeks', 'postnatalweeks', 'weekssincebirth', 'weeksafterbirth', 'weekssincedelivery']);

export function readPregnancyFields(b: ReadingBuilder, path: string, obj: Rec, depth = 0): void {
  for (const key of Object.keys(obj)) {
    const k = foldFieldName(key);
    const full = `${path}.${key}`;
    if (k === 'pregnant' || k === 'pregnancy' || k === 'ispregnant' || k === 'pregnancystatus') {
      const raw = b.get(full);
      // "pregnancy": {"gestation_weeks": 16, …}: the object's own fields say how far along (read once, not deeper).
      const inner = rec(raw);
      if (inner !== undefined) {
        if (depth < 1) readPregnancyFields(b, full, inner, depth + 1);
        continue;
      }
      const yes = raw === true || (typeof raw === 'string' && ['yes', 'true', 'pregnant', 'y'].includes(foldFieldName(raw)));
      const no = raw === false || (typeof raw === 'string' && ['no', 'false', 'notpregnant', 'n'].includes(foldFieldName(raw)));
      if (yes) b.set('pregnant', true, `${full} = ${JSON.stringify(raw)}`);
      if (no) {
        b.set('pregnant', false, `${full} = ${JSON.stringify(raw)}`);
        b.set('pregnancy_possible', false, `${full} = ${JSON.stringify(raw)}`);
      }
      if (typeof raw === 'string' && !yes && !no) {
        const q = firstQuantity(raw);
        if (q && (q.unit === 'week' || q.unit === undefined) && q.value <= 45) {
          b.set('pregnant', true, `${full} = ${JSON.stringify(raw)}`);
          b.set('gestation_weeks', q.value, `${full} = ${JSON.stringify(raw)}`);
        }
      }
    } else if (k === 'gestationweeks' || k === 'gestation' || k === 'weekspregnant' || k === 'gestationalage' || k === 'gestationalageweeks' || k === 'weeksgestation') {
      const raw = b.get(full);
      const weeks = finite(raw) ? raw : typeof raw === 'string' ? firstQuantity(raw)?.value : undefined;
      if (weeks !== undefined && weeks >= 0 && weeks <= 45) {
        b.set('gestation_weeks', weeks, `${full} = ${JSON.stringify(raw)}`);
        b.set('pregnant', true, `${full} = ${JSON.stringify(raw)}`);
      }
    } else if (k === 'postpartum' || k === 'postnatal' || k === 'recentlygavebirth') {
      const raw = b.get(full);
      if (raw === true || raw === false) b.set('postpartum', raw, `${full} = ${String(raw)}`);
    } else if (POSTNATAL_DAY_KEYS.has(k) || POSTNATAL_WEEK_KEYS.has(k)) {
      // "postnatal_day": 4, "weeks_postpartum": 3: she has given birth, that long ago (the postnatal period is six weeks, NICE NG194).
      const raw = b.get(full);
      const n = finite(raw) ? raw : typeof raw === 'string' ? firstQuantity(raw)?.value : undefined;
      const days = n === undefined ? undefined : POSTNATAL_WEEK_KEYS.has(k) ? n * 7 : n;
      if (days !== undefined && days >= 0 && days <= 42) b.set('postpartum', true, `${full} = ${JSON.stringify(raw)}`);
    }
  }
}
