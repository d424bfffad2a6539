import type { PhraseMatch, Quantity, Token } from '../reading/text.js';
import { toCelsius, toFeet, toHours, toKilovolts, toMph, toPounds } from '../reading/units.js';
import { type FactWriter, STRENGTH, type Strength } from './fact-writer.js';
import { slopeIn } from './slope.js';
import { conceptsNear, isHypothetical, isNegated, matchesOverlapping, matchesStarting, saysAbsent, type TextView, wordsOf } from './text-view.js';

/** What each family of controls, named in free text, says about the facts. */
function controlFact(m: PhraseMatch, view: TextView): string | undefined {
  const p = m.phrase;
  switch (m.concept) {
    case 'control.fall':
      return 'fall.protected';
    case 'control.release_walkdown':
      return 'loto.release_equipment_checked';
    case 'control.stairwell_cover':
      return 'demolition.stairwell_covered';
    case 'control.ladder_setup':
      return 'ladder.setup_secured';
    case 'control.trench':
      return 'trench.protected';
    case 'control.wheel_chock':
      return 'vehicle.wheels_chocked';
    case 'control.ramp_secured':
      return 'dock.ramp_secured';
    case 'control.loto':
      if (p.startsWith('zero')) return 'loto.verified';
      // "lock all four casters", "locked the gate": a wheel, brake or door locked is no energy source locked out.
      if ((p === 'lock' || p === 'locks') && LOCKED_PARTS.has(objectAfter(view, m.last + 1))) return undefined;
      // "(de-energized)" next to a power line is about the line, not a lockout.
      if (conceptsNear(view, m.first, m.last, 6).some((c) => c.concept === 'hazard.power_line')) return 'power_line.deenergized';
      return 'loto.applied';
    case 'control.power':
      // "bucket grounded", "forks grounded": an attachment set down on the ground, not a line earthed.
      if (p === 'grounded' && SET_DOWN.has(view.tokens[m.first - 1]?.text ?? '')) return undefined;
      // "grounded", "de-energized and grounded": the line is earthed; "ground barriers" and goalposts keep plant away from a live one.
      return p.startsWith('grounded') || p === 'grounds' || p.includes('and grounded') ? 'power_line.deenergized' : p === 'encroachment plan' ? undefined : 'power_line.encroachment_controls';
    case 'control.fire':
      if (p.startsWith('fire watch')) return 'hot_work.fire_watch';
      if (p.startsWith('hot work')) return 'hot_work.permit';
      return p.startsWith('extinguisher') ? 'hot_work.extinguisher' : undefined;
    case 'control.heat_water':
      return 'heat.water';
    case 'control.heat_shade':
      return 'heat.shade';
    case 'control.heat_station':
      return 'heat.controls';
    case 'control.heat_rest':
      return p === 'water rest shade' ? 'heat.controls' : 'heat.rest';
    case 'control.lift':
      if (p.startsWith('tag')) return 'crane.tag_lines';
      if (p.startsWith('signal')) return 'crane.signal_person';
      if (p === 'trial lift') return 'crane.trial_lift';
      if (p === 'lift plan') return 'crane.lift_plan';
      return p.startsWith('spotter') || p.startsWith('ground guide') || p === 'banksman' ? 'site.spotter' : undefined;
    case 'control.crane_setup':
      // A bare mention of outriggers ("a leak on an outrigger") says nothing about how they are set.
      if (p.startsWith('outrigger')) return saysAbsent(view, m) || conceptsNear(view, m.first, m.last, 4).some((c) => c.concept === 'status.positive') ? 'crane.outriggers_extended' : undefined;
      return p.startsWith('ground') ? 'crane.ground_assessed' : undefined;
    case 'control.cse':
      if (p === 'attendant' || p.includes('standby') || p.includes('stand by') || p === 'hole watch') return 'confined_space.attendant';
      if (p.startsWith('pre entry') || p.includes('before entry')) return 'confined_space.pre_entry_testing';
      if (p.startsWith('ventilat') || p === 'blower' || p === 'fan' || p === 'forced air') return 'confined_space.ventilation';
      if (p.includes('gas') || p.includes('test') || p.includes('monitor')) return 'confined_space.tested';
      if (p === 'retrieval' || p === 'tripod' || p === 'winch' || p.startsWith('rescue')) return 'confined_space.rescue';
      return 'confined_space.respiratory';
    case 'control.silica':
      return 'silica.controls';
    case 'control.water':
      // "pumping concrete" moves concrete, not water.
      // "pumping concrete" moves no water.
      return view.tokens[m.last + 1]?.text === 'concrete' ? undefined : 'trench.dewatering';
    case 'control.fume':
      return 'hot_work.fume_exhaust';
    case 'control.hearing':
      return 'noise.hearing_protection';
    case 'control.container_clean':
      return 'hot_work.container_cleaned';
    case 'control.survey':
      return 'demolition.survey';
    case 'control.pe_design':
      return 'trench.pe_design';
    case 'control.briefing':
      return 'crew.briefed';
    case 'control.inspection':
      return 'inspection.text';
    case 'control.work_zone_sign':
      return 'traffic.advance_signs';
    case 'control.flagger_light':
      return 'traffic.station_lit';
    case 'control.device':
      // A reverse (back-up) alarm is the vehicle's own safeguard when it backs up (1926.601(b)(4)).
      return p.startsWith('revers') || p.startsWith('back') ? 'vehicle.reverse_alarm' : 'device.present';
    default:
      return undefined;
  }
}

/** Words of a lanyard's connector: a tie-back is read only in a field that names one. */
const LANYARD_WORDS = new Set(['lanyard', 'lanyards', 'snaphook', 'snaphooks', 'snap', 'hook', 'hooks', 'hooked', 'webbing']);

/** Parts that are locked in place rather than locked out. */
const LOCKED_PARTS = new Set(['caster', 'casters', 'wheel', 'wheels', 'brake', 'brakes', 'swivel', 'swivels', 'gate', 'gates', 'door', 'doors', 'hatch', 'hatches', 'pin', 'pins', 'cover', 'covers', 'outrigger', 'outriggers', 'turntable', 'cab', 'trailer', 'container', 'box', 'cabinet', 'jacks', 'legs', 'leveling', 'levelling']);
const OBJECT_SKIP = new Set(['the', 'a', 'an', 'all', 'both', 'its', 'their', 'four', 'two', 'each', 'every', 'down', 'up', 'in']);
/** The first word after `from` that is not a determiner or a count ("lock all four casters" gives "casters"). */
function objectAfter(view: TextView, from: number): string {
  let j = from;
  while (j < view.tokens.length && j <= from + 3 && (OBJECT_SKIP.has(view.tokens[j].text) || view.tokens[j].kind === 'number')) j++;
  return view.tokens[j]?.text ?? '';
}

/** Attachments of a machine that are "grounded" when set down on the ground. */
const SET_DOWN = new Set(['bucket', 'buckets', 'blade', 'blades', 'forks', 'fork', 'attachment', 'attachments', 'boom', 'load', 'hook']);

/** Things whose own length a measure right before them gives ("90 ft line", "50 ft hose"). */
const LENGTH_OF_THING = new Set(['line', 'lines', 'rope', 'ropes', 'cord', 'cords', 'hose', 'hoses', 'cable', 'cables', 'chain', 'chains']);
/** Words right after a measure that put it below something ("at 2.6 m under it"). */
/** Determiners that open a verb's object ("slid the bundle", "rolled a coil"). */
const TRANSITIVE_OBJECT = new Set(['the', 'a', 'an', 'it', 'them', 'its', 'their', 'each', 'both', 'this', 'that', 'those', 'these']);
/** Words that make a depth a limit: "max depth", "rated to", "tabulated depth", "allowable depth". */
const RATING_WORDS = new Set(['max', 'maximum', 'rated', 'rating', 'tabulated', 'allowable', 'allowed', 'permitted']);
/** What a depth rating is of: a trench shield or box, or the maker's tabulated data for it. */
const SHIELD_RATING_WORDS = new Set(['shield', 'shields', 'box', 'boxes', 'tab', 'tabulated', 'slide', 'shoring']);
/**
 * A depth a shield or its tabulated data is rated for: a rating word within the few words before the number, and a
 * shield word in the same sentence. "Dig to a maximum depth of 12 ft" (no shield in its sentence) is the cut's depth.
 */
function shieldRatedDepth(tokens: readonly Token[], at: number): boolean {
  let rated = false;
  let shield = false;
  for (let i = at - 1; i >= 0 && i >= at - 12; i--) {
    if (tokens[i].kind === 'break' && SENTENCE_ENDS.has(tokens[i].text)) break;
    if (i >= at - 6 && RATING_WORDS.has(tokens[i].text)) rated = true;
    if (SHIELD_RATING_WORDS.has(tokens[i].text)) shield = true;
  }
  for (let i = at + 1; !shield && i < tokens.length && i <= at + 8; i++) {
    if (tokens[i].kind === 'break' && SENTENCE_ENDS.has(tokens[i].text)) break;
    if (SHIELD_RATING_WORDS.has(tokens[i].text)) shield = true;
  }
  return rated && shield;
}
const BELOW_WORDS = new Set(['under', 'below', 'beneath', 'underneath', 'deep', 'bgs']);
/** Participles that say where a thing was put, not where someone works; and words of a set limit ("range limiter set to stop slewing at 25 m"). */
const PLACED = new Set(['hung', 'mounted', 'routed', 'strung', 'stored', 'stacked', 'racked', 'posted', 'fixed', 'bracketed', 'limiter', 'limiters', 'limited', 'capped']);
/** Whether one of the six tokens before `at` (same clause) says a thing was put there. */
function placedObject(tokens: readonly Token[], at: number): boolean {
  for (let j = at - 1; j >= 0 && j >= at - 6; j--) {
    if (tokens[j].clause !== tokens[at].clause) return false;
    if (PLACED.has(tokens[j].text)) return true;
  }
  return false;
}

/** Sources that say what is done with the cylinders (not the equipment list or the hazard list). */
const CYLINDER_SOURCES = new Set(['action', 'parameter', 'task', 'observation']);
const CYLINDER_TOKENS = new Set(['cylinder', 'cylinders', 'bottle', 'bottles']);
const CONTAINER_TOKENS = new Set(['cylinder', 'cylinders', 'bottle', 'bottles', 'tank', 'tanks', 'containers']);
const LPG_WORDS = ['propane', 'lp', 'lpg'];
/** How each word about a cylinder's rigging or fittings sets its fact. */
const CYLINDER_STATE = new Map([['cue.choker', 'cylinder.choker'], ['cue.cylinder_carrier', 'cylinder.cradle'], ['cue.regulator', 'cylinder.regulators_on'], ['cue.valve_cap', 'cylinder.caps_on']]);
/** Words after a regulator or cap that say it is on, or off. */
const FITTED_AFTER = new Set(['on', 'attached', 'fitted', 'connected', 'installed', 'mounted', 'secured', 'screwed']);
const OFF_AFTER = new Set(['off', 'removed', 'detached', 'disconnected', 'pulled', 'stripped', 'missing', 'gone']);
const CARRIER_UNFIT = new Set(['damaged', 'broken', 'bent', 'unavailable', 'not']);
/** Verbs before a regulator or cap that take it off, or put it on. */
const TAKE_OFF_BEFORE = new Set(['remove', 'removed', 'removing', 'pull', 'pulled', 'take', 'took', 'taken', 'strip', 'stripped', 'detach', 'detached', 'unscrew', 'unscrewed', 'disconnect', 'disconnected']);
const PUT_ON_BEFORE = new Set(['put', 'screw', 'screwed', 'install', 'installed', 'fit', 'fitted', 'replace', 'replaced', 'cap', 'capped']);
/** A word that leaves the fitting where it is: "leave the regulators on" keeps them on. */
const LEAVE_BEFORE = new Set(['leave', 'left', 'keep', 'kept', 'with']);

/**
 * The state a word about a cylinder's rigging or fittings says: a choker or magnet named is used, a cradle or
 * cage named holds them ("no cradle" does not), a regulator or cap is on or off by the words around it.
 */
function cylinderStateOf(view: TextView, m: PhraseMatch): boolean | undefined {
  if (m.concept === 'cue.choker') return !isNegated(view, m);
  if (isNegated(view, m)) return false;
  const clause = view.tokens[m.first].clause;
  // A cage or cradle is there unless a word right after it, before any comma, says it is not ("cage damaged").
  if (m.concept === 'cue.cylinder_carrier') {
    for (let j = m.last + 1; j <= m.last + 2 && j < view.tokens.length; j++) {
      const t = view.tokens[j];
      if (t.kind === 'break' || t.clause !== clause || (t.kind === 'symbol' && t.text === ',')) break;
      if (OFF_AFTER.has(t.text) || CARRIER_UNFIT.has(t.text)) return false;
    }
    return true;
  }
  for (let j = m.last + 1; j <= m.last + 3 && j < view.tokens.length; j++) {
    const t = view.tokens[j];
    if (t.kind === 'break' || t.clause !== clause || (t.kind === 'symbol' && t.text === ',')) break;
    // "regulators not removed", "caps not on": the word after "not" is denied.
    const denied = view.tokens[j - 1]?.text === 'not' && j - 1 > m.last;
    if (OFF_AFTER.has(t.text)) return denied;
    if (FITTED_AFTER.has(t.text)) return !denied;
  }
  for (let j = m.first - 1; j >= 0 && j >= m.first - 3; j--) {
    const t = view.tokens[j];
    if (t.kind === 'break' || t.clause !== clause) break;
    if (TAKE_OFF_BEFORE.has(t.text)) return false;
    if (PUT_ON_BEFORE.has(t.text) || LEAVE_BEFORE.has(t.text)) return true;
  }
  return saysAbsent(view, m) ? false : undefined;
}

/** Control families that a removal verb just before ("skip the advance signs") does without. */
const DONE_WITHOUT = new Set(['control.work_zone_sign', 'control.flagger_light']);
/** Whether a removal verb ("skip", "drop", "forget") stands within three words before the control, in its clause. */
function removalBefore(view: TextView, m: PhraseMatch): boolean {
  return matchesStarting(view, m.first - 4, m.first - 1).some((c) => c.concept === 'verb.remove' && c.last < m.first && c.last >= m.first - 3 && c.clause === m.clause && !c.negated);
}

/** What a thing comes "back in" when it returns: service, use, operation. */
const RETURN_STATES = new Set(['service', 'use', 'operation', 'production', 'commission']);
/** Sources that report what has happened on site (an observation, a hazard list), not what the action will do. */
const REPORTED = new Set(['observation', 'hazard']);
/** Past forms of taking a control away: "glazier pulled the guardrail panel", "removed the dead-front", "took the gate off". */
const PAST_REMOVAL = new Set(['pulled', 'removed', 'took', 'stripped', 'dismantled', 'unbolted', 'unpinned', 'detached', 'disabled', 'bypassed', 'defeated', 'disconnected', 'knocked']);
/**
 * Class: a report that someone took a control away ("pulled the stair tower guardrail panel") says it is gone now, whatever
 * is promised for later ("said they'd reset Monday"). The verb stands up to five words before the control, in its clause,
 * with no other control or punctuation between them; "was removed and reinstalled" is read by the status words after it.
 */
function pastRemovalBefore(view: TextView, m: PhraseMatch): boolean {
  const clause = view.tokens[m.first].clause;
  let words = 0;
  for (let k = m.first - 1; k >= 0 && words < 5; k--) {
    const t = view.tokens[k];
    if (t.clause !== clause || t.kind === 'break' || (t.kind === 'symbol' && t.text !== '-')) return false;
    if (t.kind === 'word' || t.kind === 'number') words++;
    // "removed debris from the guardrail": past a preposition the verb's object is something else.
    if (RESTORED.has(t.text) || REMOVAL_OBJECT_ENDS.has(t.text)) return false;
    if (PAST_REMOVAL.has(t.text)) return !isNegated(view, m) && !NEGATORS_BEFORE.has(view.tokens[k - 1]?.text ?? '');
  }
  return false;
}
/** Words between "in" and the protective system it names: determiners, a size, a material ("in a 1.5 m steel trench box"). */
const INSIDE_SKIP = new Set(['a', 'an', 'the', 'their', 'its', 'our', 'm', 'ft', 'foot', 'feet', 'metre', 'meter', 'metres', 'meters', "'", '-', 'x', 'steel', 'aluminum', 'aluminium', 'hydraulic', 'modular', 'two', 'four', 'eight', 'deep', 'tall', 'high']);
const INSIDE_WORDS = new Set(['in', 'inside', 'within', 'into']);
/** Whether the words just before a protective system put the work in it ("in a 1.5 m trench box"). */
function workedInside(view: TextView, first: number): boolean {
  for (let k = first - 1; k >= 0 && k >= first - 6; k--) {
    const t = view.tokens[k];
    if (t.clause !== view.tokens[first].clause) return false;
    if (INSIDE_WORDS.has(t.text)) return true;
    if (t.kind !== 'number' && !INSIDE_SKIP.has(t.text)) return false;
  }
  return false;
}
/** Words around "tandem" that make it a vehicle's axles. */
const AXLE_WORDS = new Set(['axle', 'axles', 'axel', 'axels', 'dump', 'dumps', 'trailer', 'trailers', 'wheels', 'wheel', 'drive', 'tractor', 'truck', 'trucks', 'tires', 'tyres']);
const AXLE_BEFORE = new Set(['rear', 'front', 'trailer', "trailer's", 'tractor', 'truck', 'sliding']);
/** Words that put a control back: "removed and replaced the guardrail" ends with the rail in place. */
const RESTORED = new Set(['replaced', 'reinstalled', 'installed', 'reset', 'restored', 'refitted', 'fixed', 'repaired', 'new', 'put', 'back', 'reattached', 'rehung']);
const REMOVAL_OBJECT_ENDS = new Set(['from', 'of', 'off', 'near', 'by', 'at', 'on', 'to', 'with', 'behind', 'under', 'beside', 'around', 'for']);
const NEGATORS_BEFORE = new Set(['not', 'never', "wasn't", "weren't", "hasn't", "haven't", 'nobody', 'no']);

/** Breaks that end a sentence (a clause break such as "since" or "but" does not). */
const SENTENCE_ENDS = new Set(['.', '!', '?', ';', '\n']);

/** "ride on", "riding on" read as a position ("ride on the lift arms") still say someone rides. */
const RIDING = ['rid', 'rode'];

/** The rails of a guardrail, as the fall-control phrases spell them. */
const RAILS = ['rail', 'railing'];

/** Conditions named in free text, and the fact each one sets when affirmed (a negation sets it false). */
const CONDITION_FACTS: Record<string, string> = {
  'symptom.heat': 'heat.symptoms',
  'event.collapse': 'site.collapse',
  'symptom.fatigue': 'crew.fatigued',
  'event.near_miss': 'site.near_miss',
  'condition.defect': 'equipment.defect',
  'hazard.cave_in_sign': 'trench.cave_in_signs',
  'hazard.rain': 'weather.rain',
  'hazard.wet': 'weather.wet',
  'hazard.lightning': 'weather.lightning',
  'hazard.low_light': 'site.low_light',
  'condition.untrained': 'crew.untrained',
  'condition.pressure': 'site.schedule_pressure',
  'condition.acclimatized': 'heat.acclimatized',
  'condition.new_to_heat': 'heat.new_to_heat',
  'condition.dry_cutting': 'silica.dry',
  'condition.silica_task': 'silica.mentioned',
  'condition.combustible': 'hot_work.combustibles_mentioned',
  'condition.container': 'hot_work.container_mentioned',
  'condition.structural': 'demolition.structural',
  'condition.indoors': 'weather.indoors',
  'condition.outdoors': 'weather.outdoors',
  'hazard.power_line': 'power_line.present',
  'hazard.trench_entry': 'trench.entry',
  'hazard.fall_exposure': 'fall.exposure',
  'hazard.live_work': 'loto.live_work',
  'hazard.under_load': 'crane.workers_under_load',
  'hazard.spoil_at_edge': 'trench.spoil_at_edge',
  'hazard.no_egress': 'trench.no_egress',
  'condition.hand_dig': 'trench.hand_dig',
  'cue.powered_truck': 'equipment.powered_truck',
  'meta.address': 'request.addressed_to_guardrail',
  'kind.personnel_platform': 'crane.personnel',
  'condition.enclosed': 'site.enclosed',
  'condition.alternate_entry': 'confined_space.alternate_entry',
  'hazard.ladder_top': 'ladder.top_step',
  'hazard.open_enclosure': 'electrical.live_parts_exposed',
  'condition.multi_piece_rim': 'tire.multi_piece',
  'condition.dry_cleanup': 'silica.dry_cleanup',
  'condition.shore_removal': 'concrete.stripping',
  'hazard.under_boom': 'crane.worker_under_boom',
  'condition.multi_crane': 'crane.multiple',
  'condition.suspended_scaffold': 'scaffold.suspended',
  'cue.flagger': 'traffic.flagging',
  'condition.underground': 'underground.present',
  'condition.post_tensioning': 'post_tensioning.present',
  'hazard.behind_jack': 'post_tensioning.worker_behind_jack',
  'condition.lift_slab': 'lift_slab.present',
  'condition.facial_hair': 'respirator.facial_hair',
  'cue.safety_monitor': 'roof.safety_monitor',
  'cue.roof_machine': 'roof.mechanical_equipment',
  'hazard.swing_radius': 'site.worker_in_swing_radius',
  'condition.corrosive': 'chemical.corrosive',
  'hazard.ignition_source': 'ignition.present',
  // Batch H.
  'condition.cement_burn': 'cement.burn_signs',
  'condition.wet_cement_contact': 'cement.wet_contact',
  'condition.riding_unseated': 'vehicle.riding_unseated',
  'condition.makeshift_rigging': 'rigging.makeshift',
  'condition.cofferdam': 'cofferdam.present',
  'condition.cofferdam_distress': 'cofferdam.distress',
  'condition.scuba': 'dive.scuba',
  // Batch cs-dev-541..580.
  'condition.body_belt': 'fall.body_belt',
  'condition.positioning': 'fall.positioning',
  'condition.horizontal_lifeline': 'fall.horizontal_lifeline',
  'condition.laser': 'laser.present',
  'condition.zinc_coated': 'hot_work.zinc_coated',
  'condition.chipping_tool': 'silica.chipping',
  // Batch cs-dev-781..820: Table 1 item (ii) handheld power saws.
  'condition.handheld_saw': 'silica.handheld_saw',
  'condition.clips_backwards': 'rigging.clips_backwards',
  'condition.load_hung_up': 'vehicle.load_hung_up',
  'condition.load_bound': 'crane.load_bound',
  'condition.dumping': 'vehicle.dumping',
  // Batch cs-dev-581..620.
  'condition.slab_penetration': 'embedded.penetration',
  'condition.concealed_circuit': 'embedded.concealed_circuit',
  'condition.scanned': 'embedded.scanned',
  'condition.cable_pull': 'pull.present',
  'condition.chainsaw': 'chainsaw.present',
  'condition.ground_level': 'fall.ground_level',
  'condition.one_handed': 'chainsaw.one_handed',
  'condition.above_shoulder': 'chainsaw.above_shoulder',
  'condition.fork_suspension': 'forklift.fork_suspension',
  // Batch cs-dev-621..660.
  'condition.water_in_excavation': 'trench.water',
  // Batch cs-dev-661..700.
  'condition.tie_back_rated': 'fall.tie_back_rated',
  'condition.undermining_supported': 'trench.undermined_supported',
  'condition.trench_support_removal': 'trench.support_removal',
  'condition.public_below': 'public.exposed_below',
  'condition.overhead_protection': 'public.overhead_protection',
  'condition.toxic_metal': 'hot_work.toxic_metal',
  'condition.on_barge': 'crane.on_barge',
  'condition.barge_chart': 'crane.barge_chart',
  'condition.land_chart': 'crane.land_chart',
  'condition.removal_top_first': 'trench.removal_top_first',
  'condition.backfill_with_removal': 'trench.backfill_with_removal',
  'condition.platform_exit': 'fall.platform_exit',
  'condition.transfer_tied_off': 'fall.transfer_tied_off',
  'condition.eye_protection': 'eye.protected',
  'condition.street_glasses': 'eye.street_glasses',
  // Batch cs-dev-701..740.
  'condition.nuclear_gauge': 'gauge.nuclear',
  // Batch cs-dev-821..860.
  'condition.tornado_warning': 'weather.tornado_warning',
  'condition.bird_droppings': 'bio.bird_droppings',
  'condition.overhead_crane': 'crane.overhead',
  'condition.pump_restart': 'concrete.line_restart',
  'condition.side_pull': 'crane.side_pull',
  // Batch cs-dev-861..900.
  'condition.unsupported_ground': 'ground.unsupported_exposure',
  'condition.suspect_atmosphere': 'trench.atmosphere_suspected',
  'cue.grinder': 'grinder.present',
  'cue.ring_test': 'grinder.ring_tested',
  'cue.pile': 'pile.mentioned',
  'cue.pile_cutoff': 'pile.cutoff_words',
  'cue.driving_on': 'pile.driving',
  'cue.single_flagger': 'traffic.single_flagger',
  'cue.deiced': 'stair.deiced',
  'cue.arc_process': 'hot_work.arc',
  'cue.clear_lens': 'eye.clear_lens',
  'cue.filter_lens': 'eye.filter_lens',
  'cue.welding_screen': 'eye.arc_screened',
  'cue.step_across': 'marine.step_across',
  'cue.trailer_boarding': 'vehicle.trailer_entry',
  'cue.pat': 'pat.present',
  'cue.drone': 'drone.present',
  'cue.brittle_substrate': 'pat.brittle_substrate',
};

/**
 * Conditions read from a thing named together with what is said of it, in one clause and within a few words: the thing alone
 * ("leg straps", "the stinger") or the state alone ("unbuckled", "dipped") says nothing. Batch cs-dev-821..860.
 */
const PAIRED_CONDITIONS: Record<string, { with: readonly string[]; window: number; fact: string; topicGuard?: boolean }> = {
  // Harness makers' instructions: leg straps buckled and snug before use (1926.502(d)).
  'cue.leg_strap': { with: ['cue.unfastened', 'status.negative'], window: 5, fact: 'fall.harness_unfastened' },
  // 1926.351(d)(2): hot electrode holders shall not be dipped in water.
  'cue.electrode_holder': { with: ['cue.dipped'], window: 8, fact: 'hot_work.holder_dipped' },
  // NFPA 51B, 1910.252(a)(2)(vi)(B): sprinkler protection impaired.
  'cue.sprinkler': { with: ['cue.impaired'], window: 8, fact: 'fire.sprinklers_impaired' },
  // ACPA hose-whipping bulletin: people holding the end hose.
  'cue.end_hose': { with: ['cue.hold_hose'], window: 6, fact: 'concrete.end_hose_held' },
  // 1926.251(a)(4), ASME B30.20: a custom lifting accessory with no rated load marked or proof test.
  'cue.lifting_accessory': { with: ['cue.unmarked'], window: 8, fact: 'rigging.accessory_unrated' },
  // ASME B30.26: a shoulderless eyebolt.
  'cue.eyebolt': { with: ['cue.no_shoulder'], window: 4, fact: 'rigging.plain_eyebolt' },
  // 1926.1417(q): a crane used to drag or pull a load sideways.
  'cue.side_pull': { with: ['cue.side_pull_object'], window: 8, fact: 'crane.side_pull' },
  // Batch cs-dev-861..900. 1926.303(b)(1): a wheel guard or tongue guard taken off.
  'cue.wheel_guard': { with: ['cue.guard_off'], window: 6, fact: 'grinder.guard_removed' },
  // MUTCD 6C.10: the far end of the one-lane section out of sight.
  'cue.cannot_see': { with: ['cue.zone_end'], window: 6, fact: 'traffic.ends_hidden' },
  // 1926.1052(a): ice or a slippery film on the stair.
  'cue.stair_surface': { with: ['cue.slippery'], window: 8, fact: 'stair.slippery' },
  // 1926.1052(b): pan stairs whose pans are still empty.
  'cue.stair_pan': { with: ['cue.pan_unfilled'], window: 6, fact: 'stair.pans_unfilled' },
  // 1926.152(e): air pressure put on a container of flammable liquid.
  'cue.air_pressure': { with: ['cue.flammable_liquid', 'condition.container'], window: 12, fact: 'flammable.air_pushed' },
  // 1926.855: people directly below the floor being broken out.
  'cue.directly_below': { with: ['cue.people'], window: 10, fact: 'demolition.below_occupied', topicGuard: true },
  // OSHA cold stress: numb, tingling, swollen or blotchy feet or hands.
  'cue.extremity': { with: ['cue.cold_injury_sign'], window: 6, fact: 'cold.injury_signs', topicGuard: true },
};
/** What fastens a lanyard to a purlin, and the prepositions that put it there. */
const TIE_CONCEPTS = new Set(['cue.tie_off', 'cue.anchor_clamp', 'control.fall']);
const PURLIN_PREPOSITIONS = new Set(['to', 'on', 'onto', 'around', 'of', 'off', 'from', 'over']);
/** Words right before one of a pair that make it a topic asked or watched for ("asks about numb feet", "watch for pale toes"). */
const TOPIC_BEFORE = new Set(['about', 'for', 'of', 'regarding', 'check', 'checks', 'checking', 'watch', 'watching', 'monitor', 'monitoring']);
/** Words of the same clause that report nothing found ("none reported", "nobody below"). */
const NONE_FOUND = new Set(['none', 'nobody', 'noone']);

/** Conditions whose negation says nothing useful ("no rush" is not "no pressure" evidence worth keeping). */
const AFFIRM_ONLY = new Set(['cue.pat', 'cue.drone', 'condition.unsupported_ground', 'condition.suspect_atmosphere', 'cue.grinder', 'cue.pile', 'cue.pile_cutoff', 'cue.driving_on', 'cue.single_flagger', 'cue.arc_process', 'cue.clear_lens', 'cue.step_across', 'cue.trailer_boarding', 'condition.overhead_crane', 'condition.tornado_warning', 'condition.bird_droppings', 'condition.pump_restart', 'condition.side_pull', 'condition.nuclear_gauge', 'condition.removal_top_first', 'condition.platform_exit', 'condition.transfer_tied_off', 'condition.street_glasses', 'condition.undermining_supported', 'condition.trench_support_removal', 'condition.overhead_protection', 'condition.toxic_metal', 'condition.on_barge', 'condition.land_chart', 'condition.ground_level', 'condition.chainsaw', 'condition.one_handed', 'condition.above_shoulder', 'condition.fork_suspension', 'condition.cable_pull', 'condition.slab_penetration', 'condition.concealed_circuit', 'condition.laser', 'condition.zinc_coated', 'condition.chipping_tool', 'condition.clips_backwards', 'condition.dumping', 'condition.horizontal_lifeline', 'condition.positioning', 'condition.scuba', 'condition.cement_burn', 'condition.wet_cement_contact', 'condition.riding_unseated', 'condition.makeshift_rigging', 'condition.cofferdam', 'condition.cofferdam_distress', 'hazard.ignition_source', 'condition.corrosive', 'hazard.swing_radius', 'condition.underground', 'condition.post_tensioning', 'hazard.behind_jack', 'condition.lift_slab', 'cue.flagger', 'condition.shore_removal', 'hazard.ladder_top', 'condition.enclosed', 'condition.alternate_entry', 'hazard.under_load', 'hazard.spoil_at_edge', 'hazard.no_egress', 'condition.pressure', 'meta.address', 'event.near_miss', 'condition.defect', 'condition.combustible', 'condition.container', 'kind.personnel_platform', 'hazard.live_work']);
/**
 * A hazard list names kinds of hazard ("cave_in", "falling_debris"), not what was seen: only hazards whose
 * naming is itself the fact (a power line, lightning, a suspended load) are read from it.
 */
const FROM_HAZARD_LIST = new Set(['condition.public_below', 'condition.chainsaw', 'condition.concealed_circuit', 'condition.laser', 'condition.scuba', 'condition.corrosive', 'condition.underground', 'condition.post_tensioning', 'condition.lift_slab', 'condition.suspended_scaffold', 'hazard.power_line', 'hazard.lightning', 'hazard.suspended_load', 'condition.silica_task', 'hazard.fall_exposure', 'hazard.live_work', 'condition.combustible', 'kind.personnel_platform', 'condition.bird_droppings']);
/** Conditions whose mention makes the site safer, so they are never read from words addressed to the guardrail. */
const LOWERS_WHEN_AFFIRMED = new Set(['condition.acclimatized', 'condition.indoors', 'condition.alternate_entry', 'condition.hand_dig']);
/** Conditions read only from sources that describe the present, not from the action's own plan. */
const NOT_FROM_ACTION = new Set(['event.near_miss', 'condition.defect', 'hazard.cave_in_sign']);

export interface TextReadout {
  /** Concepts affirmed anywhere in the text, for presence derivations ("kind.hot_work" in the equipment list). */
  concepts: Set<string>;
  /** Controls the text names as in place, by family. */
  controlsInPlace: Set<string>;
  /** The same, by phrase, for the mitigation count. */
  controlPhrases: Set<string>;
}

/** Sets the facts one free-text field states: controls with their status, conditions, numbers in context. */
export function readTextFacts(facts: FactWriter, view: TextView, strength: Strength, out: TextReadout, skip: ReadonlySet<PhraseMatch> = new Set()): void {
  const source = (m: { first: number; last: number }) => `${view.path}: "${wordsOf(view, Math.max(0, m.first - 2), Math.min(view.tokens.length - 1, m.last + 3))}"`;
  // A field that names cylinders or bottles: its slings, regulators and caps are theirs.
  const cylinderView = view.matches.some((c) => c.concept === 'cue.gas_cylinder' && !c.negated) || view.tokens.some((t) => CYLINDER_TOKENS.has(t.text));
  for (const m of view.matches) {
    // "before the deadline" is pressure whatever clause it sits in; other conditions in an "until" clause are not facts.
    if (skip.has(m) || (isHypothetical(view, m) && m.concept !== 'condition.pressure')) continue;
    // Words addressed to the guardrail are not evidence about the site: what they say is missing or
    // dangerous still counts, a control in place, a denial or a reassurance does not.
    const addressed = view.addressed[m.first] === true;
    if (!m.negated && !(addressed && LOWERS_WHEN_AFFIRMED.has(m.concept))) out.concepts.add(m.concept);
    if (m.concept.startsWith('control.')) {
      // "a 4 m deep shored pit", "sloped trench": in the task, a participle of the trench family describes the excavation as it stands.
      if (view.source === 'task' && m.concept === 'control.trench' && DESCRIBES_EXCAVATION.has(m.phrase) && EXCAVATION_NOUNS.has(view.tokens[m.last + 1]?.text ?? '') && !isNegated(view, m)) {
        facts.set('trench.protected', true, source(m), STRENGTH.observed);
      }
      // "lay the main in a 1.5 m trench box", "work inside the shield": the task puts the work inside the protective system.
      if (view.source === 'task' && m.concept === 'control.trench' && SHIELDS.some((w) => m.phrase.includes(w)) && workedInside(view, m.first) && !isNegated(view, m)) {
        facts.set('trench.protected', true, source(m), STRENGTH.observed);
      }
      if (view.source === 'task' || view.source === 'equipment') continue;
      // "approve the fall protection plan": a written plan (1926.502(k)) or a course names the control, it puts none in place.
      if (m.concept === 'control.fall' && DOCUMENT_WORDS.has(view.tokens[m.last + 1]?.text ?? '')) continue;
      const fact = controlFact(m, view);
      // "we'll skip the ahead signs": for work-zone signs and station lights, a removal verb just before the control does without it.
      const absent = saysAbsent(view, m) || (DONE_WITHOUT.has(m.concept) && removalBefore(view, m)) || (REPORTED.has(view.source) && pastRemovalBefore(view, m));
      if (addressed && !absent) continue;
      if (!absent) {
        out.controlsInPlace.add(m.concept);
        out.controlPhrases.add(m.phrase);
      }
      if (fact) facts.set(fact, !absent, source(m), strength);
      continue;
    }
    // "grind the concrete columns", "cut the trench in the slab": a cutting word and a masonry material in one clause.
    if (m.concept === 'cue.silica_tool' && !isNegated(view, m) && !addressed && conceptsNear(view, m.first, m.last, 6).some((c) => c.concept === 'cue.silica_material' && !c.negated)) {
      facts.set('silica.mentioned', true, source(m), strength, true);
      continue;
    }
    // "store the pallets on the stair A landing and chain the gate": an exit route obstructed or locked (1926.34, 1910.37(a)(3)).
    if (m.concept === 'cue.exit_route') {
      if (!isNegated(view, m) && !addressed && !isHypothetical(view, m) && conceptsNear(view, m.first, m.last, 8).some((c) => c.concept === 'cue.exit_obstruction' && !c.negated)) {
        facts.set('egress.blocked', true, source(m), strength, true);
      }
      continue;
    }
    // "park the trailer and pickup in the buffer space": a vehicle or equipment put in the work zone's longitudinal buffer (MUTCD 6C.06).
    if (m.concept === 'condition.in_buffer') {
      const clause = view.tokens[m.first].clause;
      const parked = view.tokens.some((t, i) => t.clause === clause && Math.abs(i - m.first) <= 8 && PARKING_WORDS.has(t.text));
      if (!isNegated(view, m) && !addressed && (parked || conceptsNear(view, m.first, m.last, 8).some((c) => (c.concept === 'cue.vehicle' || c.concept === 'cue.heavy_equipment') && !c.negated))) {
        facts.set('traffic.buffer_occupied', true, source(m), strength, true);
      }
      continue;
    }
    // "truss jib recognised by the LMI", "no jib": whether the load hangs from a lifting attachment the machine is rated for.
    if (m.concept === 'cue.approved_attachment' && view.source !== 'hazard') {
      if (!addressed) facts.set('forklift.approved_attachment', !isNegated(view, m), source(m), strength);
      continue;
    }
    // "the top tier has slid and is leaning on the stakes": a load that shifted on the trailer.
    if (m.concept === 'cue.load_shift') {
      // Class: "the telehandler slid the bundle out onto dunnage": with an object after it the verb says what someone moved on
      // purpose, not a load that shifted on its own.
      if (TRANSITIVE_OBJECT.has(view.tokens[m.last + 1]?.text ?? '')) continue;
      if (!isNegated(view, m) && !addressed && !isHypothetical(view, m) && view.source !== 'task' && conceptsNear(view, m.first, m.last, 6).some((c) => c.concept === 'cue.cargo' && !c.negated)) {
        facts.set('load.shifted', true, source(m), strength, true);
      }
      continue;
    }
    // "Back the truck into the cul-de-sac": a backing word beside a vehicle, in what the work will do.
    if (m.concept === 'cue.backing') {
      // Class: "back on the haul", "back to work", "back in service": a return to where it was, not a reverse movement.
      const next = view.tokens[m.last + 1]?.text ?? '';
      const returns = m.phrase === 'back' && (next === 'on' || next === 'to' || ((next === 'in' || next === 'into') && RETURN_STATES.has(view.tokens[m.last + 2]?.text ?? '')));
      if (returns) continue;
      if (!isNegated(view, m) && (view.source === 'action' || view.source === 'task' || view.source === 'parameter') && conceptsNear(view, m.first, m.last, 4).some((c) => c.concept === 'cue.vehicle' && !c.negated)) {
        facts.set('vehicle.reversing', true, source(m), strength, true);
      }
      continue;
    }
    // "can't see your banksman in either mirror": the driver has lost sight of the person guiding the movement.
    if (m.concept === 'cue.out_of_sight') {
      if (!m.negated && !addressed && !isHypothetical(view, m) && conceptsNear(view, m.first, m.last, 4).some((c) => c.concept === 'control.lift' && SIGNALLERS.some((s) => c.phrase.startsWith(s)))) {
        facts.set('site.spotter_visible', false, source(m), strength, true);
      }
      continue;
    }
    // "bumping the box up a foot", "lift shield and drag forward": the trench box itself is being moved.
    if (m.concept === 'cue.shift') {
      if (!isNegated(view, m) && !addressed && !isHypothetical(view, m) && matchesStarting(view, m.last + 1, m.last + 3).some((c) => c.concept === 'control.trench' && SHIELDS.some((s) => c.phrase.includes(s)))) {
        facts.set('trench.shield_moving', true, source(m), strength, true);
      }
      continue;
    }
    // "5 kW gasoline generator": an engine that burns fuel, and where it runs ("generator outside by the door").
    if (m.concept === 'equipment.fuel_engine') {
      if (isNegated(view, m)) continue;
      const outside = conceptsNear(view, m.first, m.last, 8).some((c) => c.concept === 'condition.outdoors' && !c.negated);
      facts.set(outside ? 'co.engine_outdoors' : 'co.fuel_engine', true, source(m), strength, true);
      continue;
    }
    // "a diesel tank", "the fuel drum": the flammable word names what the container held, not combustibles near the work.
    if (m.concept === 'condition.combustible' && !m.negated && matchesOverlapping(view, m.last + 1, m.last + 2).some((c) => c.concept === 'condition.container' && c.first > m.last)) {
      facts.set('hot_work.container_mentioned', true, source(m), strength, true);
      continue;
    }
    // "the shaft opening has a sheet of plywood laid over it, not screwed down": a cover the opening's clause says is loose or unmarked.
    if (m.concept === 'cue.unsecured') {
      if (!m.negated && !addressed && !isHypothetical(view, m) && conceptsNear(view, m.first, m.last, 25).some((c) => c.concept === 'cue.opening' && !c.negated)) {
        facts.set('fall.cover_unsecured', true, source(m), strength, true);
      }
      continue;
    }
    // "tied both lifelines to the back of the outrigger beams": a suspended scaffold's lifeline on its own supports.
    if (m.concept === 'cue.scaffold_support' || m.concept === 'cue.independent_anchor') {
      // Class: a support named after a word of separation ("tied off clear of the stage", "independent of the outriggers",
      // "away from the counterweights") says where the line is not fastened.
      if (m.concept === 'cue.scaffold_support' && separatedFrom(view.tokens, m.first)) continue;
      if (!isNegated(view, m) && !addressed && !isHypothetical(view, m) && view.source !== 'equipment' && view.source !== 'hazard' && conceptsNear(view, m.first, m.last, 10).some((c) => (c.concept === 'cue.tie_off' || (c.concept === 'control.fall' && c.phrase.startsWith('lifeline'))) && !c.negated)) {
        facts.set('fall.anchor_scaffold_support', m.concept === 'cue.scaffold_support', source(m), strength, m.concept === 'cue.scaffold_support');
      }
      continue;
    }
    // "wrapped his lanyard around the W12 and clipped the snaphook onto its own webbing" (1926.502(d)(6)): only a field that names
    // a lanyard or hook, so a scaffold's or a retaining wall's tiebacks are not read as one.
    if (m.concept === 'condition.tie_back') {
      if (!isNegated(view, m) && !addressed && !isHypothetical(view, m) && view.source !== 'equipment' && view.source !== 'hazard' && view.tokens.some((t) => LANYARD_WORDS.has(t.text))) {
        facts.set('fall.tie_back', true, source(m), strength, true);
      }
      continue;
    }
    // "the bucket has undercut the sidewalk", "footing undermined": the cut runs under a structure beside it (1926.651(i)).
    if (m.concept === 'condition.undermined') {
      if (!isNegated(view, m) && !addressed && !isHypothetical(view, m) && view.source !== 'hazard' && conceptsNear(view, m.first, m.last, 8).some((c) => c.concept === 'cue.adjacent_structure' && !c.negated && c.clause === m.clause)) {
        facts.set('trench.undermined', true, source(m), strength, true);
      }
      continue;
    }
    // "bottom cylinder first": supports released from the bottom up, as 1926.652(e)(1)(iv) requires.
    if (m.concept === 'condition.removal_bottom_first') {
      if (!isNegated(view, m) && !addressed && !isHypothetical(view, m)) facts.set('trench.removal_top_first', false, source(m), strength);
      continue;
    }
    // "looped his lanyard around the sprinkler pipe": a tie-off to a member that is no anchorage.
    if (m.concept === 'cue.improper_anchor') {
      if (!isNegated(view, m) && !addressed && !isHypothetical(view, m) && conceptsNear(view, m.first, m.last, 8).some((c) => c.concept === 'cue.tie_off' && !c.negated)) {
        facts.set('fall.anchor_unsuitable', true, source(m), strength, true);
      }
      continue;
    }
    // "running the loader from outside the cab", "reaching in to work the arms": a machine worked from outside its seat (NIOSH 2011-128).
    if (m.concept === 'cue.outside_station') {
      if (!isNegated(view, m) && !addressed && !isHypothetical(view, m) && conceptsNear(view, m.first, m.last, 10).some((c) => c.concept === 'cue.heavy_equipment' && !c.negated)) {
        facts.set('equipment.operated_outside_station', true, source(m), strength, true);
      }
      continue;
    }
    // "the carpenters ride the material hoist up": people on a hoist built for materials (1926.552(b)(1)(ii)).
    if (m.concept === 'cue.material_hoist') {
      if (!isNegated(view, m) && !addressed && !isHypothetical(view, m)) {
        facts.set('hoist.material', true, source(m), strength, true);
        if (conceptsNear(view, m.first, m.last, 6).some((c) => c.concept === 'cue.ride' && !isNegated(view, c))) facts.set('hoist.ridden', true, source(m), strength, true);
      }
      continue;
    }
    // "stand on the midrail to reach", "climbing the basket rail": a work position on a rail, not the platform floor (1926.453(b)(2)(iv)).
    if (m.concept === 'cue.stand_on') {
      const arm = matchesStarting(view, m.last + 1, m.last + 3).some((c) => c.concept === 'cue.loader_arm' && c.clause === m.clause);
      // "crouch on the crossbar of the lift arms": a rider on a loader's arms (NIOSH 2011-128).
      if (arm && !isNegated(view, m) && !addressed && !isHypothetical(view, m)) facts.set('equipment.rider_on_arms', true, source(m), strength, true);
      if (!isNegated(view, m) && !addressed && !isHypothetical(view, m) && matchesStarting(view, m.last + 1, m.last + 3).some((c) => c.concept === 'control.fall' && RAILS.some((r) => c.phrase.includes(r)) && !c.phrase.startsWith('hand') && c.clause === m.clause)) {
        facts.set('fall.off_platform_floor', true, source(m), strength, true);
      }
      continue;
    }
    // "continue under the fall protection plan (CAZ + safety monitor)": a plan's measures, not a barrier at the edge.
    if (m.concept === 'cue.alternative_fall_measure' || (m.concept === 'cue.safety_monitor' && (view.source === 'action' || view.source === 'parameter'))) {
      if (!isNegated(view, m) && !addressed && !isHypothetical(view, m) && view.source !== 'equipment' && view.source !== 'hazard' && view.source !== 'task') {
        facts.set('fall.alternative_measures', true, source(m), strength, true);
      }
      if (m.concept === 'cue.alternative_fall_measure') continue;
    }
    // "pump still on the truck", "pump not running": water is not being removed from the excavation.
    if (m.concept === 'cue.no_dewatering') {
      if (!addressed && !isHypothetical(view, m) && view.source !== 'equipment' && view.source !== 'hazard') facts.set('trench.dewatering', false, source(m), strength);
      continue;
    }
    // "erectors at the leading edge, not tied off": a worker without a connection to an anchorage.
    if (m.concept === 'cue.untied') {
      if (!addressed && !isHypothetical(view, m) && view.source !== 'equipment' && view.source !== 'hazard') facts.set('fall.protected', false, source(m), strength);
      continue;
    }
    // "let the electricians work inside the LAZ": only the masons building the wall may be in its limited access zone (1926.706(a)(4)).
    if (m.concept === 'cue.laz') {
      if (!isNegated(view, m) && !addressed && !isHypothetical(view, m) && (view.source === 'action' || view.source === 'parameter' || view.source === 'observation')) {
        const clause = view.tokens[m.first].clause;
        const others = view.tokens.some((t, i) => t.clause === clause && Math.abs(i - m.first) <= 10 && OTHER_TRADES.has(t.text));
        // "inside the LAZ", "into the limited access zone", "enter the LAZ": a way in just before the zone ("LAZ in place" is none).
        const entering = view.tokens.some((t, i) => t.clause === clause && i < m.first && i >= m.first - 3 && ENTERING.has(t.text));
        if (others && entering) facts.set('masonry.laz_others', true, source(m), strength, true);
      }
      continue;
    }
    // "push the tower down the corridor with the finisher staying on the platform": someone rides a scaffold being moved.
    if (m.concept === 'cue.rides_scaffold') {
      if (!isNegated(view, m) && !addressed && !isHypothetical(view, m) && view.source !== 'equipment' && view.source !== 'hazard' && view.tokens.some((t) => SCAFFOLD_MOVES.has(t.text))) {
        if (view.tokens.some((t) => SCAFFOLD_WORDS.has(t.text) || t.text.startsWith('scaffold'))) facts.set('scaffold.ridden', true, source(m), strength, true);
      }
      continue;
    }
    // "signals on the site channel", "a dedicated channel for the lift" (1926.1420(b)).
    if (m.concept === 'cue.shared_channel' || m.concept === 'cue.dedicated_channel') {
      if (!addressed && !isHypothetical(view, m) && view.source !== 'equipment' && view.source !== 'hazard') {
        const dedicated = m.concept === 'cue.dedicated_channel' && !isNegated(view, m);
        if (m.concept === 'cue.dedicated_channel' || !isNegated(view, m)) facts.set('crane.radio_channel_dedicated', dedicated, source(m), strength);
      }
      continue;
    }
    // "the chimney rocks when it gusts", "an unbraced block wall": masonry standing alone that moves or has no bracing (1926.854(b)).
    if (m.concept === 'cue.unstable_masonry') {
      // The masonry may be named earlier in the sentence and the movement said of "it" ("the chimney's free standing since ..., it rocks").
      let from = m.first;
      while (from > 0 && m.first - from < 30 && !(view.tokens[from - 1].kind === 'break' && SENTENCE_ENDS.has(view.tokens[from - 1].text))) from--;
      const masonry = conceptsNear(view, m.first, m.last, 6).some((c) => c.concept === 'cue.masonry' && !c.negated) || matchesStarting(view, from, m.first - 1).some((c) => c.concept === 'cue.masonry' && !c.negated);
      // "rocks" is the verb only after its subject ("it rocks", "the chimney rocks"), not in "rocks and broken brick".
      const prev = view.tokens[m.first - 1];
      const verbSense = m.phrase !== 'rocks' || prev?.text === 'it' || prev?.text === 'that' || (m.first > 0 && matchesOverlapping(view, m.first - 1, m.first - 1).some((c) => c.concept === 'cue.masonry' && c.last === m.first - 1));
      if (masonry && verbSense && !isNegated(view, m) && !addressed && !isHypothetical(view, m)) {
        facts.set('structure.masonry_unstable', true, source(m), strength, true);
      }
      continue;
    }
    // "two erectors ride on top of the carriage": people riding the hoist's car or platform; with a material hoist on site, the riders are on it.
    if (m.concept === 'cue.hoist_car') {
      if (!isNegated(view, m) && !addressed && !isHypothetical(view, m) && conceptsNear(view, m.first, m.last, 5).some((c) => (c.concept === 'cue.ride' || (c.concept === 'cue.stand_on' && RIDING.some((r) => c.phrase.startsWith(r)))) && c.last < m.first && !isNegated(view, c))) {
        facts.set('hoist.ridden', true, source(m), strength, true);
      }
      continue;
    }
    // Compressed gas cylinders (1926.350(a)): named in what the work does, how they are slung, their regulators and caps.
    if (m.concept === 'cue.gas_cylinder') {
      if (!isNegated(view, m) && !addressed && !isHypothetical(view, m) && CYLINDER_SOURCES.has(view.source)) facts.set('cylinder.mentioned', true, source(m), strength, true);
      // "propane tanks" name LP-gas as "propane" does.
      if (!isNegated(view, m) && LPG_WORDS.some((w) => m.phrase.startsWith(w))) facts.set('lpg.present', true, source(m), strength, true);
      continue;
    }
    if (CYLINDER_STATE.has(m.concept)) {
      if (addressed || isHypothetical(view, m) || !cylinderView || !CYLINDER_SOURCES.has(view.source)) continue;
      const state = cylinderStateOf(view, m);
      if (state !== undefined) facts.set(CYLINDER_STATE.get(m.concept)!, state, source(m), strength, m.concept === 'cue.choker');
      continue;
    }
    // "store the spare propane cylinders inside the building": LP-gas containers kept indoors (1926.153(j)).
    if (m.concept === 'cue.lpg') {
      if (!isNegated(view, m)) facts.set('lpg.present', true, source(m), strength, true);
      continue;
    }
    if (m.concept === 'cue.storage') {
      if (!isNegated(view, m) && !addressed && !isHypothetical(view, m) && view.source !== 'equipment' && view.source !== 'hazard') {
        const near = conceptsNear(view, m.first, m.last, 10);
        const lpgInView = view.matches.some((c) => c.concept === 'cue.lpg' && !c.negated);
        const containers = near.some((c) => (c.concept === 'cue.lpg' || (c.concept === 'cue.gas_cylinder' && LPG_WORDS.some((w) => c.phrase.startsWith(w)))) && !c.negated)
          || (lpgInView && view.tokens.some((t, i) => Math.abs(i - m.first) <= 10 && t.clause === m.clause && CONTAINER_TOKENS.has(t.text)));
        const inside = near.some((c) => c.concept === 'condition.indoors' && !c.negated);
        const outside = near.some((c) => c.concept === 'condition.outdoors' && !c.negated);
        if (containers && inside && !outside) facts.set('lpg.storage_indoors', true, source(m), strength, true);
      }
      continue;
    }
    // "spoil piled right at the edge of the trench": the pile and the edge in one clause.
    if (m.concept === 'cue.at_edge' && !m.negated && conceptsNear(view, m.first, m.last, 6).some((c) => c.concept === 'cue.spoil' && !c.negated)) {
      facts.set('trench.spoil_at_edge', true, source(m), strength, true);
      continue;
    }
    // 1910.134(g)(1)(i): a tight-fitting facepiece seals on the face; a loose-fitting hood or helmet does not.
    if (m.concept === 'cue.tight_respirator' || m.concept === 'cue.loose_respirator') {
      if (!isNegated(view, m) && !addressed && !isHypothetical(view, m)) facts.set('respirator.tight_fitting', m.concept === 'cue.tight_respirator', source(m), strength);
      continue;
    }
    // A thing and what is said of it in one clause ("leg straps unbuckled", "dunks the stinger in the bucket"): see PAIRED_CONDITIONS.
    const pair = PAIRED_CONDITIONS[m.concept];
    if (pair) {
      const partner = conceptsNear(view, m.first, m.last, pair.window).find((c) => pair.with.includes(c.concept) && !c.negated && !isHypothetical(view, c));
      // "asks each man about numb feet; none reported", "nobody directly below": a topic or a report of nothing found.
      const topic = pair.topicGuard === true && partner !== undefined && (TOPIC_BEFORE.has(view.tokens[Math.min(m.first, partner.first) - 1]?.text ?? '') || view.tokens.some((t) => t.clause === m.clause && NONE_FOUND.has(t.text)));
      if (partner && !topic && !isNegated(view, m) && !addressed && !isHypothetical(view, m) && view.source !== 'hazard') {
        facts.set(pair.fact, true, source(m), strength, true);
      }
      continue;
    }
    // "SRLs clamped to the purlins", "a beam clamp on the top flange of the purlin": a tie-off, clamp or lanyard fastened to a
    // purlin or girt (1926.758(g)); "bolting purlins, tied to the HLL" names the purlins as the work, not the anchorage.
    if (m.concept === 'cue.purlin') {
      const prep = [m.first - 1, m.first - 2].some((j) => PURLIN_PREPOSITIONS.has(view.tokens[j]?.text ?? '') && view.tokens[j].clause === m.clause);
      const tied = prep && matchesStarting(view, m.first - 12, m.first - 1).some((c) => TIE_CONCEPTS.has(c.concept) && c.clause === m.clause && !c.negated);
      if (tied && !isNegated(view, m) && !addressed && !isHypothetical(view, m) && view.source !== 'hazard' && view.source !== 'equipment') facts.set('fall.anchor_on_purlin', true, source(m), strength, true);
      continue;
    }
    // "stop driving while the tops are cut", "hammer shut down": the pile driver is not working (1926.603(c)(3)).
    if (m.concept === 'cue.driving_off') {
      if (!isNegated(view, m) && !addressed && !isHypothetical(view, m) && view.source !== 'hazard' && view.source !== 'equipment') facts.set('pile.driving', false, source(m), strength);
      continue;
    }
    // "salt and sand the stair first": what the action or the tool call does to the ice.
    if (m.concept === 'cue.deice_verb') {
      if ((view.source === 'action' || view.source === 'parameter') && !addressed && !isHypothetical(view, m)) facts.set('stair.deiced', !isNegated(view, m), source(m), strength);
      continue;
    }
    // "put both crews in the office trailer", "shelter_location: conex": where the action puts people, a light or mobile structure.
    if (m.concept === 'condition.mobile_shelter') {
      if (!isNegated(view, m) && !addressed && !leftBehind(view, m) && (view.source === 'action' || view.source === 'parameter')) facts.set('shelter.mobile', true, source(m), strength, true);
      continue;
    }
    const fact = CONDITION_FACTS[m.concept];
    if (!fact) continue;
    // "weather: dry", "downstream dry": a bare "dry" is dry cutting only beside a cutting, grinding or milling word ("cut the last 40 dry").
    if (m.concept === 'condition.dry_cutting' && m.phrase === 'dry' && !dryWork(view, m)) continue;
    // "lineman inside the equipotential zone", "inside the tape", "the interior side of the wall": a place inside a boundary
    // or a side of a wall is no building, so it says nothing about working indoors.
    if (m.concept === 'condition.indoors' && (m.phrase === 'inside' || m.phrase === 'interior') && insideBoundary(view, m)) continue;
    // "1.2 in rain overnight", "overnight frost": when the weather came, not work in the dark.
    if (m.concept === 'hazard.low_light' && m.phrase === 'overnight' && [m.first - 2, m.first - 1, m.last + 1].some((j) => PAST_WEATHER.has(view.tokens[j]?.text ?? ''))) continue;
    // "storm manhole STM-7", "the storm inlet": a drainage structure named for the water it carries, not weather.
    if (m.concept === 'hazard.rain' && (m.phrase === 'storm' || m.phrase === 'storms') && DRAINAGE.has(view.tokens[m.last + 1]?.text ?? '')) continue;
    // "on the floor of level 5", "on the ground floor roof", "on the floor above": a floor that is not the ground under the crew.
    if (m.concept === 'condition.ground_level' && FLOOR_ELSEWHERE.has(view.tokens[m.last + 1]?.text ?? '')) continue;
    // "briefed on heat illness signs", "heat stroke prevention training": the sign named as a topic was seen on nobody.
    if (m.concept === 'symptom.heat' && isTopic(view, m)) continue;
    if (view.source === 'hazard' && !FROM_HAZARD_LIST.has(m.concept)) continue;
    // Class: "jack stand under the trailer nose", "axle stands under the frame": "stand" as the name of a support, not a person
    // standing under a load (batch cs-dev-861..900).
    if (m.concept === 'hazard.under_load' && view.tokens[m.first]?.text === 'stand' && matchesOverlapping(view, m.first, m.first).some((c) => c.concept === 'cue.support_stand' && c.last === m.first)) continue;
    // Class: "the rear tandem", "tandem axles", "tandem dump": a vehicle's pair of axles, not two cranes on one load.
    if (m.concept === 'condition.multi_crane' && m.phrase === 'tandem' && (AXLE_WORDS.has(view.tokens[m.last + 1]?.text ?? '') || AXLE_BEFORE.has(view.tokens[m.first - 1]?.text ?? ''))) continue;
    // "two cranes" in the equipment list says what is on site, not that they share one load.
    if (view.source === 'equipment' && m.concept === 'condition.multi_crane') continue;
    if (view.source === 'action' && NOT_FROM_ACTION.has(m.concept)) continue;
    // "tilt and crack gauges", "crack monitoring": an instrument named for the sign it watches for; no crack is seen.
    if (m.concept === 'hazard.cave_in_sign' && namesInstrument(view, m)) continue;
    // "without a spotter to finish quickly": a negation five words back does not take the hurry away.
    // "no repairs while energized": the qualifier of a denied activity is denied with it.
    const qualifiesDenied = m.concept === 'hazard.live_work' && m.first > 0 && view.negated[m.first - 1] === true;
    // "lowered under power": the power-controlled lowering a crane must use (1926.1426(d), 1926.1431(d)), not live work.
    if (m.concept === 'hazard.live_work' && m.phrase === 'under power' && HOIST_MOTION.has(view.tokens[m.first - 1]?.text ?? '')) continue;
    const negated = (isNegated(view, m) || qualifiesDenied) && (m.concept !== 'condition.pressure' || NEGATORS.has(view.tokens[m.first - 1]?.text ?? ''));
    if (addressed && (negated || LOWERS_WHEN_AFFIRMED.has(m.concept))) continue;
    if (negated) {
      if (!AFFIRM_ONLY.has(m.concept)) facts.set(fact, false, source(m), STRENGTH.observed, true);
      continue;
    }
    if (m.concept === 'hazard.lightning' && conceptsNear(view, m.first, m.last, 5).some((c) => c.concept === 'cue.forecast')) continue;
    if (m.concept === 'condition.combustible' && !addressed && conceptsNear(view, m.first, m.last, 6).some((c) => c.concept === 'status.positive' || c.concept === 'cue.cleared')) {
      facts.set('hot_work.combustibles_cleared', true, source(m), strength);
      continue;
    }
    facts.set(fact, true, source(m), strength, true);
    // "the top of the stepladder" names the ladder it is the top of.
    if (m.concept === 'hazard.ladder_top' && m.phrase.includes('ladder')) facts.set('ladder.used', true, source(m), strength, true);
    if (m.concept === 'symptom.heat') facts.add('heat.symptom_words', m.phrase, source(m));
  }
  // "cut back at 1 horizontal to 1 vertical", "1.5H:1V": a slope that says which side is which.
  if (view.addressed.every((a) => !a)) {
    const slope = slopeIn(view.tokens, 0, view.tokens.length - 1, true);
    if (slope !== undefined) facts.set('trench.slope_h_per_v', slope, `${view.path}: slope`, strength);
  }
  // A number in a note to the guardrail measures nothing on site.
  // A voltage says a line is there, so it is read first: "3 m from the 12 kV primary" is a clearance.
  const spoken = view.quantities.filter((q) => view.addressed[q.index] !== true);
  for (const q of spoken) if (q.unit === 'kv') readQuantity(facts, view, q, strength);
  for (const q of spoken) if (q.unit !== 'kv') readQuantity(facts, view, q, strength);
}

const MILES_PER_KM = 0.6213712;
/** What a number measures, by the cue word nearest to it. */
const UNITLESS_GAS: Record<string, string> = { 'cue.oxygen': 'confined_space.o2_pct', 'cue.lel': 'confined_space.lel_pct', 'cue.h2s': 'confined_space.h2s_ppm', 'cue.co': 'confined_space.co_ppm' };
const WEIGHTS: Record<string, string> = { 'cue.capacity': 'crane.capacity_lbs', 'cue.rigging': 'crane.rigging_lbs', 'cue.load': 'crane.load_lbs' };
const PERCENTAGES: Record<string, string> = { 'cue.oxygen': 'confined_space.o2_pct', 'cue.lel': 'confined_space.lel_pct', 'cue.humidity': 'heat.humidity_pct', 'cue.capacity': 'crane.load_pct' };
const PPM: Record<string, string> = { 'cue.h2s': 'confined_space.h2s_ppm', 'cue.co': 'confined_space.co_ppm' };
/** The concept of the nearest match among `concepts` (`near` is sorted nearest first), if any. */
const nearest = (near: readonly PhraseMatch[], concepts: Record<string, string>): string | undefined => near.find((m) => Object.hasOwn(concepts, m.concept))?.concept;
const NEGATORS = new Set(['no', 'not', 'without', 'never', "don't", 'dont']);
/** Verbs of a hoist's own motion: what they do "under power" is the load line's controlled motion. */
const HOIST_MOTION = new Set(['lowered', 'lowering', 'lower', 'lowers', 'raised', 'raising', 'raise', 'hoisted', 'hoisting', 'boomed', 'booming', 'swung', 'travelled', 'traveled']);
const ACROSS = new Set(['from', 'away', 'apart']);
/** Whether a text names piles ("pile tops", "the longest pile", "H-piles"). */
function namesPiles(view: TextView): boolean {
  return view.matches.some((c) => !c.negated && c.phrase.includes('pile'));
}
const has = (near: readonly PhraseMatch[], concept: string) => near.some((m) => m.concept === concept);

/** What one can be inside of, or the interior of, without being indoors: a marked zone, a barrier, a box, a side of a wall. */
const BOUNDARIES = new Set(['zone', 'zones', 'tape', 'taped', 'barricade', 'barricades', 'barricaded', 'barrier', 'barriers', 'fence', 'fencing', 'cones', 'line', 'lines', 'radius', 'perimeter', 'laz', 'caz', 'box', 'shield', 'trench', 'excavation', 'bucket', 'basket', 'cab', 'side', 'face', 'corner', 'boundary', 'footprint', 'exclusion', 'equipotential', 'swing', 'limited', 'controlled', 'restricted', 'cordon', 'cordoned']);
const BOUNDARY_SKIP = new Set(['the', 'a', 'an', 'its', 'his', 'her', 'their', 'our', 'this', 'that']);

function insideBoundary(view: TextView, m: PhraseMatch): boolean {
  let j = m.last + 1;
  while (j < view.tokens.length && j <= m.last + 3 && BOUNDARY_SKIP.has(view.tokens[j].text)) j++;
  return j < view.tokens.length && view.tokens[j].clause === view.tokens[m.first].clause && BOUNDARIES.has(view.tokens[j].text);
}

/** Words after "on the floor" or "on the ground" that make it some other floor ("of level 5", "above", "floor roof"). */
const FLOOR_ELSEWHERE = new Set(['of', 'above', 'over', 'below', 'beneath', 'under', 'floor', 'level', 'deck', 'edge', 'opening', 'openings', 'hole', 'holes']);

/** Words before a place that say people leave it ("out of the trailers", "leave the trucks", "away from the conex"). */
const LEAVING = new Set(['leave', 'leaves', 'leaving', 'left', 'exit', 'exits', 'exiting', 'evacuate', 'evacuates', 'evacuating', 'vacate', 'vacating', 'abandon', 'abandoning', 'from']);
const PLACE_SKIP = new Set(['the', 'a', 'an', 'all', 'both', 'any', 'every', 'its', 'his', 'her', 'their', 'our', 'your', 'this', 'that', 'these', 'those', 'site', 'job', 'office', 'storage', 'work']);
/** Whether a place named is the one people are moved out of, not the one they go to (NWS: leave trailers and vehicles for a sturdy building). */
function leftBehind(view: TextView, m: PhraseMatch): boolean {
  let j = m.first - 1;
  while (j >= 0 && j >= m.first - 3 && PLACE_SKIP.has(view.tokens[j].text)) j--;
  if (j < 0 || view.tokens[j].clause !== view.tokens[m.first].clause) return false;
  const w = view.tokens[j].text;
  if (LEAVING.has(w)) return true;
  // "out of the trailer", "clear of the conex" ("away from the trucks" is a LEAVING word already).
  return w === 'of' && ['out', 'clear'].includes(view.tokens[j - 1]?.text ?? '');
}

/** Verbs that move a mobile scaffold. */
const SCAFFOLD_MOVES = new Set(['move', 'moves', 'moving', 'moved', 'push', 'pushes', 'pushing', 'pushed', 'roll', 'rolls', 'rolling', 'rolled', 'relocate', 'relocating', 'reposition', 'repositioning', 'shift', 'shifting', 'walk', 'walking', 'wheel', 'wheeling']);
const ENTERING = new Set(['inside', 'in', 'into', 'within', 'enter', 'enters', 'entering']);
/** Trades other than the masons and their tenders who build a wall. */
const OTHER_TRADES = new Set(['electrician', 'electricians', 'electrical', 'plumber', 'plumbers', 'plumbing', 'carpenter', 'carpenters', 'painter', 'painters', 'ironworker', 'ironworkers', 'pipefitter', 'pipefitters', 'glazier', 'glaziers', 'roofer', 'roofers', 'drywall', 'hvac', 'sprinkler', 'fitters', 'trades', 'sub', 'subs', 'subcontractor', 'subcontractors', 'visitors', 'inspector', 'inspectors', 'surveyor', 'surveyors']);
/** Things whose own height "at 14 ft" gives: a wall as built so far, its braces, a stack. */
const OBJECT_AT = new Set(['wall', 'walls', 'chimney', 'chimneys', 'column', 'columns', 'stack', 'stacks', 'pile', 'piles', 'stockpile', 'brace', 'braces', 'bracing', 'form', 'forms', 'formwork', 'pour', 'grout', 'mortar', 'course', 'courses', 'backfill']);
/** Names of a mobile scaffold, besides "scaffold". */
const SCAFFOLD_WORDS = new Set(['tower', 'towers', 'baker', 'bakers', 'perry', 'perrys', 'staging', 'platform', 'deck']);
const PAST_WEATHER = new Set(['rain', 'rained', 'rainfall', 'storm', 'storms', 'snow', 'snowed', 'snowfall', 'frost', 'freeze', 'froze', 'ice', 'wind', 'winds', 'gusts', 'showers', 'thunderstorms', 'downpour']);

/** Drainage works named "storm" (a storm manhole, inlet or sewer). */
const DRAINAGE = new Set(['drain', 'drains', 'drainage', 'sewer', 'sewers', 'line', 'lines', 'manhole', 'manholes', 'mh', 'main', 'mains', 'inlet', 'inlets', 'structure', 'structures', 'pipe', 'pipes', 'culvert', 'culverts', 'basin', 'basins', 'water', 'system', 'outfall', 'vault', 'vaults', 'chamber', 'pond', 'tank', 'tanks', 'cistern', 'interceptor']);

/** Work that raises dust when done dry, besides the silica tools: milling, sanding, blasting, sweeping. */
const DRY_WORK = new Set(['mill', 'milling', 'mills', 'sand', 'sanding', 'blast', 'blasting', 'sweep', 'sweeping', 'swept', 'plane', 'planing', 'scabble', 'scabbling']);

/** Whether a bare "dry" qualifies dusty work in its clause, within six words either way. */
function dryWork(view: TextView, m: PhraseMatch): boolean {
  const clause = view.tokens[m.first].clause;
  if (conceptsNear(view, m.first, m.last, 6).some((c) => c.concept === 'cue.silica_tool' && c.clause === clause)) return true;
  for (let j = Math.max(0, m.first - 6); j <= Math.min(view.tokens.length - 1, m.last + 6); j++) {
    if (view.tokens[j].clause === clause && (DRY_WORK.has(view.tokens[j].text) || view.tokens[j].text === 'method')) return true;
  }
  return false;
}

/** Words after a sign of illness that make it a subject of training or planning, not an observation. */
const TOPIC_AFTER = new Set(['signs', 'symptoms', 'prevention', 'awareness', 'training', 'plan', 'program', 'programme', 'procedures', 'procedure', 'policy', 'poster', 'posters', 'response', 'first']);
/** Training words before "on"/"about" that make what follows a topic ("trained on heat stroke"). */
const TRAINED = new Set(['briefed', 'trained', 'training', 'reminded', 'instructed', 'educated', 'talk', 'briefing', 'refresher', 'taught']);

function isTopic(view: TextView, m: PhraseMatch): boolean {
  if (TOPIC_AFTER.has(view.tokens[m.last + 1]?.text ?? '')) return true;
  const before = view.tokens[m.first - 1]?.text;
  if (before !== 'on' && before !== 'about' && before !== 'recognizing' && before !== 'recognising') return false;
  for (let j = m.first - 2; j >= Math.max(0, m.first - 4); j--) if (TRAINED.has(view.tokens[j].text)) return true;
  return false;
}

/** Whether a monitoring instrument follows the match in its clause, within three words ("crack gauges", "crack and tilt monitoring"). */
function namesInstrument(view: TextView, m: PhraseMatch): boolean {
  const clause = view.tokens[m.last].clause;
  return matchesStarting(view, m.last + 1, m.last + 3).some((c) => c.concept === 'cue.monitoring_instrument' && view.tokens[c.first].clause === clause);
}

/** Words that make the number after them a guess, not a reading ("about" and "roughly" are readings, approximately). */
const GUESSES = new Set(['prob', 'probably', 'maybe', 'perhaps', 'guess', 'guessing', 'guessed', 'assume', 'assuming', 'assumed', 'presumably', 'reckon', 'think', 'thinks', 'figure', 'figures']);

function isGuess(view: TextView, index: number): boolean {
  const clause = view.tokens[index].clause;
  for (let j = index - 1; j >= Math.max(0, index - 3); j--) {
    const t = view.tokens[j];
    if (t.kind === 'break' || t.clause !== clause || (t.kind === 'symbol' && t.text === ',')) return false;
    if (GUESSES.has(t.text)) return true;
  }
  return false;
}

/**
 * Whether a wind speed is the gust: "gusts 31 mph" and "gusting to 32" name the gust before it,
 * "31 mph gusts" right after it; in "18 mph gusting 32 mph" the 18 is the sustained wind.
 */
function isGust(view: TextView, index: number, last: number, near: readonly PhraseMatch[]): boolean {
  const tokens = view.tokens;
  for (const m of near) {
    if (m.concept !== 'cue.gust') continue;
    if (m.last < index && index - m.last <= 4 && !tokens.slice(m.last + 1, index).some((t) => t.kind === 'number')) return true;
    if (m.first === last + 1 && !tokens.slice(m.last + 1, m.last + 4).some((t) => t.kind === 'number')) return true;
  }
  return false;
}

/**
 * A number in free text, read by the words around it in its clause: "gusts to 38 mph", "about 8 feet
 * from the 69 kV line", "an 11 ft cut", "O2 18.2%", "H2S 22 ppm", "strikes 5 miles west". A size that
 * names equipment ("a 40 ft boom lift", "110-ton crane") is not a measurement of the work.
 */
/** Verbs that leave a vehicle or machine standing somewhere ("park the pickup in the buffer"). */
const PARKING_WORDS = new Set(['park', 'parks', 'parked', 'parking', 'stage', 'staged', 'staging', 'store', 'stored', 'leave', 'left', 'stays']);
/** Participles of the trench family that describe an excavation ("shored pit"), and the excavations they describe. */
const DESCRIBES_EXCAVATION = new Set(['shored', 'sloped', 'benched', 'braced']);
const EXCAVATION_NOUNS = new Set(['pit', 'pits', 'trench', 'trenches', 'excavation', 'excavations', 'hole', 'holes', 'cut']);
const DOCUMENT_WORDS = new Set(['plan', 'plans', 'program', 'programme', 'policy', 'training', 'drawing', 'drawings', 'submittal']);
const SHIELDS = ['box', 'shield'];
const SIGNALLERS = ['banksman', 'spotter', 'signal', 'ground guide'];
const MARGIN_WORDS = new Set(['plus', '+']);
const SEPARATION_WORDS = new Set(['clear', 'away', 'independent', 'independently', 'separate', 'separately', 'apart', 'free', 'detached']);
/** "clear of the stage", "independent from the outrigger beams": the words before a thing set it apart from what is tied. */
function separatedFrom(tokens: readonly Token[], first: number): boolean {
  for (let k = first - 1; k >= Math.max(0, first - 3); k--) {
    if ((tokens[k].text === 'of' || tokens[k].text === 'from') && SEPARATION_WORDS.has(tokens[k - 1]?.text ?? '')) return true;
  }
  return false;
}
/** Surfaces that "level" describes as flat rather than numbering a storey. */
const FLAT_SURFACE = new Set(['slab', 'slabs', 'ground', 'floor', 'surface', 'surfaces', 'lawn', 'grade', 'stretch', 'approach', 'gravel', 'lot', 'pad', 'base', 'footing', 'concrete', 'asphalt', 'road', 'yard', 'terrain', 'firm']);
const SPACING_WORDS = new Set(['centres', 'centers', 'centre', 'center', 'spacing', 'spacings', 'oc', 'o.c', 'o.c.', 'on-centre', 'on-center']);

function readQuantity(facts: FactWriter, view: TextView, q: Quantity, strength: Strength): void {
  const tokens = view.tokens;
  let unit = q.unit;
  let last = q.last;
  // "12-hour", "110-ton", "3-ft": the tokenizer leaves the hyphen between number and unit.
  if (!unit && tokens[q.index + 1]?.text === '-' && tokens[q.index + 2]?.kind === 'word') {
    const w = tokens[q.index + 2].text;
    const hyphenated: Record<string, Quantity['unit']> = { ft: 'ft', foot: 'ft', feet: 'ft', ton: 'ton', tons: 'ton', hour: 'hour', hr: 'hour', inch: 'in', in: 'in', mm: 'mm', m: 'm', metre: 'm', meter: 'm', lb: 'lb', kg: 'kg', tonne: 'tonne', kv: 'kv', mph: 'mph', mile: 'mile', day: 'day' };
    unit = hyphenated[w];
    if (unit) last = q.index + 2;
  }
  const after = tokens[last + 1]?.text;
  // "prob 12 kV or so", "I'd guess 15 ft": a guess measures nothing; the fact stays unknown and its question is asked.
  if (isGuess(view, q.index)) return;
  // Class: a number that is part of a name ("B-21's bottom flange", "beam G-3", "pump P-12") labels a thing: a letter and a
  // hyphen before it make it an identifier, and "'s" after it is a possessive, not a foot mark.
  const labelled = tokens[q.index - 1]?.text === '-' && tokens[q.index - 2]?.kind === 'word' && tokens[q.index - 2].text.length <= 3 && !/[0-9]/.test(tokens[q.index - 2].text);
  if (labelled || (tokens[q.last]?.text === "'" && tokens[q.last + 1]?.text === 's')) return;
  // Class: "level" as an adjective of a surface ("level slab", "level lawn", "on level ground") says the surface is flat, not
  // how high it is ("level 3" still is a storey): it is no height cue for the number beside it.
  const near = conceptsNear(view, q.index, last, 6).filter((m) => !(m.concept === 'cue.height' && m.first === m.last && tokens[m.first].text === 'level' && FLAT_SURFACE.has(tokens[m.first + 1]?.text ?? '')));
  // Provenance is spelled out only for the numbers that set a fact.
  const path = () => `${view.path}: "${wordsOf(view, Math.max(0, q.index - 4), Math.min(tokens.length - 1, last + 4))}"`;
  // "about 7 m from the tie-in point": a number followed by "from" or "away" measures across, never up or down,
  // and what follows it is where it is measured from ("12 m from the pipe crew"), not the size of equipment.
  const across = ACROSS.has(tokens[last + 1]?.text ?? '');
  const sizeOfEquipment = !across && near.some((m) => m.concept === 'cue.equipment' && m.first > last && m.first <= last + 3);
  // "strikes 6 miles out", "lightning 8 km away": a distance to the storm. A bare "km" is a speed only next to wind words.
  const bareKm = unit === 'kmh' && q.last === q.index + 1 && tokens[q.last].text === 'km';
  if (unit === 'mile' || (!unit && after === 'mi') || (bareKm && !has(near, 'cue.wind') && !has(near, 'cue.gust'))) {
    if (has(near, 'hazard.lightning')) facts.set('weather.lightning_miles', unit === 'kmh' ? q.value * MILES_PER_KM : q.value, path(), strength);
    return;
  }
  if (!unit) {
    // "alarm at 16:31": a clock time is no reading.
    const clock = (tokens[q.index + 1]?.text === ':' && tokens[q.index + 2]?.kind === 'number') || (tokens[q.index - 1]?.text === ':' && tokens[q.index - 2]?.kind === 'number');
    if (clock) return;
    // "O2 20.9, LEL 0, H2S 0": a bare reading belongs to the gas named nearest before it.
    const gas = nearest(near.filter((m) => m.last < q.index), UNITLESS_GAS);
    if (gas) facts.set(UNITLESS_GAS[gas], q.value, path(), strength);
    return;
  }
  switch (unit) {
    case 'mph':
    case 'kmh':
    case 'ms':
    case 'kn': {
      const mph = toMph(q.value, unit);
      // "overnight gusts to 55 mph" was the wind, not the wind now; "below 20 mph" is a condition.
      if (has(near, 'cue.threshold') || has(near, 'cue.past')) return;
      // "9 kN" on a load cell is a force: the ambiguous "kn" is knots only beside a wind word.
      if (unit === 'kn' && tokens[q.last]?.text === 'kn' && !has(near, 'cue.wind') && !has(near, 'cue.gust')) return;
      // A limit word measures the number next to it, not one across another number ("8 mph gusting 12, limit is 20");
      // "stop laying at 35 mph gusts" names where the work stops, a limit too.
      const nothingBetween = (c: PhraseMatch) => !(c.last < q.index ? tokens.slice(c.last + 1, q.index) : tokens.slice(last + 1, c.first)).some((t) => t.kind === 'number');
      // After the number, the limit word follows it closely ("30 mph limit", "25 mph max"); "14, limit is 25" limits the 25.
      const limitsThis = (c: PhraseMatch) => nothingBetween(c) && (c.last < q.index || (c.first <= last + 2 && !tokens.slice(last + 1, c.first).some((t) => t.kind !== 'word')));
      const limit = near.some((c) => c.concept === 'cue.limit' && limitsThis(c)) || near.some((c) => c.concept === 'verb.stop' && c.last < q.index && !c.negated && nothingBetween(c));
      if (limit) facts.set('wind.limit_mph', mph, path(), strength);
      else if (isGust(view, q.index, last, near)) facts.set('wind.gust_mph', mph, path(), strength);
      else facts.set('wind.speed_mph', mph, path(), strength);
      return;
    }
    case 'degF':
    case 'degC': {
      const c = toCelsius(q.value, unit);
      // "WBGT 15-min avg 30.6 C": a wet bulb globe reading is not the air temperature; a trigger or limit is neither.
      if (has(near, 'cue.wbgt')) {
        if (!has(near, 'cue.threshold') && !has(near, 'cue.limit')) facts.set('heat.wbgt_c', c, path(), strength);
        return;
      }
      facts.set(has(near, 'cue.heat_index') ? 'heat.index_c' : 'heat.temperature_c', c, path(), strength);
      return;
    }
    case 'ft':
    case 'm':
    case 'in':
    case 'cm':
    case 'mm': {
      // "a 6 ft shock-absorbing lanyard": the size of the lanyard is the free fall it allows.
      if (unit === 'ft' || unit === 'm') {
        const lanyard = matchesStarting(view, last + 1, last + 4).find((m) => m.concept === 'cue.lanyard' && !m.negated);
        if (lanyard) return facts.set('fall.lanyard_ft', toFeet(q.value, unit), path(), strength);
      }
      if (sizeOfEquipment) return;
      // "a zone of the panel height plus 2 m": a margin added to another measure is no height or depth of its own.
      if (MARGIN_WORDS.has(tokens[q.index - 1]?.text ?? '')) return;
      // "raking shores at 3 m centres", "studs 16 in o.c.": the spacing of members is no height or depth.
      if (SPACING_WORDS.has(tokens[last + 1]?.text ?? '')) return;
      const ft = toFeet(q.value, unit);
      if (ft === undefined) return;
      // "within 6 feet of the line" is a clearance once a power line is known to be there.
      const powerLine = near.find((m) => m.concept === 'hazard.power_line') ?? (facts.bool('power_line.present') ? near.find((m) => m.concept === 'cue.line') : undefined);
      if (powerLine) {
        if (!powerLine.negated) facts.set('power_line.distance_ft', ft, path(), strength);
        return;
      }
      if (has(near, 'cue.ladder_ext')) return facts.set('ladder.extension_ft', ft, path(), strength);
      if (has(near, 'cue.spoil')) return facts.set('trench.spoil_setback_ft', ft, path(), strength);
      // "work rest about 13 mm from the wheel": the gap 1926.303(c)(1) keeps within 1/8 in.
      if (has(near, 'cue.work_rest')) return facts.set('grinder.rest_gap_ft', ft, path(), strength);
      if (has(near, 'condition.combustible') || has(near, 'cue.cleared')) return facts.set('hot_work.combustibles_cleared_ft', ft, path(), strength);
      if (unit === 'in' || unit === 'cm' || unit === 'mm') return;
      // "cutting off row B pile tops about 15 m away", "12 m from the hammer": how far the cut-off work is from the pile driver;
      // "longest pile 24 m", "piles, 24 m long": the longest pile (1926.603(c)(3)).
      if (across && (has(near, 'cue.pile_cutoff') || has(near, 'cue.pile_rig')) && namesPiles(view)) return facts.set('pile.cutoff_distance_ft', ft, path(), strength);
      if (!across && has(near, 'cue.longest_pile') && namesPiles(view)) return facts.set('pile.longest_ft', ft, path(), strength);
      // "the ladder is 15 m from the crew": the lateral travel to the way out of a trench (1926.651(c)(2)).
      if (across && conceptsNear(view, q.index, last, 10).some((m) => m.concept === 'kind.ladder')) return facts.set('trench.egress_distance_ft', ft, path(), strength);
      // The equipment list gives the size of equipment ("steel trench box 2.4 m tall"), not a height of the work.
      if (across || view.source === 'equipment') return;
      // "ring buoys with 90 ft line", "a 100 ft cord": the length of a line, rope or hose is no height or depth.
      if (LENGTH_OF_THING.has(tokens[last + 1]?.text ?? '')) return;
            // "10 ft from the trench" is a distance, not a depth: then only a word that says depth or height counts.
      const apart = has(near, 'cue.distance');
      // "the load passes within 18 ft": a clearance, once a line is known to be there and nothing else is measured.
      if (apart && facts.bool('power_line.present') && !has(near, 'cue.depth') && !has(near, 'cue.depth_strong') && !has(near, 'cue.height_strong')) return facts.set('power_line.distance_ft', ft, path(), strength);
      // Class: "tab data: max depth Type C = 22 ft for this shield", "rated to 14 ft": a depth a protective system is rated for
      // (1926.652(c)(3) tabulated data) is a limit, not the depth of the cut; beside a shield or its tabulated data it is the rating.
      if ((has(near, 'cue.depth_strong') || has(near, 'cue.depth') || tokens[q.index - 1]?.text === 'to') && shieldRatedDepth(tokens, q.index)) {
        return facts.set('trench.shield_rated_depth_ft', ft, path(), strength);
      }
      // "valve pit (3.2 m deep)": the depth of a structure entered as a confined space is not a trench's depth.
      if (has(near, 'cue.depth_strong') && has(near, 'cue.structure') && !has(near, 'cue.depth') && !has(near, 'kind.trenching') && !has(near, 'kind.excavation')) return facts.set('structure.depth_ft', ft, path(), strength);
      if (has(near, 'cue.depth_strong') || (!apart && has(near, 'cue.depth'))) return facts.set('trench.depth_ft', ft, path(), strength);
      if (has(near, 'cue.height_strong') || (!apart && has(near, 'cue.height'))) return facts.set('fall.height_ft', ft, path(), strength);
      // A bare "at 4 m" is the height of the work, unless it says where a thing was put ("cords hung on hooks at 2.1 m").
      // "the bore at 2.6 m under the main" is a depth below something, not a height either.
      // "Wall at 14 ft", "braces at 12 ft": how tall a thing stands or where it is fixed, not where anyone works.
      const thingAt = tokens[q.index - 1]?.text === 'at' && OBJECT_AT.has(tokens[q.index - 2]?.text ?? '');
      if (thingAt && (tokens[q.index - 2].text === 'wall' || tokens[q.index - 2].text === 'walls')) facts.set('structure.wall_height_ft', ft, path(), strength);
      if (!apart && !thingAt && (tokens[q.index - 1]?.text === 'at' || tokens[q.index - 1]?.text === '~') && !placedObject(tokens, q.index - 1) && !BELOW_WORDS.has(tokens[last + 1]?.text ?? '')) return facts.set('fall.height_ft', ft, path(), strength);
      return;
    }
    case 'kv':
    case 'v': {
      const kv = toKilovolts(q.value, unit);
      if (kv !== undefined && (unit === 'kv' || kv >= 1)) {
        facts.set('power_line.voltage_kv', kv, path(), strength);
        facts.set('power_line.present', true, path(), strength);
      }
      return;
    }
    case 'lb':
    case 'kg':
    case 'ton':
    case 'tonne': {
      // The equipment list gives sizes and ratings of equipment, not the lift's load or the chart at its radius;
      // a proof test's weights test the platform, they are not the lift (1926.1431(j)).
      if (sizeOfEquipment || view.source === 'equipment' || has(near, 'cue.proof_test')) return;
      const lb = toPounds(q.value, unit);
      // "load 8,200 kg, chart capacity 7,900 kg": each weight is what the nearest word says it is.
      const what = nearest(near, WEIGHTS) ?? (near.some((m) => m.concept === 'kind.crane_lift') ? 'cue.load' : undefined);
      if (what) facts.set(WEIGHTS[what], lb, path(), strength);
      return;
    }
    case 'pct': {
      const what = nearest(near, PERCENTAGES);
      if (what === 'cue.capacity' && has(near, 'cue.proof_test')) return;
      if (what) facts.set(PERCENTAGES[what], q.value, path(), strength);
      return;
    }
    case 'ppm': {
      // "no entry until CO reads below 10 ppm": the level a condition waits for is no reading.
      if (isHypothetical(view, { first: q.index })) return;
      const what = nearest(near, PPM);
      if (what) facts.set(PPM[what], q.value, path(), strength);
      return;
    }
    case 'hour':
      if (has(near, 'cue.hours')) facts.set('crew.hours_on_site', toHours(q.value, unit), path(), strength);
      return;
    case 'day':
      if (has(near, 'cue.consecutive')) facts.set('crew.consecutive_days', q.value, path(), strength);
      return;
    default:
  }
}
