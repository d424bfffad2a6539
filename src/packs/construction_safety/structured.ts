import type { Lexicon, Unit } from '../reading/text.js';
import { quantities, tokenize } from '../reading/text.js';
import { toCelsius, toFeet, toHours, toKilovolts, toMph, toPounds } from '../reading/units.js';
import { type FactWriter, keepsWorst, type Strength } from './fact-writer.js';
import { type FieldKind, type FieldName, psiPer, ruleFor, type FieldRule, type Scope, splitFieldName } from './field-names.js';
import { readCheckItems } from './check-items.js';
import { lockOwnerRemoves } from './lockout-release.js';
import { besideTruckOf, presentAtWork, riggingIdentifiedOf, sideRingOf, slopedFaceOf, traineeOf } from './roles-and-gear.js';
import { slopeIn } from './slope.js';
import { saysUnknown, statusOf } from './status.js';

/** A string field that is not a status or a number: read later as free text with the rest. */
export interface PendingText {
  path: string;
  value: string;
  scope: Scope;
}

const MAX_DEPTH = 5;
const MAX_KEYS = 200;

const MILES_PER_KM = 0.6213712;
/** Pounds-force per kilonewton: "_kn" on a load field is kilonewtons, on a wind field knots. */
const LBF_PER_KN = 224.80894;
/** Kips (1,000 lb), a load unit of structural records. */
const KIP_WORDS = new Set(['kip', 'kips']);

/**
 * NIOSH's representative metabolic rates (W) for work rates named in words (NIOSH 2016-106 chapter 5 and the
 * ACGIH categories it follows: light about 180 W, moderate 300 W, heavy 415 W, very heavy 520 W). Of several
 * named ("light to moderate"), the heaviest is read.
 */
function workloadOf(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value > 50 ? value : undefined;
  if (typeof value !== 'string' || value.length > 200) return undefined;
  const words = tokenize(value.toLowerCase()).filter((t) => t.kind === 'word').map((t) => t.text);
  let rate: number | undefined;
  for (let i = 0; i < words.length && i < 12; i++) {
    const w = words[i];
    const r = w === 'very' && words[i + 1] === 'heavy' ? 520 : w === 'heavy' ? 415 : w === 'moderate' || w === 'medium' ? 300 : w === 'light' ? 180 : undefined;
    if (r !== undefined) rate = Math.max(rate ?? 0, r);
    if (w === 'very' && r !== undefined) i++;
  }
  return rate;
}

/** Words that say a safety device is not doing its job, whatever the field calls it. */
const DEVICE_OFF = new Set(['disconnected', 'unplugged', 'bypass', 'bypassed', 'defeated', 'disabled', 'jumpered', 'overridden', 'removed', 'inoperative', 'inoperable', 'faulty', 'broken', 'failed', 'off', 'muted', 'silenced']);

/** Words that say a device was tied, taped or pinned out of the way ("zip-tied back", "taped down"). */
const DEVICE_TIED = new Set(['tied', 'taped', 'pinned', 'wedged', 'zip', 'ziptied']);
const DEVICE_NEGATORS = new Set(['not', 'never', 'no']);
/** Positions that say a device is pinned where it works (a ROPS pinned up). */
const DEVICE_UPRIGHT = new Set(['up', 'upright', 'raised', 'erect', 'extended']);

/** Whether a safety device's value says it works (false: disabled, tied back; true: "not disabled"), or undefined when it says neither. */
/** Particulate filter classes (NIOSH 42 CFR 84, EN 143), and what only stops gases and vapours. */
const PARTICULATE = new Set(['particulate', 'particulates', 'n95', 'n99', 'n100', 'r95', 'p95', 'p99', 'p100', 'p1', 'p2', 'p3', 'ffp2', 'ffp3', 'hepa', 'combination', 'dust']);
const VAPOUR_ONLY = new Set(['organic', 'vapour', 'vapor', 'vapours', 'vapors', 'ov', 'gas', 'gases', 'acid', 'charcoal', 'carbon', 'ammonia', 'mercury']);
const FILTER_NEGATORS = new Set(['no', 'without', 'not', 'none', 'missing', 'lacking']);

/** "P100", "organic vapour (black label), no particulate pre-filter": whether a respirator's cartridges stop particulates. */
function filtersParticulates(value: unknown): boolean | undefined {
  if (typeof value !== 'string' || value.length > 200) return undefined;
  const words = tokenize(value.toLowerCase()).filter((t) => t.kind === 'word' || t.kind === 'number').map((t) => t.text);
  const joined = words.map((w, i) => (/^[pnr]$/.test(w) && /^\d+$/.test(words[i + 1] ?? '') ? w + words[i + 1] : w));
  const particulate = joined.some((w, i) => PARTICULATE.has(w) && !joined.slice(Math.max(0, i - 2), i).some((p) => FILTER_NEGATORS.has(p)));
  if (particulate) return true;
  return joined.some((w) => VAPOUR_ONLY.has(w)) ? false : undefined;
}

function deviceWorks(value: unknown): boolean | undefined {
  if (typeof value !== 'string' || value.length > 100) return undefined;
  const words = tokenize(value.toLowerCase()).filter((t) => t.kind === 'word').map((t) => t.text);
  for (let i = 0; i < words.length; i++) {
    if (!DEVICE_OFF.has(words[i]) && !DEVICE_TIED.has(words[i])) continue;
    const denied = (i > 0 && DEVICE_NEGATORS.has(words[i - 1])) || (i > 1 && DEVICE_NEGATORS.has(words[i - 2]));
    // "ROPS up and pinned", "pinned upright": pinned in its working position, not out of the way.
    const upright = words[i] === 'pinned' && [words[i - 1], words[i - 2], words[i + 1]].some((w) => w !== undefined && DEVICE_UPRIGHT.has(w));
    return denied || upright;
  }
  return undefined;
}

/** What stands in for a rigging pin (a hex bolt from the gang box, a rod, a nail), and what a rated pin is called. */
const IMPROVISED_PIN = new Set(['bolt', 'bolts', 'rod', 'nail', 'rebar', 'wire', 'screw', 'screws']);
const RATED_PIN = new Set(['shackle', 'manufacturer', "manufacturer's", 'oem', 'original', 'rated', 'matching']);

/** A respirator value that opens with one of these says none is worn ("none", "no respirators issued"). */
const NO_RESPIRATOR = new Set(['none', 'no', 'not', 'false', 'without', 'nil']);

/**
 * Inspections due every day or shift: the competent person's of an excavation (1926.651(k)(1): before work starts and after
 * every rainstorm) and of a scaffold (1926.451(f)(3): before each shift). One dated before today is not today's.
 */
export const DAILY_INSPECTIONS = new Set(['inspection.competent_person', 'trench.inspected', 'scaffold.inspected']);

/** Facts that are a person posted to a role: a value that names someone says the role is filled. */
const ROLE_FACTS = new Set(['confined_space.attendant', 'crane.signal_person', 'site.spotter', 'hot_work.fire_watch', 'crane.ad_director', 'dive.standby', 'dive.line_tended', 'rail.watchman']);

const NOT_NAME_WORDS = new Set(['to', 'be', 'is', 'will', 'the', 'a', 'an', 'of', 'on', 'in', 'at', 'by', 'for', 'with', 'from', 'and', 'or', 'not', 'no', 'none', 'yes', 'yet', 'tbd', 'determined', 'pending', 'later', 'needed', 'required', 'assigned', 'unassigned', 'named', 'confirmed', 'unknown', 'vacant', 'open', 'same', 'other', 'see', 'per', 'crew', 'team', 'site', 'shift', 'day', 'night', 'foreman', 'operator', 'supervisor', 'contractor', 'company', 'department', 'sub', 'gc', 'any', 'someone', 'somebody', 'anyone', 'whoever', 'available', 'when', 'if', 'as']);
const isCapital = (code: number) => code >= 65 && code <= 90;
const isLetter = (code: number) => (code >= 65 && code <= 90) || (code >= 97 && code <= 122);

/**
 * Whether a short value opens with a person's name: two to four capitalised words, initials allowed ("L. Moreau",
 * "R. Okafor (competent + qualified)", "Dana Walsh"). Read by characters, not by pattern; a single word is no name.
 */
export function namesPerson(value: string): boolean {
  if (value.length > 80) return false;
  let head = value;
  for (const end of ['(', ',', ';', ' - ', ':']) {
    const at = head.indexOf(end);
    if (at > 0) head = head.slice(0, at);
  }
  const words = head.trim().split(' ').filter((w) => w.length > 0);
  if (words.length < 2 || words.length > 4) return false;
  // "To Be Determined", "Not Yet Assigned", "Site Foreman": common words, not a name.
  if (words.some((w) => NOT_NAME_WORDS.has(w.toLowerCase()))) return false;
  return words.every((w) => {
    if (!isCapital(w.charCodeAt(0))) return false;
    if (w.length === 2 && w[1] === '.') return true;
    if (w.length < 2) return false;
    for (let i = 1; i < w.length; i++) {
      const c = w.charCodeAt(i);
      if (!isLetter(c) && w[i] !== "'" && w[i] !== '-') return false;
    }
    // "TBD", "N/A": capitals throughout are an abbreviation, not a name.
    return !isCapital(w.charCodeAt(1)) || w.length <= 2;
  });
}

/** Words of a channel's value that name users other than the cranes and their signal persons. */
const OTHER_USERS = new Set(['general', 'site', 'sitewide', 'common', 'gate', 'gates', 'pump', 'pumps', 'concrete', 'super', 'superintendent', 'security', 'traffic', 'office', 'trade', 'trades', 'everyone', 'everybody', 'all', 'delivery', 'deliveries', 'foreman', 'foremen', 'laborers', 'labourers', 'public', 'house', 'operations', 'ops', 'maintenance', 'electricians', 'plumbers', 'safety', 'main']);
const SHARED_WORDS = new Set(['shared', 'share', 'sharing', 'same', 'open']);
const CRANE_USERS = new Set(['crane', 'cranes', 'signal', 'signals', 'signalman', 'operator', 'operators', 'rigger', 'riggers', 'lift', 'lifts', 'hoist', 'tandem']);

/**
 * Whether a radio channel for crane signals is dedicated (1926.1420(b)): "dedicated", "crane only" yes; a channel named
 * for the site or shared with the gate, the pump or the super no. Cranes and signal persons sharing one channel for a
 * coordinated lift is allowed (1926.1420(b)(1)). A bare channel number says neither.
 */
function channelDedicated(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value !== 'string' || value.length > 160) return undefined;
  const words = tokenize(value.toLowerCase().replaceAll('_', ' ')).filter((t) => t.kind === 'word').map((t) => t.text);
  const others = words.some((w) => OTHER_USERS.has(w));
  const dedicated = words.some((w) => w === 'dedicated' || w === 'exclusive' || w === 'reserved' || w === 'private') || (words.includes('only') && words.some((w) => CRANE_USERS.has(w)));
  const shared = words.some((w) => SHARED_WORDS.has(w));
  // "dedicated lift channel, not shared with the gate": the users named are the ones it is kept from.
  if (dedicated && words.some((w) => w === 'not' || w === 'no' || w === 'never')) return true;
  if (others) return false;
  if (dedicated) return true;
  if (shared) return words.some((w) => CRANE_USERS.has(w)) ? true : false;
  return undefined;
}

/** Fields read by a reader of their own: words against a role's or a gear's requirement (roles-and-gear.ts), minutes of travel, who removes a lock. */
const WORD_READERS: Partial<Record<string, (value: unknown) => boolean | number | undefined>> = {
  trainee: traineeOf,
  travel_minutes: travelMinutesOf,
  lock_owner: lockOwnerRemoves,
  presence: presentAtWork,
  attachment: sideRingOf,
  beside_truck: besideTruckOf,
  rigging_id: riggingIdentifiedOf,
  sloped_face: slopedFaceOf,
};

const RESTRAINT_WORDS = new Set(['cage', 'caged', 'restraint', 'restraining', 'barrier', 'rack', 'cable']);
const MINUTE_WORDS = new Set(['min', 'mins', 'minute', 'minutes']);
const HOUR_WORDS = new Set(['h', 'hr', 'hrs', 'hour', 'hours']);
/** "55 min drive", "about 1.5 hours", a bare number of minutes: the time to get there, in minutes; a distance alone is none. */
function travelMinutesOf(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string' || value.length > 120) return undefined;
  const tokens = tokenize(value.toLowerCase());
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (tokens[i].kind !== 'number') continue;
    const n = (tokens[i] as { value?: number }).value ?? Number(tokens[i].text);
    if (!Number.isFinite(n)) continue;
    const next = tokens[i + 1].text === '-' ? tokens[i + 2]?.text ?? '' : tokens[i + 1].text;
    if (MINUTE_WORDS.has(next)) return n;
    if (HOUR_WORDS.has(next)) return n * 60;
  }
  return undefined;
}

/** A number and its unit from a field value: a number, or a short string such as "25 km/h" or "18.2%". */
function quantityOf(value: unknown, fallback: Unit | undefined): { value: number; unit: Unit | undefined } | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? { value, unit: fallback } : undefined;
  if (typeof value !== 'string' || value.length > 100) return undefined;
  const tokens = tokenize(value);
  const all = quantities(tokens);
  // "3 open drums at ~15 ft": in a phrase, the number with a unit is the measurement; a bare one counts only in a bare value ("8", "about 8").
  const q = all.find((x) => x.unit !== undefined) ?? (all.length === 1 && tokens.filter((t) => t.kind === 'word').length <= 2 ? all[0] : undefined);
  if (!q) return undefined;
  // "5 mi": the shared unit table reads "mi" only in "mi/h".
  if (!q.unit && tokens[q.last + 1]?.text === 'mi') return { value: q.value, unit: 'mile' };
  return { value: q.value, unit: q.unit ?? fallback };
}

/** Converts a field's number to the fact's canonical unit; undefined when the unit is of another dimension. */
function canonical(rule: FieldRule, value: number, unit: Unit | undefined): number | undefined {
  switch (rule.kind) {
    case 'speed':
      return toMph(value, unit);
    case 'temperature':
      // A bare "temperature" above what any site records in °C is in °F.
      return toCelsius(value, unit ?? (value > 55 ? 'degF' : 'degC'));
    case 'length':
      return toFeet(value, unit);
    case 'weight':
    case 'force':
      return unit === 'kn' ? value * LBF_PER_KN : toPounds(value, unit);
    case 'voltage':
      return toKilovolts(value, unit ?? (value > 1000 ? 'v' : 'kv'));
    case 'pct':
      return unit === undefined || unit === 'pct' ? value : undefined;
    case 'ppm':
      return unit === undefined || unit === 'ppm' ? value : undefined;
    case 'hours':
      return toHours(value, unit);
    case 'ppv':
      return unit === undefined || unit === 'mms' ? value : undefined;
    case 'days':
    case 'count':
      // "acclimatization day 1 (20%)": a percentage or a measure is not a count.
      return unit === undefined ? value : undefined;
    case 'miles':
      return unit === 'mile' || unit === undefined ? value : unit === 'kmh' ? value * MILES_PER_KM : undefined;
    default:
      return undefined;
  }
}

function unitLabel(unit: Unit | undefined): string {
  return unit ? ` ${unit}` : '';
}

/**
 * Reads the structured part of a request: each field by what its name says (aliases, unit suffixes,
 * values with units in strings, statuses as booleans or words), nested objects recursively. Strings
 * that are neither go to free-text reading; fields it cannot place are left unread, so `ignored`
 * reports them.
 */
export function readStructured(
  facts: FactWriter,
  raw: unknown,
  path: string,
  scope: Scope,
  strength: Strength,
  vocabulary: Lexicon,
  texts: PendingText[],
  depth = 0,
  /** The unit a parent record's name gives its fields ("regulator_setting_psig: {acetylene: 8, oxygen: 40}"). */
  inherited: { unit?: Unit; psiPer?: number } = {},
): void {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw) || depth > MAX_DEPTH) return;
  const b = facts.builder;
  // An empty record ("compliance_status: {}") has nothing left unread.
  if (Object.keys(raw).length === 0) b.consume(path);
  readDesignShortfall(facts, raw as Record<string, unknown>, path, strength);
  readContainerStorage(facts, raw as Record<string, unknown>, path, strength);
  readCheckItems(facts, raw as Record<string, unknown>, path);
  let keys = 0;
  for (const key of Object.keys(raw)) {
    if (++keys > MAX_KEYS) break;
    const here = `${path}.${key}`;
    const value = (raw as Record<string, unknown>)[key];
    if (value === null || value === undefined) continue;
    if (typeof value === 'object' && !Array.isArray(value)) {
      const parent = splitFieldName(key);
      readStructured(facts, value, here, scope, strength, vocabulary, texts, depth + 1, {
        unit: parent.unit ?? inherited.unit,
        psiPer: parent.psiPer ?? inherited.psiPer,
      });
      continue;
    }
    if (Array.isArray(value)) {
      // Checklist rows ("items: [{item, result, note}]") are read as the items of a check.
      value.slice(0, 100).forEach((v, i) => {
        if (v !== null && typeof v === 'object' && !Array.isArray(v)) readCheckItems(facts, v as Record<string, unknown>, `${here}.${i}`, true);
      });
      // Results on record as rows ("medical_surveillance: [{test, blood_lead_ug_dl}]"): a row's measured fields are read as
      // fields, the worst row deciding where the fact keeps its worst; its words stay with the checklist reading above.
      value.slice(0, 20).forEach((v, i) => {
        if (v !== null && typeof v === 'object' && !Array.isArray(v)) readMeasuredRow(facts, v as Record<string, unknown>, `${here}.${i}`, scope, strength);
      });
      // A series of readings ("last_events_mm_s_ppv: [6.2, 7.1, 8.4]") under a fact that keeps its worst: every reading counts.
      const series = ruleFor(splitFieldName(key), scope);
      if (series && ROW_MEASURES.has(series.kind) && keepsWorst(series.fact)) {
        const unit = splitFieldName(key).unit;
        value.slice(0, 100).forEach((v, i) => {
          if (typeof v === 'number') facts.set(series.fact, canonical(series, v, unit), `${here}.${i} = ${v}${unitLabel(unit)}`, strength);
        });
        if (value.every((v) => typeof v === 'number')) b.consume(here);
      }
      const strings = value.filter((v): v is string => typeof v === 'string');
      if (strings.length > 0) {
        b.consume(here);
        strings.forEach((s, i) => texts.push({ path: `${here}.${i}`, value: s, scope }));
      }
      continue;
    }
    const own = splitFieldName(key);
    // A field without a unit of its own is measured in its record's unit: "oxygen: 40" under a psig record is a pressure.
    const name: FieldName = own.unit === undefined && own.psiPer === undefined && (inherited.unit !== undefined || inherited.psiPer !== undefined)
      ? { ...own, ...(inherited.unit !== undefined ? { unit: inherited.unit } : {}), ...(inherited.psiPer !== undefined ? { psiPer: inherited.psiPer } : {}) }
      : own;
    const rule = ruleFor(name, scope);
    if (!rule) {
      if (typeof value === 'string') {
        b.consume(here);
        texts.push({ path: here, value, scope });
      }
      continue;
    }
    b.get(here);
    const source = `${here} = ${typeof value === 'string' ? JSON.stringify(value) : String(value)}`;
    if (rule.kind === 'ignore') continue;
    // "floor_load_psf", "deck_load_kpa": a load per area is a pressure, not the weight on a hook or a shore;
    // "oxygen_psig": a regulator's pressure, not a gas reading in percent or ppm.
    if ((rule.kind === 'weight' || rule.kind === 'force' || rule.kind === 'pct' || rule.kind === 'ppm') && name.psiPer !== undefined) continue;
    if (rule.kind === 'place') {
      if (typeof value === 'string') texts.push({ path: here, value, scope });
      continue;
    }
    if (rule.kind === 'respirator') {
      if (typeof value === 'boolean') facts.set(rule.fact, value, source, strength);
      else if (typeof value === 'string' && value.length > 0) {
        // "respirator: none" says none is worn; "half-face P100 (APF 10)" names the one worn.
        const first = tokenize(value.toLowerCase()).find((t) => t.kind === 'word')?.text ?? '';
        if (NO_RESPIRATOR.has(first)) facts.set(rule.fact, false, source, strength);
        else if (!saysUnknown(value)) facts.set(rule.fact, true, source, strength);
        texts.push({ path: here, value, scope });
      }
      continue;
    }
    if (rule.kind === 'activity') {
      facts.set(rule.fact, activityOf(value), source, strength);
      if (typeof value === 'string') texts.push({ path: here, value, scope });
      continue;
    }
    if (rule.kind === 'channel') {
      facts.set(rule.fact, channelDedicated(value), source, strength);
      if (typeof value === 'string') texts.push({ path: here, value, scope });
      continue;
    }
    if (rule.kind === 'fastener') {
      if (typeof value === 'string' && value.length <= 100) {
        const words = tokenize(value.toLowerCase()).filter((t) => t.kind === 'word').map((t) => t.text);
        const improvised = words.some((w) => IMPROVISED_PIN.has(w));
        const rated = words.some((w) => RATED_PIN.has(w));
        if (improvised && !rated) facts.set(rule.fact, true, source, strength);
        else if (rated && !improvised) facts.set(rule.fact, false, source, strength);
        texts.push({ path: here, value, scope });
      }
      continue;
    }
    if (rule.kind === 'anchor') {
      readAnchor(facts, value, source, strength, vocabulary, texts, here, scope);
      continue;
    }
    if (rule.kind === 'anchor_height') {
      const height = anchorHeightOf(value, name.unit);
      facts.set(rule.fact, height, source, strength);
      if (height === undefined && typeof value === 'string') texts.push({ path: here, value, scope });
      continue;
    }
    if (rule.kind === 'status') {
      // "last_competent_person_inspection: 2025-04-08 06:45": a daily inspection on record by its date; whether it is
      // today's is settled against the request's timestamp (normalise.ts).
      const inspectedOn = DAILY_INSPECTIONS.has(rule.fact) ? dayOf(value) : undefined;
      if (inspectedOn !== undefined) {
        facts.set(`${rule.fact}_day`, inspectedOn, source, strength);
        continue;
      }
      let status = statusOf(value, vocabulary);
      // "stored_energy: none (no capacitors)": nothing is left to block.
      if (rule.noneIsSafe && status === false && typeof value === 'string' && NONE_WORDS.has(tokenize(value)[0]?.text ?? '')) status = true;
      // The value's words are still read as text ("SRL, Class 1" names the device's class).
      if ((status === undefined || rule.namesDevice || rule.readsText) && typeof value === 'string' && value.length > 0) texts.push({ path: here, value, scope });
      if (rule.namesDevice && status === undefined && typeof value === 'string' && value.trim().length > 0 && !saysUnknown(value)) status = true;
      // "attendant: L. Moreau", "spotter: D. Walsh": a role filled by a named person is filled.
      if (ROLE_FACTS.has(rule.fact) && status === undefined && typeof value === 'string' && !saysUnknown(value) && namesPerson(value)) status = true;
      facts.set(rule.fact, status === undefined ? undefined : rule.inverse ? !status : status, source, strength);
      if (rule.fact === 'trench.protected' && typeof value === 'string') {
        const tokens = tokenize(value.toLowerCase());
        const words = tokens.map((t) => t.text);
        if (words.some((w) => w.startsWith('bench'))) facts.set('trench.system', 'benching', source, strength);
        // "sloping 1H:1V": the record names the slope it was cut to.
        const sloped = words.some((w) => w.startsWith('slop'));
        if (sloped) facts.set('trench.system', 'sloping', source, strength);
        const slope = slopeIn(tokens, 0, tokens.length - 1, !sloped);
        if (slope !== undefined) facts.set('trench.slope_h_per_v', slope, source, strength);
        // "trench shield 8 ft high", "8 ft box": the shield's height, against the excavation's depth.
        if (words.some((w) => w === 'shield' || w === 'box')) {
          const q = quantities(tokens).find((x) => x.unit !== undefined);
          const ft = q ? toFeet(q.value, q.unit) : undefined;
          if (ft !== undefined && ft > 0) facts.set('trench.shield_height_ft', ft, source, strength);
        }
      }
      continue;
    }
    if (rule.kind === 'force') {
      const lb = forceOf(value, name.unit);
      facts.set(rule.fact, lb, `${source}${typeof value === 'number' ? unitLabel(name.unit) : ''}`, strength);
      if (lb === undefined && typeof value === 'string') texts.push({ path: here, value, scope });
      continue;
    }
    if (rule.kind === 'workload') {
      facts.set(rule.fact, workloadOf(value), source, strength);
      if (typeof value === 'string') texts.push({ path: here, value, scope });
      continue;
    }
    if (rule.kind === 'backup_line') {
      const status = statusOf(value, vocabulary);
      const rigged = status ?? (typeof value === 'string' && value.trim().length > 0 && !saysUnknown(value) ? true : undefined);
      facts.set(rule.fact, rigged, source, strength);
      if (typeof value === 'string') texts.push({ path: here, value, scope });
      continue;
    }
    if (rule.kind === 'filter') {
      facts.set(rule.fact, filtersParticulates(value), source, strength);
      if (typeof value === 'string') texts.push({ path: here, value, scope });
      continue;
    }
    if (rule.kind === 'device') {
      let status = statusOf(value, vocabulary);
      if (typeof value === 'string' && value.length <= 100 && tokenize(value.toLowerCase()).some((t) => DEVICE_OFF.has(t.text))) status = false;
      facts.set(rule.fact, status, source, strength);
      if (typeof value === 'string') texts.push({ path: here, value, scope });
      continue;
    }
    if (rule.kind === 'bypass') {
      // "contact_safety: disabled with a zip tie": a device word of its own decides before the status words.
      const status = rule.inverse ? (deviceWorks(value) ?? statusOf(value, vocabulary)) : statusOf(value, vocabulary);
      const off = status === undefined ? undefined : rule.inverse ? !status : status;
      if (off === true) facts.add(rule.fact, name.words.join(' '), source);
      if (status === undefined && typeof value === 'string' && value.length > 0) texts.push({ path: here, value, scope });
      continue;
    }
    if (rule.kind === 'date') {
      const day = dayOf(value);
      facts.set(rule.fact, day, source, strength);
      if (day === undefined && typeof value === 'string' && value.length > 0) texts.push({ path: here, value, scope });
      continue;
    }
    if (rule.kind === 'return_path' || rule.kind === 'sill') {
      const said = conceptsIn(value, vocabulary);
      const status = said === undefined ? undefined
        : rule.kind === 'return_path' ? (said.has('cue.not_ground_return') ? true : said.size > 0 || typeof value === 'string' ? false : undefined)
          : said.has('cue.unsound_sill') ? false : said.has('cue.sound_sill') ? true : undefined;
      if (typeof value === 'string' && value.length > 0) texts.push({ path: here, value, scope });
      facts.set(rule.fact, status, source, strength);
      continue;
    }
    if (rule.kind === 'fraction') {
      const status = fractionDone(value) ?? statusOf(value, vocabulary);
      facts.set(rule.fact, status, source, strength);
      continue;
    }
    if (rule.kind === 'absence_test') {
      const status = absenceTestOf(value, vocabulary);
      if (status === undefined && typeof value === 'string' && value.length > 0) texts.push({ path: here, value, scope });
      facts.set(rule.fact, status, source, strength);
      continue;
    }
    if (rule.kind === 'measured_voltage') {
      // The class: a voltage read on the circuit at the work is a test result, never a line's voltage (its unit is volts unless said).
      const volts = typeof value === 'number' ? (name.unit === 'kv' ? value * 1000 : name.unit === undefined || name.unit === 'v' ? value : undefined) : undefined;
      // "not measured", "no reading taken": the test was not made, so the circuit is not proven dead.
      const notMade = typeof value === 'string' && value.length <= 100 && /\b(not|no|never)\b[^.;,]*\b(measured|taken|tested|checked|verified|read)\b/i.test(value);
      const status = volts !== undefined ? volts < 1 : notMade ? false : absenceTestOf(value, vocabulary);
      if (typeof value === 'string' && value.length > 0 && status === undefined) texts.push({ path: here, value, scope });
      facts.set(rule.fact, status, source, strength);
      continue;
    }
    if (rule.kind === 'on_hand') {
      facts.set(rule.fact, presentAtWork(value) === false ? false : statusOf(value, vocabulary), source, strength);
      if (typeof value === 'string') texts.push({ path: here, value, scope });
      continue;
    }
    if (rule.kind === 'tire_restraint') {
      const status = statusOf(value, vocabulary);
      const words = typeof value === 'string' && value.length <= 100 ? tokenize(value.toLowerCase()).map((t) => t.text) : [];
      facts.set(rule.fact, status === false ? false : words.some((w) => RESTRAINT_WORDS.has(w)) ? true : status, source, strength);
      if (typeof value === 'string') texts.push({ path: here, value, scope });
      continue;
    }
    if (rule.kind === 'inspection_record') {
      const status = inspectionRecordOf(value, vocabulary);
      if (status === undefined && typeof value === 'string' && value.length > 0) texts.push({ path: here, value, scope });
      facts.set(rule.fact, status, source, strength);
      continue;
    }
    const wordReader = WORD_READERS[rule.kind];
    if (wordReader) {
      facts.set(rule.fact, wordReader(value), source, strength);
      if (typeof value === 'string') texts.push({ path: here, value, scope });
      continue;
    }
    if (rule.kind === 'hoist') {
      readHoistType(facts, value, source, strength);
      continue;
    }
    if (rule.kind === 'stress') {
      const psi = stressOf(value, name.psiPer);
      facts.set(rule.fact, psi, source, strength);
      if (psi === undefined && typeof value === 'string') texts.push({ path: here, value, scope });
      continue;
    }
    if (rule.kind === 'slope') {
      // A number alone is the run per unit of rise; "1:1", "1.5H:1V" or "34 degrees" say it in full.
      const slope = typeof value === 'number' ? value : typeof value === 'string' && value.length <= 60 ? slopeIn(tokenize(value.toLowerCase())) : undefined;
      facts.set(rule.fact, slope, source, strength);
      if (slope !== undefined) facts.set('trench.system', 'sloping', source, strength);
      continue;
    }
    if (rule.kind === 'soil' || rule.kind === 'tag' || rule.kind === 'material' || rule.kind === 'shift' || rule.kind === 'location') {
      readWordField(facts, rule, value, source, strength);
      continue;
    }
    // "wind_monitoring: stop laying at 35 mph gusts": a speed said with a stop or limit word is where the work stops,
    // not the wind now; the text reader sorts it out with the words around it.
    if (rule.kind === 'speed' && typeof value === 'string' && value.length <= 200 && namesThreshold(value, vocabulary)) {
      texts.push({ path: here, value, scope });
      continue;
    }
    const q = quantityOf(value, name.unit) ?? (rule.kind === 'count' ? countInWords(value) : undefined);
    // "line_voltage: unknown": the record does not know it, so a guess in the free text does not stand in for it.
    if (!q && saysUnknown(value)) {
      facts.markUnknown(rule.fact, strength);
      // A record that asks about a line's voltage or distance says there is a line.
      if (rule.fact.startsWith('power_line.')) facts.set('power_line.present', true, source, strength);
    }
    if (!q) {
      if (typeof value === 'string') texts.push({ path: here, value, scope });
      continue;
    }
    const v = canonical(rule, q.value, q.unit ?? name.unit);
    facts.set(rule.fact, v, `${here} = ${q.value}${unitLabel(q.unit ?? name.unit)}`, strength);
    // "18 mph gusting 32 mph": the first number is the field's; the words may say more.
    if (typeof value === 'string' && quantities(tokenize(value)).length > 1) texts.push({ path: here, value, scope });
  }
}

/** Kinds of field whose value in a row of results is a measurement, read as the field would be outside a list. */
const ROW_MEASURES: ReadonlySet<FieldKind> = new Set(['count', 'ppm', 'pct', 'ppv']);

function readMeasuredRow(facts: FactWriter, row: Record<string, unknown>, path: string, scope: Scope, strength: Strength): void {
  for (const [key, value] of Object.entries(row).slice(0, 20)) {
    if (typeof value !== 'number') continue;
    const name = splitFieldName(key);
    const rule = ruleFor(name, scope);
    // Only a fact that keeps its worst value: rows of one measure over time, where any row may decide.
    if (!rule || !ROW_MEASURES.has(rule.kind) || !keepsWorst(rule.fact)) continue;
    facts.builder.get(`${path}.${key}`);
    facts.set(rule.fact, canonical(rule, value, name.unit), `${path}.${key} = ${value}${unitLabel(name.unit)}`, strength);
  }
}

/** A count said with its noun ("2 labourers sorting brick") or as none ("none", "nobody"): the leading number, or 0. */
function countInWords(value: unknown): { value: number; unit?: undefined } | undefined {
  if (typeof value !== 'string' || value.length > 100) return undefined;
  const tokens = tokenize(value.toLowerCase());
  const first = tokens[0];
  if (!first) return undefined;
  if (first.kind === 'number' && first.value !== undefined && tokens[1]?.kind === 'word') return { value: first.value };
  if (first.kind === 'word' && (NONE_WORDS.has(first.text) || first.text === 'nobody')) return { value: 0 };
  return undefined;
}

/** Words of an inspection's result: a record that gives one ("none detected", "3 samples negative") was carried out. */
const RESULT_WORDS = new Set(['detected', 'found', 'negative', 'positive', 'result', 'results', 'sample', 'samples', 'sampled', 'abated', 'cleared', 'clearance']);
/** Words after "not" that say the record was never made ("not provided", "not done"). */
const NOT_MADE = new Set(['done', 'provided', 'completed', 'carried', 'received', 'available', 'made', 'held', 'sent', 'on']);

/** Whether an inspection record was made: "not provided" no, "complete, none detected" yes (its "none" is the result). */
function inspectionRecordOf(value: unknown, vocabulary: Lexicon): boolean | undefined {
  if (typeof value !== 'string' || value.length > 100) return statusOf(value, vocabulary);
  const words = tokenize(value.toLowerCase()).filter((t) => t.kind === 'word').map((t) => t.text);
  if (words.some((w, i) => (w === 'not' || w === 'never' || w === 'no') && NOT_MADE.has(words[i + 1] ?? ''))) return false;
  if (saysUnknown(value)) return undefined;
  if (words.some((w) => RESULT_WORDS.has(w))) return true;
  return statusOf(value, vocabulary);
}

/** The concepts a short value names, or undefined when it is no short string. */
function conceptsIn(value: unknown, vocabulary: Lexicon): Set<string> | undefined {
  if (typeof value !== 'string' || value.length === 0 || value.length > 200) return undefined;
  const tokens = tokenize(value.toLowerCase());
  return new Set(vocabulary.match(tokens, new Array<boolean>(tokens.length).fill(false)).map((m) => m.concept));
}

/** "1 of 4" (not all), "4 of 4" (all): read by position of its two numbers around "of". */
function fractionDone(value: unknown): boolean | undefined {
  if (typeof value !== 'string' || value.length > 60) return undefined;
  const tokens = tokenize(value.toLowerCase());
  const of = tokens.findIndex((t) => t.text === 'of' || t.text === '/');
  if (of <= 0 || of >= tokens.length - 1) return undefined;
  const [a, b] = [tokens[of - 1], tokens[of + 1]];
  if (a.kind !== 'number' || b.kind !== 'number') return undefined;
  const [x, y] = [Number(a.text), Number(b.text)];
  return Number.isFinite(x) && Number.isFinite(y) && y > 0 ? x >= y : undefined;
}

/** Words of a test for absence of voltage whose result is "dead": "absent on all three phases", "dead", "no voltage". */
const DEAD_WORDS = new Set(['absent', 'absence', 'dead', 'deenergized', 'deenergised', 'detected']);
/** What "no" denies in a result: "no voltage", "no potential" found (the test was made and read dead). */
const NO_VOLTAGE = new Set(['voltage', 'potential', 'reading', 'volts']);

/**
 * A test for absence of voltage (1926.962, 1910.333(b)(2)(iv)(B)): its value is often its result, so
 * "absent on all phases", "dead", "no voltage found" say the test was made; "not done", "none", "skipped" say it was not.
 */
function absenceTestOf(value: unknown, vocabulary: Lexicon): boolean | undefined {
  if (typeof value !== 'string' || value.length > 100) return statusOf(value, vocabulary);
  const words = tokenize(value.toLowerCase()).filter((t) => t.kind === 'word').map((t) => t.text);
  if (words.some((w, i) => (w === 'not' || w === 'never' || w === 'no') && NOT_MADE.has(words[i + 1] ?? ''))) return false;
  if (saysUnknown(value)) return undefined;
  if (words.some((w, i) => DEAD_WORDS.has(w) || (w === 'no' && NO_VOLTAGE.has(words[i + 1] ?? '')))) return true;
  return statusOf(value, vocabulary);
}

/** Days since 1970-01-01 of an ISO date or timestamp ("2024-07-02", "2024-07-02T08:00:00Z"), read by position, not by pattern. */
export function dayOf(value: unknown): number | undefined {
  if (typeof value !== 'string' || value.length < 10 || value.length > 40 || value[4] !== '-' || value[7] !== '-') return undefined;
  const [y, m, d] = [Number(value.slice(0, 4)), Number(value.slice(5, 7)), Number(value.slice(8, 10))];
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d) || m < 1 || m > 12 || d < 1 || d > 31) return undefined;
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

const NONE_WORDS = new Set(['none', 'no', 'nil', 'n/a', 'na']);
const THRESHOLD_CONCEPTS = new Set(['cue.limit', 'cue.threshold', 'verb.stop', 'verb.wait']);

/** Whether a short value names a limit or a stop condition ("stop at 35 mph", "max 20 mph", "below 25 km/h"). */
function namesThreshold(value: string, vocabulary: Lexicon): boolean {
  const tokens = tokenize(value);
  return vocabulary.match(tokens, new Array<boolean>(tokens.length).fill(false)).some((m) => THRESHOLD_CONCEPTS.has(m.concept));
}
/** Where an anchorage sits relative to the worker's feet, in words agents use: at the feet, the waist, overhead. */
const FOOT_LEVEL = new Set(['foot', 'feet', 'floor', 'deck', 'toe', 'ground', 'slab', 'grade', 'walking']);

/** The anchor's height above the working surface (ft): a number, or "foot level" / "deck level" (0), "waist" (3 ft); overhead anchors are read only with a number. */
function anchorHeightOf(value: unknown, unit: Unit | undefined): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? toFeet(value, unit ?? 'ft') : undefined;
  if (typeof value !== 'string' || value.length > 100) return undefined;
  const q = quantityOf(value, unit);
  if (q?.unit) return toFeet(q.value, q.unit);
  const words = tokenize(value).filter((t) => t.kind === 'word').map((t) => t.text);
  if (words.some((w) => w === 'overhead' || w === 'above' || w === 'beam')) return undefined;
  if (words.some((w) => FOOT_LEVEL.has(w)) && words.includes('level')) return 0;
  if (words.includes('waist')) return 3;
  return undefined;
}

/** Words of a machine at work, and of one stopped ("rig_status: driving", "hammer: shut down"). */
const RUNNING_WORDS = new Set(['driving', 'running', 'operating', 'working', 'active', 'on', 'hammering', 'vibrating', 'drilling']);
const STOPPED_WORDS = new Set(['stopped', 'suspended', 'idle', 'idling', 'off', 'shut', 'parked', 'paused', 'down', 'standby', 'halted']);
const NEGATIONS = new Set(['not', 'no', 'never', 'isn', 'nt']);
/**
 * Whether a value says a machine is working (true), stopped (false), or neither. A negation flips the one kind of word it
 * stands with ("not yet shut down" is working, "not driving" stopped, a bare "no" stopped); running and stopped words
 * together ("driving, not stopped"), or a value that says it is unknown, decide nothing.
 */
function activityOf(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value !== 'string' || value.length > 100 || saysUnknown(value)) return undefined;
  const words = tokenize(value.toLowerCase()).filter((t) => t.kind === 'word').map((t) => t.text);
  const running = words.some((w) => RUNNING_WORDS.has(w));
  const stopped = words.some((w) => STOPPED_WORDS.has(w));
  const negated = words.some((w) => NEGATIONS.has(w));
  if (running && stopped) return undefined;
  if (running) return !negated;
  if (stopped) return negated;
  return negated ? false : undefined;
}

/** A tie-off point named in a record: a pipe, conduit, duct or hanger is no anchorage (1926.502(d)(15)). */
/** Words of an anchor value that name the lift itself, or something beside it. */
const LIFT_ANCHOR_WORDS = new Set(['basket', 'boom', 'platform', 'bucket', 'cage']);
const ADJACENT_WORDS = new Set(['adjacent', 'structure', 'beam', 'beams', 'pole', 'column', 'girder', 'purlin', 'purlins', 'joist', 'truss', 'building', 'steel', 'w10', 'w12', 'w14']);

function readAnchor(facts: FactWriter, value: unknown, source: string, strength: Strength, vocabulary: Lexicon, texts: PendingText[], path: string, scope: Scope): void {
  if (typeof value !== 'string' || value.length > 200) return;
  const tokens = tokenize(value);
  const concepts = vocabulary.match(tokens, new Array<boolean>(tokens.length).fill(false));
  if (concepts.some((m) => m.concept === 'cue.improper_anchor')) facts.set('fall.anchor_unsuitable', true, source, strength);
  // 1926.758(g): a purlin or girt named as the anchorage ("beam clamp on Z-purlin top flange").
  if (concepts.some((m) => m.concept === 'cue.purlin')) facts.set('fall.anchor_on_purlin', true, source, strength);
  // 1926.453(b)(2)(v): from an aerial lift the lanyard goes to the boom or basket, never to an adjacent pole, beam or structure.
  const words = new Set(tokens.map((t) => t.text));
  const onLift = [...LIFT_ANCHOR_WORDS].some((w) => words.has(w));
  const outside = [...ADJACENT_WORDS].some((w) => words.has(w));
  if (outside !== onLift) facts.set('fall.tied_to_structure', outside, source, strength);
  // 1926.451(g)(3)(i): a suspended scaffold's lifelines go to an anchorage independent of it, never its outrigger beams,
  // counterweights, davits or suspension ropes.
  // A value naming both ("roof davits certified; lifeline anchors not identified") says neither.
  const support = concepts.some((m) => m.concept === 'cue.scaffold_support');
  const independent = words.has('independent') || concepts.some((m) => m.concept === 'cue.independent_anchor');
  if (support !== independent) facts.set('fall.anchor_scaffold_support', support, source, strength);
  // "floor anchor at foot level": where the anchorage sits also says how far below the D-ring it is.
  const height = anchorHeightOf(value, undefined);
  if (height !== undefined) facts.set('fall.anchor_height_ft', height, source, strength);
  texts.push({ path, value, scope });
}

/** Fields whose value is a word: soil type, scaffold tag colour, ladder material, shift, indoors/outdoors. */
function readWordField(facts: FactWriter, rule: FieldRule, value: unknown, source: string, strength: Strength): void {
  if (typeof value === 'boolean' && rule.kind === 'location') return facts.set('weather.indoors', value, source, strength);
  if (typeof value !== 'string' || value.length > 100) return;
  const words = new Set(tokenize(value.replaceAll('_', ' ')).filter((t) => t.kind === 'word').map((t) => t.text));
  switch (rule.kind) {
    case 'soil': {
      // A bare "classification" field ("hazard classification: high") is a soil's only when it names rock or a type.
      if (rule.words.length === 1 && rule.words[0] === 'classification' && !words.has('rock') && !words.has('type')) return;
      if (words.has('rock')) facts.set('trench.stable_rock', words.has('stable') || !words.has('fractured'), source, strength);
      else facts.set('trench.stable_rock', false, source, strength);
      for (const letter of ['a', 'b', 'c']) if (words.has(letter) && (words.has('type') || words.size === 1)) facts.set('trench.soil', letter.toUpperCase(), source, strength);
      return;
    }
    case 'tag':
      if (words.has('red') || words.has('danger') || words.has('unsafe')) {
        facts.set('scaffold.tagged_out', true, source, strength);
        facts.set('scaffold.inspected', false, source, strength);
      } else if (words.has('green') || words.has('safe')) facts.set('scaffold.inspected', true, source, strength);
      return;
    case 'material':
      if (words.has('aluminum') || words.has('aluminium') || words.has('metal') || words.has('steel')) facts.set('ladder.metal', true, source, strength);
      else if (words.has('fiberglass') || words.has('fibreglass') || words.has('wood') || words.has('wooden')) facts.set('ladder.metal', false, source, strength);
      return;
    case 'shift':
      if (words.has('night') || words.has('overnight') || words.has('graveyard') || words.has('third')) facts.set('crew.night', true, source, strength);
      else if (words.has('day') || words.has('morning')) facts.set('crew.night', false, source, strength);
      return;
    case 'location':
      if (words.has('indoors') || words.has('indoor') || words.has('inside') || words.has('interior')) facts.set('weather.indoors', true, source, strength);
      else if (words.has('outdoors') || words.has('outdoor') || words.has('outside') || words.has('exterior')) facts.set('weather.indoors', false, source, strength);
      return;
    default:
  }
}

/** A force in pounds from a value that names its unit ("47.8" in a `_kn` field, "12 kips", "5,400 lb"); a bare number is no reading. */
function forceOf(value: unknown, unit: Unit | undefined): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && unit !== undefined ? (unit === 'kn' ? value * LBF_PER_KN : toPounds(value, unit)) : undefined;
  if (typeof value !== 'string' || value.length > 100) return undefined;
  const tokens = tokenize(value);
  const at = tokens.findIndex((t) => t.kind === 'number');
  if (at < 0 || tokens[at].value === undefined) return undefined;
  const next = tokens[at + 1]?.text ?? '';
  if (KIP_WORDS.has(next)) return tokens[at].value! * 1000;
  if (next === 'kn') return tokens[at].value! * LBF_PER_KN;
  const q = quantityOf(value, unit);
  return q?.unit !== undefined ? toPounds(q.value, q.unit) : undefined;
}

/** "hoist_type: material", "personnel (rack and pinion)": what the hoist is built to carry. */
function readHoistType(facts: FactWriter, value: unknown, source: string, strength: Strength): void {
  if (typeof value !== 'string' || value.length > 100) return;
  const words = new Set(tokenize(value.toLowerCase().replaceAll('_', ' ')).filter((t) => t.kind === 'word').map((t) => t.text));
  if (words.has('personnel') || words.has('passenger') || words.has('people')) facts.set('hoist.material', false, source, strength);
  else if (words.has('material') || words.has('materials') || words.has('hod') || words.has('goods')) facts.set('hoist.material', true, source, strength);
}

/** A pressure or strength in psi: a number in the field's unit (psi when it names none), or "3,750 psi", "25 MPa". */
function stressOf(value: unknown, perUnit: number | undefined): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value * (perUnit ?? 1) : undefined;
  if (typeof value !== 'string' || value.length > 100) return undefined;
  const tokens = tokenize(value);
  const at = tokens.findIndex((t) => t.kind === 'number');
  if (at < 0 || tokens[at].value === undefined) return undefined;
  const next = tokens[at + 1];
  const per = (next?.kind === 'word' ? psiPer(next.text) : undefined) ?? perUnit ?? 1;
  return tokens[at].value! * per;
}

/** Words that mark a record's field as what the design calls for, or as what was built. */
const DESIGNED = new Set(['specified', 'spec', 'specd', 'required', 'design', 'designed', 'planned', 'drawing', 'drawn', 'detailed', 'engineered', 'called']);
const BUILT = new Set(['installed', 'actual', 'provided', 'placed', 'built', 'existing', 'fitted', 'asbuilt']);
/** Items measured rather than counted: a radius or a clearance off its plan is judged by its own rule, not as a shortfall. */
const MEASURES = new Set(['radiu', 'radius', 'height', 'depth', 'distance', 'clearance', 'load', 'weight', 'capacity', 'pressure', 'strength', 'wind', 'speed', 'temperature', 'temp', 'time', 'duration', 'hour', 'day', 'date', 'length', 'width', 'spacing', 'setback', 'slope', 'angle', 'pct', 'percent', 'psi', 'size', 'diameter', 'thickness']);
const MAX_PAIRS = 50;

/**
 * "anchors_specified: 24 x 3/4 in coil rod", "anchors_installed: 14 x 1/2 in wedge": a record that gives the count
 * the design calls for and the count put in, for the same item, is built short of its design when fewer went in
 * (1926.703(a): forms and shoring built and braced to the design). Only the leading number of each value counts.
 */
function readDesignShortfall(facts: FactWriter, record: Record<string, unknown>, path: string, strength: Strength): void {
  const designed = new Map<string, { count: number; key: string }>();
  const built = new Map<string, { count: number; key: string }>();
  let seen = 0;
  for (const key of Object.keys(record)) {
    if (++seen > MAX_KEYS) break;
    const count = leadingCount(record[key]);
    if (count === undefined) continue;
    const name = splitFieldName(key);
    if (name.unit !== undefined || name.psiPer !== undefined) continue;
    const words = name.words;
    if (words.some((w) => MEASURES.has(w))) continue;
    const marker = words.find((w) => DESIGNED.has(w) || BUILT.has(w));
    if (!marker) continue;
    const item = words.filter((w) => w !== marker && w !== 'as' && w !== 'per' && w !== 'count' && w !== 'number' && w !== 'qty' && w !== 'no').join(' ');
    if (!item) continue;
    (DESIGNED.has(marker) ? designed : built).set(item, { count, key });
    if (designed.size + built.size > MAX_PAIRS) break;
  }
  for (const [item, want] of designed) {
    const have = built.get(item);
    if (!have || have.count >= want.count) continue;
    facts.builder.get(`${path}.${want.key}`);
    facts.builder.get(`${path}.${have.key}`);
    facts.add('design.shortfall', `${item}: ${have.count} installed of ${want.count} specified`, `${path}.${have.key} = ${have.count}, ${path}.${want.key} = ${want.count}`);
  }
}

/** The leading count of a value: a whole number, or the first number of a short string ("14 x 1/2 in wedge anchors"). */
function leadingCount(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 0 ? value : undefined;
  if (typeof value !== 'string' || value.length > 100) return undefined;
  const first = tokenize(value).find((t) => t.kind === 'word' || t.kind === 'number');
  return first?.kind === 'number' && first.value !== undefined && Number.isInteger(first.value) ? first.value : undefined;
}

/** Field-name words that say where something is kept ("storage_location", "stored_at", "store_area"). */
const STORAGE_NAME = new Set(['storage', 'stored', 'store']);
/** Words of a record that name gas containers (the keys or values of the same record). */
const CONTAINER_WORDS = new Set(['cylinder', 'cylinders', 'bottle', 'bottles', 'tank', 'tanks', 'propane', 'lpg', 'lp']);
const LPG_NAMES = new Set(['propane', 'lpg']);
const INDOOR_WORDS = new Set(['inside', 'indoors', 'indoor', 'interior', 'basement']);
const OUTDOOR_WORDS = new Set(['outside', 'outdoors', 'outdoor', 'exterior', 'yard', 'cage', 'compound']);

/**
 * Where a record says gas containers are kept: a storage field whose value says inside ("inside building, 1st floor")
 * or outside, in a record that names cylinders, bottles, tanks or propane. The LP-gas rule (1926.153(j)) weighs it
 * only when LP-gas is named in the request.
 */
function readContainerStorage(facts: FactWriter, record: Record<string, unknown>, path: string, strength: Strength): void {
  const keys = Object.keys(record).slice(0, MAX_KEYS);
  const wordsOf = (text: string) => tokenize(text.replaceAll('_', ' ').toLowerCase()).filter((t) => t.kind === 'word').map((t) => t.text);
  const names = keys.some((k) => splitFieldName(k).words.some((w) => CONTAINER_WORDS.has(w) || CONTAINER_WORDS.has(`${w}s`)))
    || keys.some((k) => typeof record[k] === 'string' && (record[k] as string).length <= 200 && wordsOf(record[k] as string).some((w) => CONTAINER_WORDS.has(w)));
  if (!names) return;
  // "propane_cylinders: 8": a record that names LP-gas says it is on site.
  if (keys.some((k) => splitFieldName(k).words.some((w) => LPG_NAMES.has(w)))) facts.set('lpg.present', true, `${path}: LP-gas named`, strength);
  for (const key of keys) {
    const value = record[key];
    if (typeof value !== 'string' || value.length > 200 || !splitFieldName(key).words.some((w) => STORAGE_NAME.has(w))) continue;
    const words = wordsOf(value);
    const inside = words.some((w) => INDOOR_WORDS.has(w)) || words.includes('building') && (words.includes('in') || words.includes('within'));
    const outside = words.some((w) => OUTDOOR_WORDS.has(w));
    if (inside !== outside) facts.set('lpg.storage_indoors', inside, `${path}.${key} = ${JSON.stringify(value)}`, strength);
  }
}
