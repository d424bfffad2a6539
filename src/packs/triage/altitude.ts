import type { ReadingBuilder } from '../reading/reading.js';
import { CONVERSATION_FIELDS, DEMOGRAPHIC_FIELDS, DETAIL_FIELDS, foldFieldName, isAgentRole } from './field-aliases.js';

/**
 * The altitude the patient is at now, and what it means for the oxygen saturation. An altitude is a height with its unit
 * (metres or feet) in a field that says where the patient is (`location`, `altitude`, `elevation`), or in the caller's
 * words said as where they are ("at 4,200 m", "3,800 metres above sea level", "Dingboche (4,400 m)"), never a height
 * they came from ("up from Lukla (2,860 m)") or one they walked, fell or climbed. "Descended to / down to X" is where
 * they are now; a height they are going to ("trekking to base camp at 5,300 m next week") is none. The lowest height of a
 * location field is taken first, then the lowest in the words. Fail closed: heights said as where they are that disagree,
 * or only a height they were at ("we were at 4,500 m"), make the altitude unclear, and then no saturation is read as
 * expected for it (and no breathlessness as the exertion of altitude).
 *
 * At altitude a healthy person's saturation is lower than the sea-level 92% of the ESI danger zone: about 90% at
 * 2,500-3,500 m and below 90% above 3,500 m (Hackett and Roach, High-altitude medicine, in Auerbach, Wilderness Medicine),
 * and in unacclimatised mountaineers SaO2 = 98.8183 - 0.0001 h - 0.000001 h^2 (h in metres; Botella de Maglia et al.,
 * Med Clin (Barc) 2005;124:172-6). A reading at or above that expected value is not hypoxia for the altitude
 * (`spo2_expected_for_altitude`); below it, it is. Altitude illness itself is read by its symptoms (WMS 2019).
 */

type Rec = Record<string, unknown>;
const rec = (v: unknown): Rec | undefined => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Rec) : undefined);

const MIN_M = 1000;
const MAX_M = 9000;
const M_PER_FT = 0.3048;
const MAX_TEXT = 2000;
/** A height with its unit: "3,440 m", "4400m", "12,000 ft", "3800 metres". */
const HEIGHT = /(\d{1,2},\d{3}|\d{4,5})\s?(m|metres|meters|ft|feet)(?![a-z])/giu;
/** Just before a height: it is where the patient is ("at", "altitude of", "(about"). */
const AT_BEFORE = /(?:\bat|\baltitude(?: of)?|\belevation(?: of)?|\bcamp|\bnow|\(|\breached|\bsleeping at|\bstaying at)\s*(?:about|around|approx\.?|roughly|~)?\s*$/iu;
/** Just after a height: it is an altitude ("above sea level", "asl", "altitude"). */
const ALTITUDE_AFTER = /^\s*(?:above sea level|asl|altitude|elevation|up)\b/iu;
/** Words before a height that make it somewhere else or a distance: where they came from, or how far they went or fell. */
const NOT_HERE = /\b(?:from|fell|fall|fallen|dropped|walked|ran|swam|hiked)\b[^.;]{0,24}$/iu;
/** Words before a height that say it is where they have come down to: the height they are at now ("descended to 2,000 m"). */
const DESCENDED_TO = /\b(?:descended|descend|come down|came down|gone down|went down|brought down|down)\s+(?:to|at)\s*(?:about|around|approx\.?|roughly|~)?\s*$/iu;
/** Words before a height that make it a height they were at, not one they are at ("we were at 4,500 m"). */
const PAST_BEFORE = /\b(?:were|was|had been|'d been|yesterday|last (?:night|week)|earlier|previously)\b[^.;,]{0,20}$/iu;
/** Words around a height that make it one they are going to ("trekking to base camp at 5,300 m next week"). */
const PLANNED_BEFORE = /\b(?:(?:heading|going|trekking|trekk?ing|climbing|walking|hiking|travell?ing|flying|ascending|moving|driving|off)\s+(?:up\s+)?to|planning|plan|planned|plans|will|shall|tomorrow|next (?:week|month|year|day)|later)\b[^.;]{0,30}$/iu;
const PLANNED_AFTER = /^[^.;]{0,24}?\b(?:next (?:week|month|year|day)|tomorrow|later|soon|in (?:a few|\d+|two|three) (?:days|weeks))\b/iu;
/** Heights that differ by more than this disagree. */
const AGREE_M = 150;
/** Keys whose value says where the patient is. */
const PLACE_KEYS = new Set(['location', 'currentlocation', 'altitude', 'currentaltitude', 'elevation', 'altitudem', 'elevationm', 'where', 'place', 'setting']);

function metres(value: string, unit: string): number | undefined {
  const n = Number(value.replace(',', ''));
  const m = /^f/iu.test(unit) ? n * M_PER_FT : n;
  return m >= MIN_M && m <= MAX_M ? Math.round(m) : undefined;
}

type HeightKind = 'current' | 'past' | 'planned';

/**
 * Heights in a text said as where the patient is (every height in a place field), each with whether it is where they are
 * now, a height they were at, or one they are going to. "Descended to / down to X" is where they are now.
 */
function heightsIn(text: string, placeField: boolean): { m: number; kind: HeightKind }[] {
  const out: { m: number; kind: HeightKind }[] = [];
  const t = text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text;
  for (const m of t.matchAll(HEIGHT)) {
    const at = m.index ?? 0;
    const before = t.slice(Math.max(0, at - 40), at);
    const after = t.slice(at + m[0].length, at + m[0].length + 20);
    const h = metres(m[1], m[2]);
    if (h === undefined) continue;
    if (DESCENDED_TO.test(before)) {
      out.push({ m: h, kind: 'current' });
      continue;
    }
    if (NOT_HERE.test(before)) continue;
    if (!placeField && !AT_BEFORE.test(before) && !ALTITUDE_AFTER.test(after)) continue;
    const kind: HeightKind = PLANNED_BEFORE.test(before) || PLANNED_AFTER.test(after) ? 'planned' : PAST_BEFORE.test(before) ? 'past' : 'current';
    out.push({ m: h, kind });
  }
  return out;
}

function expectedSpo2(h: number): number {
  return 98.8183 - 0.0001 * h - 0.000001 * h * h;
}

/** Readings whose altitude is unclear (heights that disagree, or only a past height): the saturation is read as at sea level. */
const UNCLEAR = new WeakSet<ReadingBuilder>();

/** Whether the altitude of this reading is unclear: no reassurance may rest on it. */
export function altitudeUnclear(b: ReadingBuilder): boolean {
  return UNCLEAR.has(b);
}

export function readAltitude(b: ReadingBuilder, state: Rec): void {
  const placed: { m: number; source: string }[] = [];
  const said: { m: number; source: string }[] = [];
  const past: { m: number; source: string }[] = [];
  const look = (path: string, key: string, value: unknown, place: boolean) => {
    if (typeof value !== 'string') return;
    const heights = heightsIn(value, place || PLACE_KEYS.has(foldFieldName(key)));
    if (heights.length === 0) return;
    const source = `${path}: ${JSON.stringify(value.slice(0, 60))}`;
    for (const h of heights) {
      // A height they are going to says nothing of where they are; one they were at is kept as a doubt.
      if (h.kind === 'planned') continue;
      if (h.kind === 'past') past.push({ m: h.m, source });
      else if (PLACE_KEYS.has(foldFieldName(key))) placed.push({ m: h.m, source });
      else said.push({ m: h.m, source });
    }
  };
  for (const field of [...DEMOGRAPHIC_FIELDS, ...DETAIL_FIELDS]) {
    const obj = rec(state[field]);
    if (obj) for (const [k, v] of Object.entries(obj)) look(`state.${field}.${k}`, k, v, false);
  }
  for (const [k, v] of Object.entries(state)) if (typeof v === 'string') look(`state.${k}`, k, v, false);
  for (const field of CONVERSATION_FIELDS) {
    const turns = state[field];
    if (!Array.isArray(turns)) continue;
    turns.slice(0, 200).forEach((turn, i) => {
      const t = rec(turn);
      if (!t || isAgentRole(t.role ?? t.speaker ?? t.from ?? t.author)) return;
      const key = ['content', 'text', 'message', 'utterance'].find((k) => typeof t[k] === 'string');
      if (key) look(`state.${field}.${i}.${key}`, key, t[key], false);
    });
  }
  type H = { m: number; source: string };
  const lowestOf = (hs: H[]) => hs.reduce<H | undefined>((lo, h) => (lo === undefined || h.m < lo.m ? h : lo), undefined);
  const highestOf = (hs: H[]) => hs.reduce<H | undefined>((hi, h) => (hi === undefined || h.m > hi.m ? h : hi), undefined);
  const current = [...placed, ...said];
  let altitude = lowestOf(placed) ?? lowestOf(said);
  let unclear = false;
  if (altitude) {
    // Heights said as where they are now that disagree: the altitude is unclear.
    const hi = highestOf(current);
    if (hi && hi.m - altitude.m > AGREE_M) unclear = true;
  } else {
    // Only a height they were at: where they are now is not known. The height is kept for its dangers, never its reassurance.
    altitude = highestOf(past);
    unclear = true;
  }
  if (!altitude) return;
  b.set('altitude_m', altitude.m, altitude.source);
  if (unclear) {
    UNCLEAR.add(b);
    return;
  }
  const vitals = rec(b.facts.vitals);
  const spo2 = typeof vitals?.spo2 === 'number' ? vitals.spo2 : undefined;
  const expected = Math.round(expectedSpo2(altitude.m));
  if (spo2 !== undefined && spo2 < 92 && expected < 92 && spo2 >= expected) {
    b.set('spo2_expected_for_altitude', true, `SpO2 ${spo2}% at ${altitude.m} m (expected about ${expected}% or more for the altitude); ${altitude.source}`);
  }
}
