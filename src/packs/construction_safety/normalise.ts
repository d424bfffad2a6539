import type { Catalogue } from '../reading/catalogue.js';
import { type Reading, ReadingBuilder } from '../reading/reading.js';
import { type Lexicon, type PhraseMatch, tokenize } from '../reading/text.js';
import { heatIndexC } from '../reading/units.js';
import type { ActionInput } from '../types.js';
import { classifyAction, kindIn, kindNamesEmergency, kindNamesRecord, kindOfField, readInstructions } from './classify-action.js';
import { FactWriter, STRENGTH, type Strength } from './fact-writer.js';
import type { Scope } from './field-names.js';
import type { ReadKind } from './kinds.js';
import { readRolesAndGear } from './roles-and-gear.js';
import { keepLockoutOutOfRemoved, readLockoutRelease, setLockoutRelease } from './lockout-release.js';
import { DAILY_INSPECTIONS, dayOf, type PendingText, readStructured } from './structured.js';
import { readTextFacts, type TextReadout } from './text-facts.js';
import { type TextSource, type TextView, viewOf } from './text-view.js';

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Participles after a safety device that say it is defeated ("trigger zip-tied", "muzzle safety taped"). */
const DEFEATED_AFTER = new Set(['tied', 'taped', 'disabled', 'bypassed', 'defeated', 'jumpered', 'wedged', 'overridden']);
/** Things that hold a device out of action. */
const HOLDS_OUT = new Set(['zip', 'ziptie', 'zipties', 'tape', 'taped', 'wedge', 'wedged', 'jumper', 'jumpered', 'shim', 'shimmed', 'clamp', 'clamped', 'rubber-banded', 'pinned']);
/** Words that end the report of a defeat: the tie or tape taken off, the device put back. */
const RESTORED_AFTER = new Set(['removed', 'replaced', 'restored', 'reinstalled', 'repaired', 'fixed', 'cut', 'taken']);
const SENTENCE_BREAK = new Set(['.', ';', '!', '?']);
/** "not jumpered", "never taped": the defeat word denied. */
const NOT_BEFORE = new Set(['not', 'no', 'never', 'nor']);
const isNegatedMatch = (m: PhraseMatch) => m.negated;
/** Names of a self-retracting device (ANSI/ASSP Z359.14). */
const SRD_WORDS = new Set(['srl', 'srls', 'srd', 'srds', 'pfl', 'pfls']);
/** "tied into the panel", "tied in": a connection, not a defeat. */
const TIED_IN = new Set(['in', 'into', 'off', 'to']);

/** State fields read by name; every other top-level field is read by what its sub-fields say. */
const STATE_SCOPES: Record<string, Scope> = {
  environmental_conditions: 'environment',
  crew_status: 'crew',
  compliance_status: 'compliance',
  equipment_limits: 'limits',
};
const STATE_TEXT_LISTS: Record<string, TextSource> = {
  recent_observations: 'observation',
  equipment_in_use: 'equipment',
  active_hazards: 'hazard',
};
/** Words of masonry work: the trade, its units, its courses. */
const MASONRY_WORDS = new Set(['masonry', 'mason', 'masons', 'cmu', 'blockwork', 'brickwork', 'blocklaying', 'bricklaying', 'bricklayer', 'bricklayers', 'blocklayer', 'blocklayers', 'courses', 'course']);
const AT_HEIGHT_KINDS = new Set(['roofing_work', 'scaffold_work', 'steel_erection', 'aerial_lift']);
const LOTO_KINDS = new Set(['equipment_maintenance', 'electrical_work']);
const TRENCH_KINDS = new Set(['trenching', 'excavation']);

function sourceOfPending(p: PendingText): TextSource {
  if (p.path.startsWith('action.')) return 'parameter';
  if (p.scope === 'environment') return 'environment';
  return 'observation';
}

function strengthOfSource(source: TextSource): Strength {
  if (source === 'action') return STRENGTH.action;
  if (source === 'parameter') return STRENGTH.parameter;
  return STRENGTH.observed;
}

/** The hour of an ISO timestamp ("2024-07-15T22:00:00"), read by position, not by pattern. */
function hourOf(timestamp: unknown): number | undefined {
  if (typeof timestamp !== 'string' || timestamp.length < 13 || timestamp.length > 40) return undefined;
  const t = timestamp.indexOf('T');
  if (t < 0) return undefined;
  const hour = Number(timestamp.slice(t + 1, t + 3));
  return Number.isInteger(hour) && hour >= 0 && hour < 24 ? hour : undefined;
}

/**
 * The construction pack's one reading of a request: structured fields by name (aliases and units),
 * then the tool call's own arguments, then free text with the catalogue's vocabulary (negation scoped
 * to its clause, numbers read by the words around them), then the action classifier. Facts the request
 * does not give stay absent; derived facts (heat index, peak wind, load share of the chart) are
 * computed only from facts that are there.
 */
export function readConstruction(state: Record<string, unknown>, action: ActionInput, catalogue: Catalogue): Reading {
  const vocabulary: Lexicon = catalogue.vocabulary;
  const b = new ReadingBuilder({ state, action: action as Record<string, unknown> });
  const facts = new FactWriter(b);
  const pending: PendingText[] = [];

  // 1. The tool call's structured arguments, then the state's records.
  readStructured(facts, action.parameters, 'action.parameters', 'parameters', STRENGTH.parameter, vocabulary, pending);
  b.consume('state.site_id');
  for (const [key, value] of Object.entries(state)) {
    if (key === 'site_id' || key === 'task_description' || key === 'timestamp' || key in STATE_TEXT_LISTS) continue;
    if (isRecord(value)) readStructured(facts, value, `state.${key}`, STATE_SCOPES[key] ?? 'other', STRENGTH.recorded, vocabulary, pending);
    else if (typeof value === 'string') pending.push({ path: `state.${key}`, value, scope: 'other' });
    else if (Array.isArray(value) && value.every((v) => typeof v === 'string')) {
      b.consume(`state.${key}`);
      value.forEach((v, i) => pending.push({ path: `state.${key}.${i}`, value: v as string, scope: 'other' }));
    } else if (Array.isArray(value)) {
      // A list of records at the top of the state ("medical_surveillance: [{test, blood_lead_ug_dl}]") is read as a record's list is.
      readStructured(facts, { [key]: value }, 'state', STATE_SCOPES[key] ?? 'other', STRENGTH.recorded, vocabulary, pending);
    }
  }
  const hour = hourOf(b.get('state.timestamp'));
  if (hour !== undefined) facts.set('crew.night', hour >= 20 || hour < 6, `state.timestamp = ${String(state.timestamp)}`, STRENGTH.recorded);
  // The age of the last thorough examination on the day of the request (LOLER 1998 reg 9(3)); without a timestamp it stays unknown.
  const today = dayOf(b.get('state.timestamp'));
  for (const [day, age] of [['lifting.accessory_exam_day', 'lifting.accessory_exam_months'], ['lifting.equipment_exam_day', 'lifting.equipment_exam_months']] as const) {
    const examined = facts.num(day);
    if (today !== undefined && examined !== undefined && examined <= today) facts.set(age, Math.round(((today - examined) / 30.44) * 10) / 10, `${day} against state.timestamp`, STRENGTH.recorded);
  }

  // A daily inspection dated before the request's day is not today's (1926.651(k)(1), 1926.451(f)(3)); without a timestamp
  // the record still says one was made.
  for (const fact of DAILY_INSPECTIONS) {
    const day = facts.num(`${fact}_day`);
    if (day === undefined) continue;
    const strength = facts.strengthOf(`${fact}_day`) ?? STRENGTH.recorded;
    facts.set(fact, today === undefined || day >= today, today === undefined ? `${fact}_day on record` : `${fact}_day against state.timestamp`, strength);
  }

  // 2. Free text, each field once.
  const views: TextView[] = [];
  const addView = (path: string, value: unknown, source: TextSource) => {
    const read = b.text(path, value, vocabulary);
    if (read) views.push(viewOf(read, source, vocabulary));
  };
  const description = b.text('action.description', action.description, vocabulary);
  const actionView = description ? viewOf(description, 'action', vocabulary) : undefined;
  if (actionView) views.push(actionView);
  addView('state.task_description', state.task_description, 'task');
  for (const [key, source] of Object.entries(STATE_TEXT_LISTS)) {
    const list = b.get(`state.${key}`);
    if (Array.isArray(list)) list.forEach((v, i) => addView(`state.${key}.${i}`, v, source));
  }
  for (const p of pending) addView(p.path, p.value, sourceOfPending(p));

  // 3. What the action does.
  const instructions = readInstructions(actionView);
  const removed = new Set<PhraseMatch>();
  for (const ins of instructions.instructions) if (ins.head === 'remove') ins.controls.forEach((c) => removed.add(c));
  const kindField = typeof action.kind === 'string' ? action.kind : undefined;
  b.get('action.kind');
  // Taking a lock off is a release from lockout (1910.147(e)), judged by its own rules, not a safeguard switched off.
  const release = readLockoutRelease(kindField, actionView);
  if (release.release) keepLockoutOutOfRemoved(removed);
  setLockoutRelease(facts, release);

  // 4. Facts from the text: the action first (its words say what will be done), then the rest.
  const readout: TextReadout = { concepts: new Set(), controlsInPlace: new Set(), controlPhrases: new Set() };
  const bySource = (s: TextSource) => views.filter((v) => v.source === s);
  const actionReadout: TextReadout = { concepts: new Set(), controlsInPlace: new Set(), controlPhrases: new Set() };
  for (const v of [...bySource('action'), ...bySource('parameter')]) readTextFacts(facts, v, strengthOfSource(v.source), actionReadout, removed);
  for (const v of views.filter((v) => v.source !== 'action' && v.source !== 'parameter')) readTextFacts(facts, v, strengthOfSource(v.source), readout);
  readRolesAndGear(facts, views, (v) => strengthOfSource(v.source));
  for (const c of actionReadout.concepts) readout.concepts.add(c);
  for (const c of actionReadout.controlsInPlace) readout.controlsInPlace.add(c);

  // What the action puts in place first counts as in place; what it takes away counts as gone.
  for (const ins of instructions.instructions) {
    // The numbers were read with the rest of the description; only the controls are read again.
    if ((ins.head === 'mitigate' || ins.head === 'wait') && actionView) readTextFacts(facts, { ...actionView, matches: ins.controls, quantities: [] }, STRENGTH.action, actionReadout);
  }
  for (const m of removed) {
    facts.add('safeguards.removed', m.phrase, `action.description: "${m.phrase}"`);
    if (actionView) readTextFacts(facts, { ...actionView, matches: [{ ...m, negated: true }], quantities: [] }, STRENGTH.parameter, { concepts: new Set(), controlsInPlace: new Set(), controlPhrases: new Set() });
  }
  // "trigger zip-tied", "contact safety taped back": a safety device the action or its parameters say is tied, taped or
  // bypassed is defeated (1926.302(b)(3); NIOSH 2011-202), whatever verb the request opens with.
  for (const v of [...bySource('action'), ...bySource('parameter')]) {
    for (const m of v.matches) {
      if (m.concept !== 'control.device' || m.negated) continue;
      for (let j = m.last + 1; j <= m.last + 3 && j < v.tokens.length; j++) {
        if (v.tokens[j].clause !== v.tokens[m.last].clause) break;
        const word = v.tokens[j].text;
        if (DEFEATED_AFTER.has(word) && !TIED_IN.has(v.tokens[j + 1]?.text ?? '')) {
          facts.add('safeguards.removed', m.phrase, `${v.path}: "${m.phrase} ${word}"`);
          break;
        }
      }
    }
  }
  // Class: a report that a safety device on the equipment is held, tied or taped out of action ("the safety switch ... zip-tie
  // holding the lever to the handle bar", "kill switch taped down") says the safeguard is defeated now (1926.702(i)(1) trowel
  // hand-release; 1926.20(b)(3)), whether the report says it with a participle or with the thing that holds it. A report that
  // the tie was taken off or the device restored is no defeat.
  for (const v of [...bySource('observation'), ...bySource('parameter')]) {
    for (const m of v.matches) {
      if (m.concept !== 'control.device' || isNegatedMatch(m)) continue;
      let end = m.last + 1;
      while (end < v.tokens.length && end <= m.last + 20 && !SENTENCE_BREAK.has(v.tokens[end].text)) end++;
      const after = v.tokens.slice(m.last + 1, end).map((t) => t.text);
      if (after.some((w) => RESTORED_AFTER.has(w))) continue;
      const held = after.some((w, i) => DEFEATED_AFTER.has(w) && !TIED_IN.has(after[i + 1] ?? '') && !NOT_BEFORE.has(after[i - 1] ?? '')) || after.some((w, i) => !NOT_BEFORE.has(after[i - 1] ?? '') && (HOLDS_OUT.has(w) || (w === 'zip' && after[i + 1] === '-') || (w === 'cable' && after[i + 2] === 'tie')));
      if (held) facts.add('device.defeated', m.phrase, `${v.path}: "${m.phrase}"`);
    }
  }
  // "SRL, label: ANSI Z359.14 Class 1": a self-retracting device's class (Class 1 anchored at or above the D-ring; Class 2 for foot-level and edge use).
  for (const v of [...bySource('action'), ...bySource('parameter'), ...bySource('equipment')]) {
    const words = v.tokens.map((t) => t.text);
    // "self-retracting" is read as "self", "-", "retracting".
    const named = words.some((w, i) => SRD_WORDS.has(w) || (w === 'self' && (words[i + 1] === 'retracting' || (words[i + 1] === '-' && words[i + 2] === 'retracting'))));
    if (!named) continue;
    for (let i = 0; i + 1 < v.tokens.length; i++) {
      const next = v.tokens[i + 1];
      if (words[i] === 'class' && next.kind === 'number' && (next.value === 1 || next.value === 2)) {
        facts.set('fall.srl_class', next.value, `${v.path}: "class ${next.value}"`, strengthOfSource(v.source));
        break;
      }
    }
  }
  if (actionView) {
    // "Proceed without harnesses", "skip the briefing": a control the action does without is removed too.
    for (const m of actionView.matches) {
      if (m.concept.startsWith('control.') && m.negated && !removed.has(m)) facts.add('safeguards.removed', m.phrase, `action.description: "${m.phrase}"`);
    }
  }

  const taskView = views.find((v) => v.source === 'task');
  const equipment = bySource('equipment').flatMap((v) => kindMatches(v));
  const paramsKind = kindFromFacts(facts);
  const evidence = {
    field: kindOfField(kindField, vocabulary),
    description: actionView ? kindIn(actionView.matches) : undefined,
    parameters: paramsKind,
    state: kindNamesRecord(kindField) ? undefined : ((taskView ? kindIn(taskView.matches) : undefined) ?? kindIn(equipment)),
  };
  const actionReading = classifyAction(instructions, evidence);
  const workKind = (actionReading.kind === 'stop_work' ? [evidence.field, evidence.description, evidence.parameters, evidence.state].find((k) => k && k !== 'stop_work') : actionReading.kind) ?? 'general_work';
  const taskKind = workKind === 'personnel_platform' ? 'crane_lift' : workKind;
  facts.set('task.kind', taskKind, `action ${actionReading.kind_source}`, STRENGTH.recorded);
  if (evidence.field === 'personnel_platform' || evidence.description === 'personnel_platform' || evidence.state === 'personnel_platform') facts.set('crane.personnel', true, 'kind of work: personnel platform', STRENGTH.recorded);

  // "Route foot traffic over the trench bridge": the action's own words say the crew crosses the excavation (1926.651(l)).
  // Only when the action names no trench or excavation work of its own ("cross the trench bridge and lay the pipe" still enters).
  if (actionView && actionReadout.concepts.has('condition.trench_crossing')) {
    const spans = actionView.matches.filter((m) => m.concept === 'condition.trench_crossing' && !m.negated);
    const inSpan = (m: PhraseMatch) => spans.some((c) => c.first <= m.first && c.last >= m.last);
    const digs = actionView.matches.some((m) => (m.concept === 'kind.trenching' || m.concept === 'kind.excavation' || m.concept === 'hazard.confined_space') && !m.negated && !inSpan(m));
    if (spans.length > 0 && !digs) facts.set('trench.crossing', true, 'the action crosses the excavation on a walkway', STRENGTH.action);
  }
  // Masonry named in the action's kind, its description or the task ("masonry_work", "lay the CMU courses").
  const masonryWords = [kindField ? tokenize(kindField.toLowerCase().slice(0, 100)) : [], actionView?.tokens ?? [], taskView?.tokens ?? []].some((ts) => ts.some((t) => MASONRY_WORDS.has(t.text)));
  if (kindNamesEmergency(kindField)) facts.set('task.emergency_response', true, `action.kind = ${JSON.stringify(kindField)}`, STRENGTH.recorded);
  derive(facts, taskKind, readout, bySource('action')[0], bySource('equipment'), actionReading.kind_source === 'state', masonryWords || readout.concepts.has('cue.masonry'));
  const structuredControls = ['crane.signal_person', 'crane.tag_lines', 'hot_work.fire_watch', 'site.spotter'].filter((c) => facts.recorded.get(`${STRENGTH.parameter}:${c}`) === true);
  facts.set('plan.mitigations', actionReadout.controlPhrases.size + structuredControls.length, 'controls the action names or sets', STRENGTH.recorded);
  const briefingRecord = facts.recorded.get(`${STRENGTH.recorded}:crew.briefed`);
  if (typeof briefingRecord === 'boolean') facts.set('crew.briefing_recorded', briefingRecord, 'state.compliance_status', STRENGTH.recorded);
  if (readout.concepts.has('hazard.suspended_load')) facts.set('site.suspended_load', true, 'a suspended load is named', STRENGTH.recorded);
  if (bySource('equipment').some((v) => v.matches.some((m) => m.concept === 'cue.heavy_equipment'))) facts.set('site.heavy_equipment', true, 'state.equipment_in_use', STRENGTH.recorded);
  facts.set('site.hazard_count', Array.isArray(state.active_hazards) ? state.active_hazards.length : 0, 'state.active_hazards', STRENGTH.recorded);
  return b.build(actionReading);
}

/** Words after "steel" that keep it the steel being erected ("steel erection", "steel beams", "steel at level 4"). */
const STEEL_WORK_AFTER = new Set(['erection', 'erecting', 'erector', 'erectors', 'work', 'worker', 'workers', 'frame', 'frames', 'framing', 'member', 'members', 'beam', 'beams', 'column', 'columns', 'girder', 'girders', 'joist', 'joists', 'deck', 'decking', 'structure', 'connection', 'connections', 'connector', 'connectors', 'crew', 'gang', 'raising', 'iron', 'at', 'on', 'in', 'to', 'for', 'and', 'or', 'with', 'from', 'by', 'is', 'are', 'was', 'were', 'will', 'has', 'have', 'that', 'this', 'up', 'down', 'over', 'under', 'of', 'off', 'today', 'tomorrow', 'now']);

/**
 * An equipment item's matches for choosing the kind of work. Class: in the equipment list "steel" before another thing
 * ("portable steel yard ramp", "steel drum", "steel egress stair") is what that thing is made of, not steel being erected
 * (batch cs-dev-861..900).
 */
function kindMatches(view: TextView): PhraseMatch[] {
  return view.matches.filter((m) => {
    if (m.concept !== 'kind.steel_erection' || m.phrase !== 'steel') return true;
    const next = view.tokens[m.last + 1];
    return !next || next.kind !== 'word' || next.clause !== view.tokens[m.last].clause || STEEL_WORK_AFTER.has(next.text);
  });
}

/** The kind of work the tool call's arguments imply ("depth_m" and "protective_system": an excavation). */
function kindFromFacts(facts: FactWriter): ReadKind | undefined {
  const from = (fact: string) => facts.strengthOf(fact) === STRENGTH.parameter;
  if (from('confined_space.o2_pct') || from('confined_space.lel_pct') || from('confined_space.h2s_ppm')) return 'confined_space';
  if (from('trench.depth_ft') || from('trench.protected')) return 'trenching';
  if (from('crane.platform_load_lbs')) return 'personnel_platform';
  if (from('crane.load_lbs') || from('crane.capacity_lbs') || from('crane.load_pct') || from('crane.radius_ft')) return 'crane_lift';
  if (from('loto.applied') || from('loto.verified')) return 'equipment_maintenance';
  if (from('hot_work.fire_watch') || from('hot_work.permit')) return 'hot_work';
  if (from('ladder.extension_ft') || from('ladder.metal')) return 'ladder';
  return undefined;
}

/**
 * Facts that follow from others: peak wind, the heat index (NWS) from temperature and humidity, water,
 * rest and shade together, the share of the load chart, and whether each hazard is present at all.
 * A presence fact is set only from evidence (the kind of work, a measurement, a mention); it is what
 * lets an unknown deciding fact ask its question instead of staying silent.
 */
/** Words of an action that takes someone up to the work ("climbs up", "hang the tray", "goes aloft"). */
const ASCENT_WORDS = new Set(['climb', 'climbs', 'climbing', 'climbed', 'ascend', 'ascends', 'ascending', 'aloft', 'hang', 'hangs', 'hanging', 'mount', 'mounts', 'ladder', 'ladders', 'overhead', 'upstairs', 'raise', 'raises', 'hoist', 'hoists']);

function derive(facts: FactWriter, kind: string, readout: TextReadout, actionView: TextView | undefined, equipment: TextView[], kindFromState = false, masonry = false): void {
  const R = STRENGTH.recorded;
  const speed = facts.num('wind.speed_mph');
  const gust = facts.num('wind.gust_mph');
  if (speed !== undefined || gust !== undefined) facts.set('wind.peak_mph', Math.max(speed ?? 0, gust ?? 0), 'max(wind.speed_mph, wind.gust_mph)', R);

  // Stilts raise the working level inside the guardrail: the top rail's height counts from the feet (1926.502(b)(1);
  // OSHA interpretation of 13 Mar 1995 on drywall stilts: raise the guardrail by the stilts' height).
  const stilts = facts.num('fall.stilt_ft');
  const topRail = facts.num('fall.guardrail_top_ft');
  if (stilts !== undefined && stilts > 0 && topRail !== undefined && facts.bool('fall.rail_raised') !== true) {
    facts.set('fall.rail_above_feet_ft', topRail - stilts, `top rail ${topRail} ft less ${stilts} ft of stilts`, R);
  }

  const temp = facts.num('heat.temperature_c');
  const rh = facts.num('heat.humidity_pct');
  if (temp !== undefined && rh !== undefined) facts.set('heat.index_c', heatIndexC(temp, rh), `NWS heat index of ${temp} °C and ${rh}% humidity`, R);
  const [water, shade, rest] = [facts.bool('heat.water'), facts.bool('heat.shade'), facts.bool('heat.rest')];
  // One missing control is enough to doubt a record that says water, rest and shade are in place.
  if (water === false || shade === false || rest === false) facts.set('heat.controls', false, 'water, rest or shade not in place', STRENGTH.parameter);
  else if (water && shade && rest) facts.set('heat.controls', true, 'water, rest and shade in place', R);
  if (facts.bool('heat.new_to_heat')) facts.set('heat.acclimatized', false, 'workers new to the heat', R);
  if ((facts.num('crew.new_workers') ?? 0) > 0 && facts.num('heat.index_c') !== undefined) facts.set('heat.acclimatized', false, 'new workers on the crew', R);
  if (facts.bool('site.collapse') && (facts.num('heat.index_c') ?? facts.num('heat.temperature_c') ?? 0) >= 26.7) facts.set('heat.symptoms', true, 'a worker collapsed in the heat', R);
  // NIOSH 2016-106 section 8.1: the WBGT limit falls with the metabolic rate M (W, hourly average):
  // REL = 56.7 - 11.5 log10 M for acclimatised workers, RAL = 59.9 - 14.1 log10 M for the unacclimatised.
  const metabolic = facts.num('heat.metabolic_w');
  if (metabolic !== undefined && metabolic > 0 && facts.num('heat.wbgt_c') !== undefined) {
    const acclimatized = facts.bool('heat.acclimatized') === true && (facts.num('crew.new_workers') ?? 0) === 0;
    const limit = acclimatized ? 56.7 - 11.5 * Math.log10(metabolic) : 59.9 - 14.1 * Math.log10(metabolic);
    facts.set('heat.wbgt_limit_c', Math.round(limit * 10) / 10, `NIOSH ${acclimatized ? 'REL' : 'RAL'} at ${Math.round(metabolic)} W`, R);
  }

  // MUTCD 2009 Table 6C-3: a merging taper is L = W x S at 45 mph and above, W x S^2 / 60 below (W the lane closed, ft; S mph).
  const posted = facts.num('traffic.posted_speed_mph');
  const laneWidth = facts.num('traffic.lane_width_ft');
  if (facts.num('traffic.taper_ft') !== undefined && posted !== undefined && posted > 0 && laneWidth !== undefined && laneWidth > 0) {
    const required = posted >= 45 ? laneWidth * posted : (laneWidth * posted * posted) / 60;
    facts.set('traffic.taper_required_ft', Math.round(required), `MUTCD Table 6C-3 at ${posted} mph and a ${laneWidth} ft lane`, R);
  }

  // 29 CFR 1926.52 Table D-2: the permissible duration halves for every 5 dBA above 90 (8 h at 90 dBA, 2 h at 100 dBA).
  const noise = facts.num('noise.level_dba');
  if (noise !== undefined && noise > 90) facts.set('noise.permitted_hours', Math.round((8 / 2 ** ((noise - 90) / 5)) * 100) / 100, `Table D-2 at ${noise} dBA`, R);
  const shift = facts.num('crew.shift_hours') ?? facts.num('crew.hours_on_site');
  if (noise !== undefined && shift !== undefined) facts.set('noise.exposure_hours', shift, 'shift length', R);

  // Falls.
  // An aerial lift with nobody in its basket (boom stowed, worker on the ground) puts no one at height.
  const liftEmpty = kind === 'aerial_lift' && facts.bool('aerial.occupied') === false;
  // A kind read only from the state (a boom lift in the equipment list) says no more than the text: work the request puts at
  // knee-to-waist height on the ground is not at height for it. A kind the action names, a height or an exposure still is.
  const onGround = kindFromState && facts.bool('fall.ground_level') === true;
  // A mobile scaffold moved with nobody on it (1926.452(w)(6)) puts no one at height while it moves, as an empty basket does.
  const scaffoldEmpty = kind === 'scaffold_work' && facts.bool('scaffold.ridden') === false;
  // The hazard list names the site's kinds of hazard: it puts nobody on a platform the request says is empty.
  const listedOnly = (facts.builder.provenance['fall.exposure'] ?? '').startsWith('state.active_hazards');
  // The state's task gives the height of the work it plans ("cable tray installation at 30 ft"); an action whose own words put
  // the crew on the floor or the ground meanwhile (the lift tagged out, the tray prepped below) puts nobody at that height. A
  // height the action or its arguments give, an at-height kind or an exposure the text reports still count.
  const prov = facts.builder.provenance;
  const groundByAction = facts.bool('fall.ground_level') === true && (prov['fall.ground_level'] ?? '').startsWith('action.');
  // "Crew on the ground preps the brackets, then climbs up to hang the tray": an action that also takes the crew up is at
  // the state's height.
  const goesUp = actionView?.tokens.some((t) => ASCENT_WORDS.has(t.text)) === true;
  const actionOnGround = groundByAction && !goesUp && (prov['fall.height_ft'] ?? 'state.').startsWith('state.') && !AT_HEIGHT_KINDS.has(kind);
  const exposed = facts.bool('fall.exposure') === true && !((liftEmpty || scaffoldEmpty || actionOnGround) && listedOnly);
  if ((facts.num('fall.height_ft') !== undefined && !actionOnGround) || (AT_HEIGHT_KINDS.has(kind) && !liftEmpty && !scaffoldEmpty && !onGround) || exposed) facts.set('fall.at_height', true, `work at height (${kind})`, R);
  // Masonry walls (1926.706(a)(1)): the limited access zone is the wall's height plus 4 ft. Built from a scaffold, the wall
  // bounds the platform: masons lay the top course from below it, so with no height given the platform stays under the wall.
  const wallFt = facts.num('structure.wall_height_ft');
  // A wall being built, not one coming down (1926.854(b) governs walls left standing in demolition).
  if (masonry && kind !== 'demolition' && (wallFt !== undefined || readout.concepts.has('cue.masonry'))) facts.set('masonry.wall_under_construction', true, 'masonry wall work', R);
  if (wallFt !== undefined && (masonry || facts.num('masonry.laz_width_ft') !== undefined)) facts.set('masonry.laz_required_ft', wallFt + 4, `${wallFt} ft wall + 4 ft`, R);
  if (wallFt !== undefined && masonry && kind === 'scaffold_work' && facts.num('fall.height_ft') === undefined) facts.set('fall.platform_below_ft', wallFt, `platform below the top of the ${wallFt} ft wall being built`, R);
  // Riding a mobile scaffold (1926.452(w)(6)(ii)): the height to the platform against its least base width, 2:1 at most.
  const baseFt = facts.num('scaffold.base_width_ft');
  const platformFt = facts.num('fall.height_ft');
  if (baseFt !== undefined && baseFt > 0 && platformFt !== undefined) facts.set('scaffold.height_base_ratio', Math.round((100 * platformFt) / baseFt) / 100, `${platformFt} ft platform on a ${baseFt} ft base`, R);

  // Low-slope roofs (1926.501(b)(10), 1926.502(h)): on a roof 50 ft wide or less a competent safety monitor alone is fall
  // protection, so long as no mechanical equipment works in the monitored area.
  const roofWidth = facts.num('roof.width_ft');
  if (kind === 'roofing_work' && facts.bool('fall.protected') === undefined && facts.bool('roof.safety_monitor') === true && roofWidth !== undefined && roofWidth <= 50 && facts.bool('roof.mechanical_equipment') !== true) {
    facts.set('fall.protected', true, `safety monitoring system on a ${roofWidth} ft wide low-slope roof, no mechanical equipment`, R);
  }

  // 1926.502(k): where conventional protection is shown infeasible, a site-specific plan's controlled access zone and safety
  // monitor are the fall protection for leading edge, precast and residential work.
  if (facts.bool('fall.protected') === undefined && facts.bool('fall.alternative_measures') === true && facts.bool('fall.conventional_feasible') === false && facts.bool('record.fall_protection_plan') === true) {
    facts.set('fall.protected', true, 'fall protection plan where conventional protection is infeasible (1926.502(k))', R);
  }
  // A positioning device system (1926.502(e)) is fall protection of its own, judged by its free fall (2 ft at most).
  if (facts.bool('fall.protected') === undefined && facts.bool('fall.positioning') === true) {
    facts.set('fall.protected', true, 'positioning device system (1926.502(e))', R);
  }
  // The felling zone is two tree lengths (1910.266(h)(1)).
  const tree = facts.num('felling.tree_height_ft');
  if (tree !== undefined) facts.set('felling.zone_ft', 2 * tree, `two tree lengths of a ${tree} ft tree`, R);
  // A ladder carries the climber and what he takes up with him (1926.1053(b)(3)).
  const climber = facts.num('ladder.worker_lbs');
  if (climber !== undefined && facts.num('ladder.load_lbs') === undefined) {
    const carried = facts.num('ladder.carried_lbs') ?? 0;
    facts.set('ladder.load_lbs', climber + carried, `${climber} lb climber + ${carried} lb carried`, R);
  }

  // Personal fall arrest (1926.502(d)(16)): the free fall is the lanyard plus the D-ring's height above the anchor
  // (5 ft for a standing worker when not given); the feet then drop the free fall, the deceleration (3.5 ft at most,
  // taken when not given) and a foot of harness stretch below the working surface.
  const lanyard = facts.num('fall.lanyard_ft');
  const anchorFt = facts.num('fall.anchor_height_ft');
  if (facts.num('fall.free_fall_ft') === undefined && lanyard !== undefined && anchorFt !== undefined) {
    const dring = facts.num('fall.dring_height_ft') ?? 5;
    facts.set('fall.free_fall_ft', Math.max(0, lanyard + dring - anchorFt), `${lanyard} ft lanyard + ${dring} ft D-ring height - ${anchorFt} ft anchor height`, R);
  }
  const freeFall = facts.num('fall.free_fall_ft');
  if (freeFall !== undefined) {
    const decel = facts.num('fall.deceleration_ft') ?? 3.5;
    facts.set('fall.arrest_drop_ft', freeFall + decel + 1, `${freeFall} ft free fall + ${decel} ft deceleration + 1 ft harness stretch`, R);
  }

  // A distance to the lightning says there is lightning; the hazard weighs the distance.
  if (facts.num('weather.lightning_miles') !== undefined && facts.bool('weather.lightning') === undefined) facts.set('weather.lightning', true, 'a distance to lightning is given', R);
  // The 30-30 rule: 30 minutes after the last thunder the storm is no longer a lightning exposure; sooner, it still is.
  const sinceThunder = facts.num('weather.minutes_since_thunder');
  if (sinceThunder !== undefined) {
    const strength = Math.max(STRENGTH.parameter, facts.strengthOf('weather.minutes_since_thunder') ?? R) as Strength;
    facts.set('weather.lightning', sinceThunder < 30, `${sinceThunder} minutes since the last thunder`, strength);
  }

  // Ladders: the extension rule applies to a ladder the work uses.
  if (kind === 'ladder' || facts.num('ladder.extension_ft') !== undefined || readout.concepts.has('kind.ladder')) facts.set('ladder.used', true, `a ladder is used (${kind})`, R);

  // Excavations.
  const hazardConcepts = readout.concepts;
  // "lift station pit 30 ft deep": a structure's depth is the excavation's when the work is the excavation itself.
  const structureDepth = facts.num('structure.depth_ft');
  if (TRENCH_KINDS.has(kind) && structureDepth !== undefined && facts.num('trench.depth_ft') === undefined) facts.set('trench.depth_ft', structureDepth, `the depth of the structure being excavated (${kind})`, R);
  // A tunnel heading is underground construction (1926.800), not an open excavation: the kind alone makes no trench of it.
  const underground = facts.bool('underground.present') === true;
  // A directional bore is an excavation for the utility rules (1926.651(b)), but the kind alone makes no open trench of it either.
  const trenchless = hazardConcepts.has('cue.trenchless');
  // Crossing over an excavation on a walkway (1926.651(l)) is no entry into it: the action's own words or a walkway record say so.
  const crossing = facts.bool('trench.crossing') === true;
  const entersTrench = facts.bool('trench.entry') === true;
  if (entersTrench || (!crossing && ((TRENCH_KINDS.has(kind) && !underground && !trenchless) || facts.num('trench.depth_ft') !== undefined))) facts.set('trench.present', true, `excavation work (${kind})`, R);
  // Protective systems protect the employees in an excavation (1926.652(a)(1)): a record or the tool call saying nobody goes in
  // (cleanout and inspection from the surface) takes the excavation out of the entry rules, unless any text puts someone in it.
  if (facts.bool('trench.present') && facts.bool('trench.entry_planned') === false && !entersTrench) facts.set('trench.no_entry', true, 'nobody enters the excavation', R);
  // The inspection keeps the strength of its source: one the action has done first beats the record.
  const inspectionFact = ['inspection.competent_person', 'inspection.text'].find((f) => facts.bool(f) !== undefined);
  if (inspectionFact) {
    const inspection = facts.bool(inspectionFact)!;
    const strength = Math.max(R, facts.strengthOf(inspectionFact) ?? R) as Strength;
    if (facts.bool('trench.present')) facts.set('trench.inspected', inspection, 'competent-person inspection', strength);
    if (kind === 'scaffold_work') facts.set('scaffold.inspected', inspection, 'competent-person inspection', strength);
  }
  if (facts.bool('trench.spoil_at_edge')) facts.set('trench.spoil_setback_ft', 0, 'spoil at the edge', R);
  if (facts.bool('trench.no_egress')) facts.set('trench.egress', false, 'no ladder or ramp in the trench', R);
  // 1926.651(c)(2): the way out must be within 25 ft of lateral travel; a ladder farther away is no egress for that worker.
  const egressFt = facts.num('trench.egress_distance_ft');
  if (egressFt !== undefined) {
    const strength = Math.max(R, facts.strengthOf('trench.egress_distance_ft') ?? R) as Strength;
    facts.set('trench.egress', egressFt <= 25, `lateral travel to the ladder ${Math.round(egressFt)} ft (25 ft at most)`, strength);
  }
  // Appendix B to Subpart P: benching is not a protective system in Type C soil.
  if (facts.get('trench.soil') === 'C' && facts.get('trench.system') === 'benching') facts.set('trench.protected', false, 'benching in Type C soil', STRENGTH.action);
  if (facts.bool('weather.rain') && facts.bool('trench.present')) facts.set('trench.cave_in_signs', true, 'rain on the excavation', R);
  // Water standing in the excavation (1926.651(h)(1)): a depth of it on record, or its mention, is water there, and a sign to inspect for.
  const waterFt = facts.num('trench.water_depth_ft');
  if (waterFt !== undefined) facts.set('trench.water', waterFt > 0, `${Math.round(waterFt * 12)} in of water in the excavation`, Math.max(R, facts.strengthOf('trench.water_depth_ft') ?? R) as Strength);
  if (facts.bool('trench.water') && facts.bool('trench.present')) facts.set('trench.cave_in_signs', true, 'water in the excavation', R);
  // A maker's approval on record ("manufacturer_approval: none") names no equipment of its own: the request says whose it is.
  // In an excavation, or beside a shield's tabulated depth, it is the protective system maker's written approval to go past its data
  // (1926.652(c)(3)); elsewhere it is the approval a crane repair or modification needs (1926.1434(a)). A fact the request
  // gives under its own name stays as given.
  const makerApproval = facts.bool('record.manufacturer_approval');
  if (makerApproval !== undefined) {
    const strength = facts.strengthOf('record.manufacturer_approval') ?? R;
    const shieldContext = facts.bool('trench.present') === true || facts.num('trench.shield_rated_depth_ft') !== undefined;
    const target = shieldContext ? 'trench.shield_deviation_approved' : 'equipment.repair_procedure';
    if (facts.bool(target) === undefined) facts.set(target, makerApproval, `${facts.builder.provenance['record.manufacturer_approval'] ?? 'record.manufacturer_approval'} (${shieldContext ? 'the trench shield' : 'the repair'})`, strength);
  }

  // Power lines.
  // 1926.962(b)-(c): a line tested for absence of voltage and then grounded at the work location is worked as deenergized;
  // grounds alone (a crane's frame, an ungrounded test) make no line dead.
  if (facts.bool('power_line.grounds_installed') === true && facts.bool('loto.verified') === true && facts.bool('power_line.deenergized') === undefined) {
    facts.set('power_line.deenergized', true, 'line tested dead and protective grounds installed', R);
  }
  if (facts.num('power_line.distance_ft') !== undefined || facts.num('power_line.voltage_kv') !== undefined) facts.set('power_line.present', true, 'a distance to or voltage of a line is given', STRENGTH.parameter);
  // 1926.961(c): a line taken out under the system operator's clearance has its disconnecting means opened and tagged,
  // which is the lockout of a line; whether it was then tested dead and grounded is judged on its own (loto.verified).
  if (facts.bool('power_line.clearance') === true && facts.bool('power_line.present') === true && facts.bool('loto.applied') === undefined) {
    facts.set('loto.applied', true, 'switching clearance on the line (1926.961(c))', R);
  }

  // Cranes.
  const load = facts.num('crane.platform_load_lbs') ?? facts.num('crane.load_lbs');
  const capacity = facts.num('crane.capacity_lbs');
  if (facts.num('crane.platform_load_lbs') !== undefined) facts.set('crane.personnel', true, 'a loaded personnel platform is given', R);
  if (load !== undefined && capacity !== undefined && capacity > 0) {
    // 1926.1417(o): the load the chart is read against includes the rigging and the hook block below the boom tip.
    const rigging = (facts.num('crane.rigging_lbs') ?? 0) + (facts.num('crane.hook_block_lbs') ?? 0);
    const pct = (100 * (load + rigging)) / capacity;
    const given = facts.num('crane.load_pct');
    if (given === undefined || pct > given) facts.set('crane.load_pct', pct, `(${load} lb load + ${rigging} lb rigging and block) / ${capacity} lb rated capacity`, STRENGTH.action);
  }

  // A load indicator reading well above what the load and its rigging weigh says something still holds the load (ASME B30.5):
  // the crane is pulling it free, not lifting it. The reading is also the load the chart is read against.
  const pull = facts.num('crane.hook_load_lbs');
  if (pull !== undefined && load !== undefined && load > 0) {
    const planned = load + (facts.num('crane.rigging_lbs') ?? 0) + (facts.num('crane.hook_block_lbs') ?? 0);
    if (pull > 1.25 * planned) facts.set('crane.load_bound', true, `the load indicator reads ${pull} lb against ${planned} lb of load and rigging`, R);
  }
  if (pull !== undefined && capacity !== undefined && capacity > 0 && (100 * pull) / capacity > (facts.num('crane.load_pct') ?? 0)) {
    facts.set('crane.load_pct', (100 * pull) / capacity, `${pull} lb on the load indicator / ${capacity} lb rated capacity`, STRENGTH.action);
  }

  // Demolition balling (1926.859(b)): the ball's share of the rated load at the boom length and angle used.
  const ball = facts.num('demolition.ball_weight_lbs');
  if (ball !== undefined && capacity !== undefined && capacity > 0) facts.set('demolition.ball_pct', (100 * ball) / capacity, `${ball} lb ball / ${capacity} lb rated load`, R);
  const lineStrength = facts.num('demolition.line_strength_lbs');
  if (ball !== undefined && lineStrength !== undefined && lineStrength > 0) facts.set('demolition.ball_line_pct', (100 * ball) / lineStrength, `${ball} lb ball / ${lineStrength} lb nominal breaking strength of the line`, R);

  // Confined spaces.
  // A flammable-gas reading alone is the hot-work test of the air around the weld (1926.352), not a space entry.
  const lelOnly = kind === 'hot_work' && ['confined_space.o2_pct', 'confined_space.h2s_ppm', 'confined_space.co_ppm'].every((f) => facts.num(f) === undefined);
  // A carbon monoxide reading alone is the exhaust monitoring of NIOSH 96-118a (a garage, a basement), not a space entry;
  // above the PEL it is a hazard of its own (co_over_exposure_limit).
  const gasKnown = ['confined_space.o2_pct', 'confined_space.h2s_ppm'].some((f) => facts.num(f) !== undefined) || (facts.num('confined_space.lel_pct') !== undefined && !lelOnly);
  // Subpart AA does not cover excavations (1926.1201(b)(1)): the air of a trench or pit is tested under 1926.651(g), so
  // readings taken in one make no confined space of it; a confined space the request names or enters still is one.
  const openExcavation = facts.bool('trench.present') === true && !underground;
  if (kind === 'confined_space' || (gasKnown && !openExcavation) || hazardConcepts.has('hazard.confined_space')) facts.set('confined_space.present', true, kind === 'confined_space' || !gasKnown ? `confined-space work (${kind})` : 'atmospheric readings of a space', R);
  // They are judged against 1926.651(g)(1) as they stand; a gas nobody measured is asked only where a hazardous atmosphere is named.
  if (openExcavation && gasKnown) {
    for (const gas of ['o2_pct', 'lel_pct', 'h2s_ppm']) {
      const v = facts.num(`confined_space.${gas}`);
      if (v !== undefined) facts.set(`trench.${gas}`, v, `confined_space.${gas} read in the excavation`, (facts.strengthOf(`confined_space.${gas}`) ?? R) as Strength);
    }
  }
  if (facts.bool('confined_space.present') && facts.bool('site.collapse')) facts.set('confined_space.entrant_down', true, 'an entrant collapsed or stopped responding', R);
  // Underground (1926.800(j)(1)) the toxic gases are tested as often as the competent person finds necessary: a hydrogen sulfide
  // reading given is judged as it stands, and one the gas check did not take is not asked for (Subpart AA's entry test does not
  // apply, 1926.1201(b)(2)).
  const h2s = facts.num('confined_space.h2s_ppm');
  if (underground && h2s !== undefined) facts.set('underground.h2s_ppm', h2s, 'confined_space.h2s_ppm read underground', (facts.strengthOf('confined_space.h2s_ppm') ?? R) as Strength);
  // 1926.1204(e)(1)-(2), 1926.1205: a planned entry whose permit tests the atmosphere before anyone goes in has no readings yet;
  // the entry waits on them. Any reading given is judged as it stands.
  const readingsGiven = ['confined_space.o2_pct', 'confined_space.lel_pct', 'confined_space.h2s_ppm', 'confined_space.co_ppm'].some((f) => facts.num(f) !== undefined);
  if (facts.bool('confined_space.present') && facts.bool('confined_space.pre_entry_testing') === true && !readingsGiven) {
    facts.set('confined_space.readings_pending', true, 'the atmosphere is to be tested before entry', R);
  }

  // Fuel-burning engines where exhaust gathers (NIOSH 96-118a): counted by the tool call, or named on an enclosed site.
  const enginesIndoors = facts.num('co.engines_indoors');
  if (enginesIndoors !== undefined) facts.set('co.engine_indoors', enginesIndoors > 0, `${enginesIndoors} fuel-burning engines indoors`, STRENGTH.parameter);
  else if (facts.bool('co.fuel_engine') && (facts.bool('site.enclosed') || facts.bool('confined_space.present'))) facts.set('co.engine_indoors', true, 'a fuel-burning engine on an enclosed site', R);
  // An engine run down in an excavation deeper than 4 ft (1926.651(g)(1)) breathes into still air: NIOSH 96-118a's partially
  // enclosed area. Forced air or a CO monitor at the bottom is the control; a record that the engine is in the pit decides.
  const depth = facts.num('trench.depth_ft') ?? facts.num('structure.depth_ft');
  const controlled = facts.bool('confined_space.ventilation') === true || facts.bool('co.monitor') === true || facts.num('confined_space.co_ppm') !== undefined;
  if (facts.bool('co.engine_in_excavation') === undefined && facts.bool('co.fuel_engine') && facts.bool('trench.present') && depth !== undefined && depth > 4 && !controlled && facts.bool('co.engine_outdoors') !== true) {
    facts.set('co.engine_in_excavation', true, `a fuel-burning engine in an excavation ${Math.round(depth)} ft deep without forced air or CO monitoring`, R);
  } else if (facts.bool('co.engine_in_excavation') === true && controlled) facts.set('co.engine_in_excavation', false, 'forced air or CO monitoring at the bottom', STRENGTH.action);

  // Hot work.
  const actionConcepts = new Set(actionView?.matches.filter((m) => !m.negated).map((m) => m.concept) ?? []);
  const torchOnSite = equipment.some((v) => v.matches.some((m) => m.concept === 'kind.hot_work'));
  const cutting = actionView?.tokens.some((t) => t.text === 'cut' || t.text === 'cutting') ?? false;
  if (kind === 'hot_work' || actionConcepts.has('kind.hot_work') || (torchOnSite && cutting)) facts.set('hot_work.present', true, `hot work (${kind})`, R);
  if (facts.bool('hot_work.present')) {
    // A distance decides: combustibles "cleared" to 15 ft are still within the 35 ft of 1910.252(a)(2).
    const clearedFt = facts.num('hot_work.combustibles_cleared_ft');
    const cleared = clearedFt !== undefined ? clearedFt >= 35 : facts.bool('hot_work.combustibles_cleared') === true;
    if (cleared) facts.set('hot_work.combustibles_near', false, 'combustibles cleared 35 ft or more', R);
    else if (facts.bool('hot_work.combustibles_mentioned') || clearedFt !== undefined) facts.set('hot_work.combustibles_near', true, 'combustibles named near the hot work', R);
  }

  // Shores and props (1926.703(a)(1), (b)(4)): a reading above the safe working load, or a record that counts readings over it.
  const shoreLoad = facts.num('shoring.load_lbs');
  const shoreRated = facts.num('shoring.rated_lbs');
  if (shoreLoad !== undefined && shoreRated !== undefined && shoreRated > 0) {
    facts.set('shoring.overloaded', shoreLoad > shoreRated, `shore load ${Math.round(shoreLoad)} lb against ${Math.round(shoreRated)} lb safe working load`, STRENGTH.parameter);
  }
  const overRating = facts.num('shoring.readings_over_rating');
  if (overRating !== undefined && overRating > 0) facts.set('shoring.overloaded', true, `${overRating} shore readings over the safe working load`, STRENGTH.action);

  // Hoists (1926.552(b)(1)(ii)): people riding a hoist built for materials.
  const riders = facts.num('hoist.riders');
  if (facts.bool('hoist.material') === true && ((riders !== undefined && riders > 0) || facts.bool('hoist.ridden') === true)) {
    facts.set('hoist.riders_on_material', true, riders !== undefined ? `${riders} riders on a material hoist` : 'people ride a material hoist', STRENGTH.parameter);
  }

  // Crane assembly and disassembly (1926.1403-1405): presence from what the work names or the record gives.
  // A blocked boom alone says nothing about cranes (an excavator's boom is lowered to the ground for a hose change).
  const adGiven = ['crane.ad_director', 'crane.pendants_tensioned'].some((f) => facts.get(f) !== undefined);
  if (adGiven || hazardConcepts.has('cue.crane_assembly')) facts.set('crane.assembly', true, 'crane assembly or disassembly', R);

  // Ground under the crane (1926.1402): the outrigger pressure against what the ground allows decides.
  const pressure = facts.num('crane.ground_pressure_psi');
  const allowable = facts.num('crane.ground_allowable_psi');
  if (pressure !== undefined && allowable !== undefined && allowable > 0) {
    const fits = pressure <= allowable;
    facts.set('crane.ground_assessed', fits, `bearing pressure ${Math.round(pressure)} psi against ${Math.round(allowable)} psi allowable`, fits ? STRENGTH.parameter : STRENGTH.action);
  }

  // Forms and shores (1926.703(e)): the tested strength against the strength the plans set for stripping.
  const tested = facts.num('concrete.strength_psi');
  const needed = facts.num('concrete.strip_strength_psi');
  if (needed !== undefined) facts.set('concrete.stripping', true, 'a stripping strength is given', R);
  if (tested !== undefined && needed !== undefined && needed > 0) facts.set('concrete.strength_pct', (100 * tested) / needed, `${tested} psi tested / ${needed} psi required to strip`, STRENGTH.parameter);

  // Hazardous energy. Boom sections being taken apart are held by blocking and slack pendants (1926.1404-1405), not by a lock.
  // Pulling new conductors into a raceway installs them: the pull services no circuit, so the kind alone asks for no lockout
  // (live work, a lockout record or a circuit the text names still decide).
  const cablePull = facts.bool('pull.present') === true || ['pull.expected_lbs', 'pull.rope_strength_lbs'].some((f) => facts.num(f) !== undefined);
  // Inflating a multi-piece rim wheel is rim-wheel servicing (1910.177 via 1926.600(a)(2)): the tire's own energy is held by its
  // restraining device, judged by its own rule, so the kind alone asks for no lockout (a lockout record or live work still decide).
  const rimService = facts.bool('tire.multi_piece') === true && facts.bool('tire.restraint') !== undefined;
  // An emergency response that cuts the power to free a casualty (MedlinePlus: turn off the source, then give first aid) services
  // no circuit either: the kind read from its words asks for no lockout; a lockout record, an isolation the tool call denies
  // ("power_isolated: false") or live work still decide.
  const emergency = facts.bool('task.emergency_response') === true;
  if ((LOTO_KINDS.has(kind) && !rimService && !emergency && !facts.bool('crane.assembly') && !(kind === 'electrical_work' && cablePull)) || facts.strengthOf('loto.applied') === STRENGTH.parameter || facts.bool('loto.live_work')) facts.set('loto.required', true, `servicing equipment or circuits (${kind})`, R);
  if (facts.bool('loto.stored_energy') === false && facts.bool('loto.applied') !== false) facts.set('loto.verified', false, 'stored energy not blocked', R);

  // Silica.
  if (facts.bool('silica.mentioned') || hazardConcepts.has('condition.silica_task')) facts.set('silica.task', true, 'cutting or grinding concrete or masonry', R);
  if (facts.bool('silica.dry')) facts.set('silica.controls', false, 'dry cutting', STRENGTH.action);

  // Compressed gas cylinders named in a crane lift are hoisted (1926.350(a)(2)).
  if (kind === 'crane_lift' && facts.bool('cylinder.mentioned')) facts.set('cylinder.hoisted', true, 'gas cylinders in a crane lift', R);
  // LP-gas containers kept inside a building (1926.153(j)): a storage place indoors, with LP-gas named in the request.
  if (facts.bool('lpg.present') && facts.bool('lpg.storage_indoors') === true) facts.set('lpg.stored_indoors', true, 'LP-gas containers stored inside', R);
  // Flaggers counted by a record control traffic.
  const flaggers = facts.num('traffic.flaggers');
  if (flaggers !== undefined && flaggers > 0) facts.set('traffic.flagging', true, `${flaggers} flaggers`, R);

  // Chainsaws (1910.266(e)(2)): both hands on the handles, secure footing, nothing above the shoulder.
  const hands = facts.num('chainsaw.hands');
  if (facts.bool('chainsaw.present') || hands !== undefined) {
    const oneHand = (hands !== undefined && hands < 2) || (hands === undefined && facts.bool('chainsaw.one_handed') === true);
    const fromLadder = kind === 'ladder';
    if (oneHand || facts.bool('chainsaw.above_shoulder') === true || fromLadder) facts.set('chainsaw.unsafe_position', true, oneHand ? 'the chainsaw is held with one hand' : fromLadder ? 'the chainsaw is run from a ladder' : 'the chainsaw is used above the shoulder', R);
  }
  // A buffer the tool call says is clear stays clear; a record of vehicles put in it is read as it stands.
  if (facts.bool('traffic.buffer_clear') === false) facts.set('traffic.buffer_occupied', true, 'the buffer space is not clear', R);
  // Batch cs-dev-661..700.
  // The public below overhead work is protected by any one of a shed or canopy, netting or a catch platform, or the walkway
  // closed and diverted (1926.451(h)(2), 1926.502(j)); one of them missing says nothing of the others.
  const guarded = ['public.canopy', 'public.netting', 'public.diverted'].find((f) => facts.bool(f) === true);
  if (guarded) facts.set('public.overhead_protection', true, `${guarded} in place`, STRENGTH.action);
  // A land crane on a barge lifts on a chart reduced for list, trim, wave action and wind (1926.1437(n)(1)): its land chart is not one.
  if (facts.bool('crane.on_barge') === true && facts.bool('crane.land_chart') === true && facts.bool('crane.barge_chart') !== true) facts.set('crane.barge_chart', false, 'the land load chart on a barge', STRENGTH.action);
  // Shores, sheeting or a shield pulled out of a trench are the excavation's support (1926.652(e)), not concrete shores:
  // with no stripping strength on record they ask nothing of the concrete.
  if (facts.bool('trench.support_removal') === true && facts.bool('trench.present') === true && facts.num('concrete.strip_strength_psi') === undefined && facts.num('concrete.strength_pct') === undefined) {
    facts.set('concrete.stripping', false, 'trench supports, not concrete shores', STRENGTH.action);
  }

  // A crane's out-of-level tolerance is often given as a percent of grade: 1% is 0.57 degrees.
  const levelPct = facts.num('crane.level_limit_pct');
  if (levelPct !== undefined && facts.num('crane.level_limit_deg') === undefined) facts.set('crane.level_limit_deg', (Math.atan(levelPct / 100) * 180) / Math.PI, `${levelPct}% of grade`, R);
  const offPct = facts.num('crane.out_of_level_pct');
  if (offPct !== undefined) facts.set('crane.out_of_level_deg', (Math.atan(offPct / 100) * 180) / Math.PI, `${offPct}% of grade`, R);

  // Batch cs-dev-701..740.
  // 1926.502(d)(10)(i): each worker on a vertical lifeline of his own; workers on a platform counted against the lines rigged.
  const lines = facts.num('fall.vertical_lifelines') ?? (facts.bool('fall.horizontal_lifeline') === true ? undefined : facts.num('fall.lifelines'));
  const onPlatform = facts.num('fall.workers_on_platform');
  if (facts.num('fall.workers_per_line') === undefined && lines !== undefined && lines >= 1 && onPlatform !== undefined && onPlatform > lines) {
    facts.set('fall.workers_per_line', Math.ceil(onPlatform / lines), `${onPlatform} workers on ${lines} vertical lifeline${lines === 1 ? '' : 's'}`, STRENGTH.parameter);
  }
  // A swing fall: the angle of the line from an overhead anchorage to a worker off to its side.
  const lateral = facts.num('fall.anchor_lateral_ft');
  const anchorAbove = facts.num('fall.anchor_height_ft');
  if (lateral !== undefined && anchorAbove !== undefined && lateral > 0) {
    facts.set('fall.swing_angle_deg', Math.round((Math.atan2(lateral, Math.max(anchorAbove, 0)) * 180) / Math.PI), `${lateral} ft to the side of an anchorage ${anchorAbove} ft above the walking surface`, R);
  }
  // Trucks loaded by a machine (1926.651(e)): a driver beside the truck while it is loaded.
  if (facts.bool('vehicle.loading') === true && facts.bool('vehicle.driver_beside_truck') !== undefined) {
    facts.set('vehicle.driver_beside_loading', facts.bool('vehicle.driver_beside_truck')!, 'where the driver stands while the truck is loaded', R);
  }
  // A shield shorter than the excavation is deep leaves the face above its top (Subpart P Appendix B).
  const shieldFt = facts.num('trench.shield_height_ft');
  const trenchFt = facts.num('trench.depth_ft');
  if (facts.num('trench.shield_top_below_grade_ft') === undefined && shieldFt !== undefined && trenchFt !== undefined) {
    facts.set('trench.shield_top_below_grade_ft', Math.max(0, trenchFt - shieldFt), `${trenchFt} ft excavation, ${shieldFt} ft shield`, R);
  }

  // Batch cs-dev-741..780. Passengers counted on a vehicle or machine with no passenger seat ride unseated (1926.601(b)(8)).
  const passengers = facts.num('hoist.riders');
  if (facts.bool('vehicle.passenger_seat') === false && passengers !== undefined && passengers > 0 && facts.bool('hoist.material') !== true) {
    facts.set('vehicle.riding_unseated', true, `${passengers} passengers and no passenger seat`, STRENGTH.parameter);
  }

  // Batch cs-dev-861..900.
  // Abrasive wheels (1926.303): the rest gap in inches, a wheel rated below the spindle speed, and a grinder named by its numbers.
  const restFt = facts.num('grinder.rest_gap_ft');
  if (restFt !== undefined) facts.set('grinder.rest_gap_in', Math.round(restFt * 12 * 1000) / 1000, `${restFt} ft`, (facts.strengthOf('grinder.rest_gap_ft') ?? R) as Strength);
  const spindle = facts.num('grinder.spindle_rpm');
  const wheelRated = facts.num('grinder.wheel_rated_rpm');
  if (spindle !== undefined && wheelRated !== undefined && wheelRated > 0) facts.set('grinder.overspeed', spindle > wheelRated, `spindle ${spindle} rpm against a wheel rated ${wheelRated} rpm`, STRENGTH.parameter);
  if (['grinder.rest_gap_ft', 'grinder.spindle_rpm', 'grinder.wheel_rated_rpm', 'grinder.guard_fitted'].some((f) => facts.get(f) !== undefined)) facts.set('grinder.present', true, 'an abrasive wheel is described', R);
  // Arc radiation (1926.102): a filter lens named protects; clear safety glasses named, and no filter lens, do not.
  // Clear safety glasses are safety eyewear (1926.102(a)(1)), whatever they do at an arc.
  if (facts.bool('eye.clear_lens') === true && facts.bool('eye.protected') === undefined) facts.set('eye.protected', true, 'clear safety glasses worn', STRENGTH.observed);
  if (facts.bool('eye.filter_lens') === true) facts.set('eye.arc_filter', true, 'a filter lens of a shade', R);
  else if (facts.bool('eye.clear_lens') === true || facts.bool('eye.filter_lens') === false || facts.bool('eye.street_glasses') === true) facts.set('eye.arc_filter', false, 'clear or street glasses, or no filter lens, at the arc', R);
  // Pile cut-off (1926.603(c)(3)): cut-off words in a request about piles; the cutters keep twice the longest pile from the driver.
  if (facts.bool('pile.cutoff_words') === true && (facts.bool('pile.mentioned') === true || facts.num('pile.longest_ft') !== undefined)) facts.set('pile.cutoff', true, 'pile tops cut off', R);
  const longest = facts.num('pile.longest_ft');
  if (longest !== undefined) facts.set('pile.cutoff_required_ft', 2 * longest, `twice the ${longest} ft longest pile`, R);
  // Pan stairs whose pans are said to be empty are not filled (1926.1052(b)).
  if (facts.bool('stair.pans_unfilled') === true && facts.bool('stair.pans_filled') === undefined) facts.set('stair.pans_filled', false, 'the pans are empty', R);
  // A gas reading taken in the excavation says its air was tested (1926.651(g)(1)(i)); the reading is judged on its own.
  const airTest = facts.bool('confined_space.tested');
  if (facts.bool('trench.air_tested') === undefined && facts.bool('trench.present') === true && airTest !== undefined) facts.set('trench.air_tested', airTest, 'the air test on record', (facts.strengthOf('confined_space.tested') ?? R) as Strength);
  if (facts.bool('trench.air_tested') === undefined && ['trench.o2_pct', 'trench.lel_pct', 'trench.h2s_ppm', 'confined_space.o2_pct', 'confined_space.lel_pct'].some((f) => facts.num(f) !== undefined)) facts.set('trench.air_tested', true, 'a gas reading is given', R);
  // Air pressure on a container, in a request that names a flammable liquid (1926.152(e)).
  if (facts.bool('flammable.air_pushed') === true && readout.concepts.has('cue.flammable_liquid')) facts.set('flammable.air_transfer', true, 'air pressure on a container of flammable liquid', R);
  // A forklift driving into a trailer (1910.178(k)): the words of the entry, with a powered industrial truck in the request.
  if (facts.bool('vehicle.trailer_entry') === true && (facts.bool('equipment.powered_truck') === true || readout.concepts.has('cue.powered_truck'))) facts.set('vehicle.trailer_boarded', true, 'a forklift drives into the trailer', R);

  // "workers_below: 2" on a demolition names people under the floor being broken out, not an excavation's entry (1926.855).
  if (kind === 'demolition' && facts.bool('trench.present') !== true && facts.num('demolition.workers_below') === undefined && facts.bool('trench.entry_planned') === true && /below|beneath|underneath/.test(facts.builder.provenance['trench.entry_planned'] ?? '')) {
    facts.set('demolition.below_occupied', true, facts.builder.provenance['trench.entry_planned'] ?? 'workers below', STRENGTH.parameter);
  }
  // A powder-actuated fastener's distance from the edge, in inches (ANSI A10.3: 3 in. at least).
  const edgeFt = facts.num('pat.edge_distance_ft');
  if (edgeFt !== undefined) facts.set('pat.edge_distance_in', Math.round(edgeFt * 12 * 100) / 100, `${edgeFt} ft`, (facts.strengthOf('pat.edge_distance_ft') ?? R) as Strength);

  // Demolition, weather.
  if (facts.bool('weather.outdoors')) facts.set('weather.indoors', false, 'outdoors', R);
  if (kind === 'demolition' && facts.bool('demolition.survey') === undefined && facts.bool('demolition.structural')) facts.set('demolition.structural', true, 'structural members', R);
}
