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
  setVital(b, field, raw, field.unit, source);
  return true;
}

/** Sets the fact of one measurement from its raw value (a number, or a short text with its unit); returns whether it read a number. */
function setVital(b: ReadingBuilder, field: VitalField, raw: unknown, unitHint: Unit | undefined, source: string): boolean {
  let value: number | undefined;
  let unit: Unit | undefined = unitHint;
  let over: number | undefined;
  if (finite(raw)) value = raw;
  else if (typeof raw === 'string') {
    const q = firstQuantity(raw);
    if (!q) return false;
    value = q.value;
    unit = q.unit ?? unit;
    over = q.over;
  } else return false;
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
    case 'potassium':
      if (value >= 1.5 && value <= 10) b.set('potassium_mmol', value, source);
      break;
    case 'inr':
      // A home coagulometer reads 0.8 to about 8; laboratories report up to about 20.
      if (value >= 0.5 && value <= 20) b.set('inr', value, source);
      break;
  }
  return true;
}

/** LOINC codes of the usual vital signs, as FHIR-like observations carry them (loinc.org, the FHIR vital signs profile). */
const LOINC_VITALS = new Map<string, VitalField>([
  ['8867-4', { kind: 'heart_rate' }], ['9279-1', { kind: 'respiratory_rate' }], ['59408-5', { kind: 'spo2' }], ['2708-6', { kind: 'spo2' }],
  ['8310-5', { kind: 'temperature' }], ['8480-6', { kind: 'systolic_bp' }], ['8462-4', { kind: 'diastolic_bp' }], ['85354-9', { kind: 'blood_pressure' }],
  ['55284-4', { kind: 'blood_pressure' }], ['2339-0', { kind: 'glucose', unit: 'mgdl' }], ['15074-8', { kind: 'glucose', unit: 'mmoll' }], ['9269-2', { kind: 'gcs' }], ['2823-3', { kind: 'potassium' }], ['6298-4', { kind: 'potassium' }], ['6301-6', { kind: 'inr' }], ['34714-6', { kind: 'inr' }],
]);

/** The unit of an observation's `unit` (UCUM or plain: "Cel", "[degF]", "°C", "mmol/L", "mg/dL"), when it changes the reading. */
function unitOfText(text: unknown): Unit | undefined {
  if (typeof text !== 'string') return undefined;
  switch (foldFieldName(text)) {
    case 'cel': case 'c': case 'degc': case 'celsius': return 'degC';
    case 'degf': case 'f': case 'fahrenheit': return 'degF';
    case 'mmoll': case 'mmol': return 'mmoll';
    case 'mgdl': return 'mgdl';
    default: return undefined;
  }
}

/** Keys that name an observation, in the order they are tried. */
const NAME_KEYS = ['code', 'name', 'type', 'label', 'display', 'parameter', 'test', 'vital', 'sign', 'measurement', 'observation', 'metric', 'key'] as const;

/** What an observation measures, from one of its name keys: a string name or LOINC code, or a CodeableConcept's text or codings. */
function observationField(obs: Rec): VitalField | undefined {
  const byName = (v: unknown): VitalField | undefined => (typeof v === 'string' && v.length <= 100 ? (LOINC_VITALS.get(v.trim()) ?? vitalField(v)) : undefined);
  for (const key of NAME_KEYS) {
    const v = obs[key];
    const found = byName(v);
    if (found) return found;
    const concept = rec(v);
    if (!concept) continue;
    const fromText = byName(concept.text);
    if (fromText) return fromText;
    const codings = Array.isArray(concept.coding) ? concept.coding.slice(0, 10) : [];
    for (const c of codings) {
      const coding = rec(c);
      const hit = coding && (byName(coding.code) ?? byName(coding.display));
      if (hit) return hit;
    }
  }
  return undefined;
}

/** Keys that hold an observation's note, read as the caller's account by the normaliser ("usual 92"). */
const NOTE_KEYS = ['note', 'notes', 'comment', 'comments', 'context', 'interpretation_text'] as const;

/**
 * Reads one observation ({code: "SpO2", value: 85, unit: "%"}, a FHIR-like valueQuantity, or a blood pressure with
 * its two `component`s) by its name with its unit. Consumes the element when it read a measurement from it, else
 * leaves it to be reported as ignored; returns its notes for the text reader.
 */
export function readObservation(b: ReadingBuilder, path: string, obs: Rec, depth = 0): { read: boolean; notes: { path: string; text: string }[] } {
  const notes: { path: string; text: string }[] = [];
  const field = observationField(obs);
  const quantity = rec(obs.valueQuantity) ?? rec(obs.value_quantity);
  const raw = quantity ? quantity.value : (obs.value ?? obs.valueString ?? obs.valueInteger ?? obs.valueDecimal ?? obs.result ?? obs.reading);
  const unitText = quantity ? (quantity.unit ?? quantity.code) : (obs.unit ?? obs.units ?? obs.uom);
  let read = false;
  if (field) {
    const source = `${path} = ${typeof raw === 'string' ? JSON.stringify(raw.slice(0, 60)) : String(raw)}${typeof unitText === 'string' ? ` ${unitText.slice(0, 20)}` : ''}`;
    // The unit field says the scale of a number (°F, mmol/L); a text value ("38.2 C") keeps its own unit first.
    read = setVital(b, field, raw, unitOfText(unitText) ?? field.unit, source);
  }
  const components = Array.isArray(obs.component) ? obs.component.slice(0, 10) : [];
  if (depth < 1) {
    components.forEach((c, i) => {
      const sub = rec(c);
      if (sub && readObservation(b, `${path}.component.${i}`, sub, depth + 1).read) read = true;
    });
  }
  if (read) {
    b.consume(path);
    for (const key of NOTE_KEYS) if (typeof obs[key] === 'string' && (obs[key] as string).length > 0) notes.push({ path: `${path}.${key}`, text: obs[key] as string });
  }
  return { read, notes };
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

const HOUR_KEYS = new Set(['age_hours', 'age_in_hours', 'hours_old']);

/** Age in years from the usual fields: `age` (years, or a string such as "6 weeks"), `age_days`, `age_weeks`, `age_months`. */
export function readAge(b: ReadingBuilder, path: string, obj: Rec): void {
  const fields: [string, Unit | undefined][] = [
    ['age_hours', undefined], ['age_in_hours', undefined], ['hours_old', undefined], ['age_days', 'day'], ['age_in_days', 'day'], ['days_old', 'day'], ['age_weeks', 'week'], ['age_in_weeks', 'week'], ['weeks_old', 'week'],
    ['age_months', 'month'], ['age_in_months', 'month'], ['months_old', 'month'], ['age_years', 'year'], ['age', undefined], ['age_in_years', 'year'], ['years_old', 'year'],
  ];
  for (const [key, unit] of fields) {
    if (!Object.hasOwn(obj, key)) continue;
    const raw = b.get(`${path}.${key}`);
    let years: number | undefined;
    if (HOUR_KEYS.has(key)) {
      // "age_hours": 18 (a newborn's age is counted in hours: NICE CG98 jaundice in the first 24 hours).
      const hours = finite(raw) ? raw : typeof raw === 'string' ? firstQuantity(raw)?.value : undefined;
      years = hours === undefined ? undefined : hours / 24 / 365.25;
    } else if (finite(raw)) years = toYears(raw, unit ?? 'year');
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
