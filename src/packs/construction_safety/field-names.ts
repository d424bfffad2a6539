import { identifierParts, type Unit } from '../reading/text.js';

/**
 * What a structured field means, read from its name: agents write `wind_mph`, `wind_speed_kmh`,
 * `gusts_kmh`, `distance_to_line_m` or `rated_capacity_lbs_at_radius` for the same few facts. A name is
 * split into words and its unit suffix; the rule with the most matching words decides (`radius_ft` is
 * a radius, `rated_capacity_lbs_at_radius` a capacity). Only field names, never values, are split here.
 */
export type FieldKind =
  | 'speed' | 'temperature' | 'length' | 'weight' | 'voltage' | 'pct' | 'ppm' | 'hours' | 'days' | 'count' | 'miles'
  | 'status' | 'soil' | 'tag' | 'material' | 'shift' | 'location' | 'slope' | 'anchor' | 'anchor_height' | 'ignore'
  /** A pressure or a strength (psi, MPa, kPa, psf), in psi: concrete strength, ground bearing pressure. */
  | 'stress'
  /** A force or a weight that must carry its unit (kN, lb, kip, kg, t): a bare number in such a field may be a count ("shores: 24"). */
  | 'force'
  /** A work rate in words (light, moderate, heavy, very heavy), read as NIOSH's representative metabolic rate in watts. */
  | 'workload'
  /** A safety device's state: "disconnected", "unplugged", "bypassed" say it is not working. */
  | 'device'
  /** What a hoist is built to carry: materials, or people. */
  | 'hoist'
  /** An inspection on record whose value may be its result ("complete, none detected"): a result says it was done. */
  | 'inspection_record'
  /** A test for absence of voltage whose value may be its result ("absent on all phases", "dead"): a dead result says it was made. */
  | 'absence_test'
  /**
   * A voltage measured on the circuit worked on ("dc_bus_voltage_measured_v: 0", "measured_voltage"): the result of a test
   * for absence of voltage, not the voltage of a line nearby. Below 1 V it says the test found the circuit dead; above, alive.
   */
  | 'measured_voltage'
  /** What a welding return lead is clamped to: a pipeline, gas line or conduit is no ground return (1926.351(c)(2)). */
  | 'return_path'
  /** What shores bear on: frozen or soft ground, offcuts or blocking are no sills (1926.703(b)(5)). */
  | 'sill'
  /** "1 of 4", "4 of 4": whether all of a set is done. */
  | 'fraction'
  /** A safety device said to be bypassed ("lsi_bypass: true") or not in use ("seatbelt_fastened: false", with `inverse`): a safeguard taken away. */
  | 'bypass'
  /** A calendar date (ISO "2024-07-02"), kept as days since 1970 so its age can be taken against the request's timestamp. */
  | 'date'
  /** A respirator: yes/no says one is worn; words say which kind (tight-fitting half mask, loose-fitting hood), read as text. */
  | 'respirator'
  /** A pin or fastener in rigging: a bolt, rod or nail put in its place is makeshift (1926.251(a)(4)). */
  | 'fastener'
  /** A radio channel for crane signals: dedicated to the lift, or shared with other users of the site (1926.1420(b)). */
  | 'channel'
  /** Whose lock is taken off: "removing own lock" says the owner removes it (1910.147(e)(3)). */
  | 'lock_owner'
  /** What an operator is: an operator-in-training (true), certified or qualified (false). */
  | 'trainee'
  /** Where a role stands: at the work, monitoring (true), or away from it (off site, on the phone: false). */
  | 'presence'
  /** The harness D-ring a lanyard is clipped to: a hip or side ring (true), the back, chest or overhead (false). */
  | 'attachment'
  /** Where a truck's driver stands while it is loaded: beside or out of it (true), in the cab or clear (false). */
  | 'beside_truck'
  /** A sling or rigging item described by its value: a tag or marking said missing, torn or illegible is no identification. */
  | 'rigging_id'
  /** The face of an excavation above a shield: sloped or benched (true), vertical or not sloped (false). */
  | 'sloped_face'
  /** Something kept at the work ("first_aid_kit"): "left at the yard", "in the office truck" say it is not at hand; status words as usual. */
  | 'on_hand'
  /** A tire restraining device: "cage", "portable restraint" say one is used; "none", "no" that none is. */
  | 'tire_restraint'
  /** A respirator's filter or cartridge: a particulate class (N95, P100, P3, HEPA) says it filters dust; gas or vapour only says it does not. */
  | 'filter'
  /** A peak particle velocity (mm/s): a bare number or one in mm/s, never a speed in other units. */
  | 'ppv'
  /** A rope-access back-up line: a value naming its anchorage ("D5 davit (independent)") says it is rigged; "none", "no" that it is not. */
  | 'backup_line'
  /** How long it takes to reach a place ("Regional ER, about 50 km, 55 min drive"): the time said in minutes or hours, in minutes. */
  | 'travel_minutes'
  /** Where people are sent ("shelter_location: conex by the gate"): its words are read as text, what the place is made of deciding. */
  | 'place'
  /** Whether a machine is working ("rig_status: driving", "hammer: shut down"): running words say it is, stopped words that it is not. */
  | 'activity';

export type Scope = 'environment' | 'crew' | 'compliance' | 'limits' | 'parameters' | 'other';

export interface FieldRule {
  words: readonly string[];
  fact: string;
  kind: FieldKind;
  /** Only in these parts of the request (a `size` means the crew's only under crew_status). */
  scopes?: readonly Scope[];
  /** The status is stated the other way round (`training_complete: false` means untrained). */
  inverse?: true;
  /** The field names a hazard, so "none" says there is nothing to control (`stored_energy: none`). */
  noneIsSafe?: true;
  /**
   * The field names a device worn or rigged, and a value that says neither yes nor no describes which one or how it is used
   * ("harness: full body", "lifeline: winch-tended, kept taut"): the device is there. An unknown or negative word still decides.
   */
  namesDevice?: true;
  /** The value's words are read as text whatever status it gives ("clear safety glasses" is eye protection, and a clear lens at an arc). */
  readsText?: true;
}

/** Singular, lower-case: how both field names and rules spell a word ("gusts" and "gust" are one word). */
const singular = (w: string): string => (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w);

const r = (words: string, fact: string, kind: FieldKind, extra: Partial<FieldRule> = {}): FieldRule => ({ words: words.split(' ').map(singular), fact, kind, ...extra });

export const FIELD_RULES: readonly FieldRule[] = [
  // wind
  r('wind', 'wind.speed_mph', 'speed'), r('wind speed', 'wind.speed_mph', 'speed'), r('sustained', 'wind.speed_mph', 'speed'),
  r('gust', 'wind.gust_mph', 'speed'), r('peak wind', 'wind.gust_mph', 'speed'), r('wind gust', 'wind.gust_mph', 'speed'),
  r('max wind', 'wind.limit_mph', 'speed'), r('wind limit', 'wind.limit_mph', 'speed'), r('wind rating', 'wind.limit_mph', 'speed'),
  r('rated wind', 'wind.limit_mph', 'speed'), r('maximum wind', 'wind.limit_mph', 'speed'), r('allowable wind', 'wind.limit_mph', 'speed'),
  // "lift_plan_max_gust_ms", "gust_limit_kmh": a gust limit is a limit, not a gust.
  r('max gust', 'wind.limit_mph', 'speed'), r('maximum gust', 'wind.limit_mph', 'speed'), r('gust limit', 'wind.limit_mph', 'speed'), r('allowable gust', 'wind.limit_mph', 'speed'),
  r('stop wind', 'wind.limit_mph', 'speed'), r('wind stop', 'wind.limit_mph', 'speed'), r('wind threshold', 'wind.limit_mph', 'speed'), r('gust threshold', 'wind.limit_mph', 'speed'),
  // heat
  r('temperature', 'heat.temperature_c', 'temperature'), r('temp', 'heat.temperature_c', 'temperature'), r('air temp', 'heat.temperature_c', 'temperature'),
  r('heat index', 'heat.index_c', 'temperature'), r('apparent temperature', 'heat.index_c', 'temperature'), r('feels like', 'heat.index_c', 'temperature'),
  r('humidity', 'heat.humidity_pct', 'pct'), r('rh', 'heat.humidity_pct', 'pct'), r('relative humidity', 'heat.humidity_pct', 'pct'),
  r('heat acclimatized', 'heat.acclimatized', 'status'), r('acclimatized', 'heat.acclimatized', 'status'), r('acclimatised', 'heat.acclimatized', 'status'), r('acclimated', 'heat.acclimatized', 'status'),
  r('heat trained', 'heat.trained', 'status'),
  // NIOSH 2016-106 REL/RAL: the wet bulb globe temperature against the metabolic rate of the work
  r('wbgt', 'heat.wbgt_c', 'temperature'), r('wet bulb globe', 'heat.wbgt_c', 'temperature'), r('wet bulb globe temperature', 'heat.wbgt_c', 'temperature'),
  r('wbgt limit', 'record.wbgt_limit', 'ignore'), r('wbgt threshold', 'record.wbgt_limit', 'ignore'), r('reassess wbgt', 'record.wbgt_limit', 'ignore'), r('wbgt trigger', 'record.wbgt_limit', 'ignore'),
  r('metabolic rate', 'heat.metabolic_w', 'count'), r('metabolic', 'heat.metabolic_w', 'count'), r('metabolic load', 'heat.metabolic_w', 'count'),
  r('work rate', 'heat.metabolic_w', 'workload'), r('workload', 'heat.metabolic_w', 'workload'), r('work intensity', 'heat.metabolic_w', 'workload'), r('exertion', 'heat.metabolic_w', 'workload'),
  // "work_rest: continuous" says how the hour is split, not that a rest break is in place.
  r('work rest', 'record.work_rest', 'ignore'), r('globe temperature', 'record.globe_temperature', 'ignore'), r('globe temp', 'record.globe_temperature', 'ignore'),
  r('heat illness control', 'heat.controls', 'status'), r('water rest shade', 'heat.controls', 'status'), r('heat plan', 'heat.controls', 'status'), r('heat control', 'heat.controls', 'status'),
  r('water', 'heat.water', 'status'), r('drinking water', 'heat.water', 'status'), r('hydration', 'heat.water', 'status'),
  r('shade', 'heat.shade', 'status'), r('rest break', 'heat.rest', 'status'), r('rest', 'heat.rest', 'status'), r('buddy system', 'heat.buddy', 'status'),
  // weather
  r('lightning', 'weather.lightning', 'status'), r('thunder', 'weather.lightning', 'status'), r('lightning distance', 'weather.lightning_miles', 'miles'),
  r('lightning mile', 'weather.lightning_miles', 'miles'), r('minute since thunder', 'weather.minutes_since_thunder', 'count'), r('minute since lightning', 'weather.minutes_since_thunder', 'count'),
  r('time since thunder', 'weather.minutes_since_thunder', 'count'), r('since last thunder', 'weather.minutes_since_thunder', 'count'), r('indoors', 'weather.indoors', 'status'), r('indoor', 'weather.indoors', 'status'),
  r('outdoors', 'weather.indoors', 'status', { inverse: true }), r('location', 'weather.indoors', 'location'),
  // crew
  r('size', 'crew.size', 'count', { scopes: ['crew'] }), r('crew size', 'crew.size', 'count'), r('headcount', 'crew.size', 'count'),
  r('hours', 'crew.hours_on_site', 'hours', { scopes: ['crew', 'parameters'] }), r('hours site', 'crew.hours_on_site', 'hours'), r('hours worked', 'crew.hours_on_site', 'hours'),
  r('shift hours', 'crew.hours_on_site', 'hours'), r('shift length', 'crew.shift_hours', 'hours'), r('shift duration', 'crew.shift_hours', 'hours'),
  // Noise (1926.52): the A-weighted level, not its peak, and the hearing protection worn.
  r('dba', 'noise.level_dba', 'count'), r('noise level', 'noise.level_dba', 'count'), r('sound level', 'noise.level_dba', 'count'), r('lex 8h', 'noise.level_dba', 'count'),
  r('peak dba', 'record.noise_peak', 'ignore'), r('dba peak', 'record.noise_peak', 'ignore'), r('peak noise', 'record.noise_peak', 'ignore'),
  r('hearing protection', 'noise.hearing_protection', 'status'), r('ear protection', 'noise.hearing_protection', 'status'), r('hearing protector', 'noise.hearing_protection', 'status'), r('consecutive days', 'crew.consecutive_days', 'days'), r('days worked', 'crew.consecutive_days', 'days'),
  r('new workers', 'crew.new_workers', 'count'), r('new hires', 'crew.new_workers', 'count'),
  r('operator certified', 'crew.operator_certified', 'status'), r('certified operator', 'crew.operator_certified', 'status'), r('operator certification', 'crew.operator_certified', 'status'),
  r('operator training', 'crew.operator_certified', 'status'), r('operator evaluation', 'crew.operator_certified', 'status'), r('operator card', 'crew.operator_certified', 'status'),
  r('operator licence', 'crew.operator_certified', 'status'), r('operator license', 'crew.operator_certified', 'status'), r('operator trained', 'crew.operator_certified', 'status'),
  r('training record', 'crew.operator_certified', 'status', { scopes: ['parameters'] }),
  r('training complete', 'crew.untrained', 'status', { inverse: true }), r('trained', 'crew.untrained', 'status', { inverse: true }),
  r('shift', 'crew.night', 'shift', { scopes: ['crew', 'other'] }),
  r('briefing', 'crew.briefed', 'status'), r('pre task briefing', 'crew.briefed', 'status'), r('toolbox talk', 'crew.briefed', 'status'), r('jha', 'crew.briefed', 'status'),
  r('jsa', 'crew.briefed', 'status'), r('pre lift meeting', 'crew.briefed', 'status'), r('tailgate', 'crew.briefed', 'status'), r('safety meeting', 'crew.briefed', 'status'),
  r('pre task plan', 'crew.briefed', 'status'), r('swms', 'crew.briefed', 'status'), r('safe work method statement', 'crew.briefed', 'status'), r('method statement', 'crew.briefed', 'status'),
  // falls, scaffolds, ladders
  r('height', 'fall.height_ft', 'length'), r('work height', 'fall.height_ft', 'length'), r('platform height', 'fall.height_ft', 'length'), r('elevation', 'fall.height_ft', 'length'),
  r('fall height', 'fall.height_ft', 'length'), r('fall distance', 'fall.height_ft', 'length'),
  r('fall protection', 'fall.protected', 'status'), r('harness', 'fall.protected', 'status', { namesDevice: true }), r('lanyard', 'fall.protected', 'status', { namesDevice: true }), r('harness lanyard', 'fall.protected', 'status'),
  // The participle and gerund name the same control as the verb: "connectors_tied_off", "tying_off".
  r('tie off', 'fall.protected', 'status'), r('tied off', 'fall.protected', 'status'), r('tying off', 'fall.protected', 'status'), r('tieoff', 'fall.protected', 'status'), r('guardrail', 'fall.protected', 'status'), r('perimeter guardrail', 'fall.protected', 'status'), r('fall arrest', 'fall.protected', 'status'),
  r('pfas', 'fall.protected', 'status'), r('guardrails', 'fall.protected', 'status'), r('handrail', 'fall.protected', 'status'),
  r('fall prevention', 'fall.protected', 'status'), r('safety mesh', 'fall.protected', 'status'), r('safety net', 'fall.protected', 'status'), r('safety netting', 'fall.protected', 'status'),
  // 1926.502(b): a guardrail's own height and openings are not the height anyone works at.
  r('top rail height', 'fall.guardrail_top_ft', 'length'), r('guardrail height', 'fall.guardrail_top_ft', 'length'),
  r('rail height', 'fall.guardrail_top_ft', 'length'), r('handrail height', 'fall.guardrail_top_ft', 'length'), r('guard rail height', 'fall.guardrail_top_ft', 'length'),
  r('edge protection height', 'fall.guardrail_top_ft', 'length'),
  r('largest gap', 'fall.guardrail_gap_ft', 'length'), r('max gap', 'fall.guardrail_gap_ft', 'length'), r('maximum gap', 'fall.guardrail_gap_ft', 'length'),
  r('rail gap', 'fall.guardrail_gap_ft', 'length'), r('guardrail gap', 'fall.guardrail_gap_ft', 'length'), r('intermediate gap', 'fall.guardrail_gap_ft', 'length'),
  r('guardrail opening', 'fall.guardrail_gap_ft', 'length'), r('largest opening', 'fall.guardrail_gap_ft', 'length'),
  r('toe board height', 'record.toe_board', 'ignore'), r('toeboard height', 'record.toe_board', 'ignore'),
  // The height of a thing being built or stored is not the height anyone works at.
  // "reentry_condition: CO below 10 ppm": the level a stand-down waits for before people go back, no reading.
  r('reentry condition', 'record.wait_condition', 'ignore'), r('re entry condition', 'record.wait_condition', 'ignore'), r('entry condition', 'record.wait_condition', 'ignore'),
  r('resume condition', 'record.wait_condition', 'ignore'), r('restart condition', 'record.wait_condition', 'ignore'), r('reentry criteria', 'record.wait_condition', 'ignore'),
  // A masonry wall's height sets its limited access zone (1926.706(a)(1)) and bounds the platform it is built from.
  r('wall height', 'structure.wall_height_ft', 'length'), r('laz width', 'masonry.laz_width_ft', 'length'), r('laz', 'masonry.laz_width_ft', 'length'),
  r('limited access zone', 'masonry.laz_width_ft', 'length'), r('limited access zone width', 'masonry.laz_width_ft', 'length'), r('access zone width', 'masonry.laz_width_ft', 'length'),
  r('laz side', 'record.laz_side', 'ignore'),
  r('restricted zone cleared', 'masonry.zone_cleared', 'status'), r('zone cleared', 'masonry.zone_cleared', 'status'), r('laz cleared', 'masonry.zone_cleared', 'status'),
  r('restricted zone evacuated', 'masonry.zone_cleared', 'status'), r('zone evacuated', 'masonry.zone_cleared', 'status'), r('laz evacuated', 'masonry.zone_cleared', 'status'),
  r('bracing wind limit', 'masonry.zone_wind_mph', 'speed'), r('evacuation wind', 'masonry.zone_wind_mph', 'speed'), r('restricted zone wind', 'masonry.zone_wind_mph', 'speed'),
  r('bracing design wind', 'masonry.zone_wind_mph', 'speed'), r('column height', 'record.object_height', 'ignore'), r('stack height', 'record.object_height', 'ignore'),
  r('pile height', 'record.object_height', 'ignore'), r('building height', 'record.object_height', 'ignore'), r('structure height', 'record.object_height', 'ignore'), r('stockpile height', 'record.object_height', 'ignore'), r('form height', 'record.object_height', 'ignore'),
  r('anchor', 'fall.anchor_unsuitable', 'anchor'), r('anchorage', 'fall.anchor_unsuitable', 'anchor'), r('anchor point', 'fall.anchor_unsuitable', 'anchor'),
  r('tie off point', 'fall.anchor_unsuitable', 'anchor'), r('tie off anchor', 'fall.anchor_unsuitable', 'anchor'),
  r('anchor rating', 'fall.anchor_rating_lbs', 'weight'), r('anchorage rating', 'fall.anchor_rating_lbs', 'weight'), r('anchor capacity', 'fall.anchor_rating_lbs', 'weight'),
  r('anchor strength', 'fall.anchor_rating_lbs', 'weight'), r('anchor rated', 'fall.anchor_rating_lbs', 'weight'),
  r('anchor location', 'fall.anchor_height_ft', 'anchor_height'), r('anchor height', 'fall.anchor_height_ft', 'anchor_height'), r('anchor position', 'fall.anchor_height_ft', 'anchor_height'),
  r('anchorage location', 'fall.anchor_height_ft', 'anchor_height'), r('anchorage height', 'fall.anchor_height_ft', 'anchor_height'),
  r('lanyard length', 'fall.lanyard_ft', 'length'), r('connector', 'fall.lanyard_ft', 'length', { scopes: ['parameters'] }), r('connector length', 'fall.lanyard_ft', 'length'),
  r('d ring height', 'fall.dring_height_ft', 'length'), r('dring height', 'fall.dring_height_ft', 'length'),
  r('deceleration distance', 'fall.deceleration_ft', 'length'), r('deceleration', 'fall.deceleration_ft', 'length'),
  r('free fall', 'fall.free_fall_ft', 'length'), r('free fall distance', 'fall.free_fall_ft', 'length'),
  r('fall clearance', 'fall.clearance_ft', 'length'),
  // "required_clearance_m" in a fall arrest check: the distance the arrest needs below the feet, not a distance to a power line.
  r('required clearance', 'fall.arrest_drop_ft', 'length'), r('required fall clearance', 'fall.arrest_drop_ft', 'length'), r('clearance required', 'fall.arrest_drop_ft', 'length'), r('available clearance', 'fall.clearance_ft', 'length'), r('clearance below', 'fall.clearance_ft', 'length'),
  // Mobile scaffolds (1926.452(w)(6)): riders only on a level, clear surface with a height-to-base ratio of 2:1 or less.
  r('base width', 'scaffold.base_width_ft', 'length'), r('base min width', 'scaffold.base_width_ft', 'length'), r('minimum base width', 'scaffold.base_width_ft', 'length'),
  r('base least dimension', 'scaffold.base_width_ft', 'length'), r('least base dimension', 'scaffold.base_width_ft', 'length'), r('base dimension', 'scaffold.base_width_ft', 'length'),
  r('occupied during move', 'scaffold.ridden', 'status'), r('occupied move', 'scaffold.ridden', 'status'), r('occupied while moving', 'scaffold.ridden', 'status'),
  r('occupied moving', 'scaffold.ridden', 'status'), r('rider during move', 'scaffold.ridden', 'status'), r('riding during move', 'scaffold.ridden', 'status'),
  r('worker on during move', 'scaffold.ridden', 'status'), r('worker on platform during move', 'scaffold.ridden', 'status'), r('ridden during move', 'scaffold.ridden', 'status'),
  r('people on during move', 'scaffold.ridden', 'status'),
  // 1926.452(w)(3): casters and wheels locked while the scaffold is used; a locked caster is no lockout of energy.
  r('lock caster', 'scaffold.casters_locked', 'status'), r('caster lock', 'scaffold.casters_locked', 'status'), r('caster locked', 'scaffold.casters_locked', 'status'),
  r('lock wheel', 'scaffold.casters_locked', 'status'), r('wheel lock', 'scaffold.casters_locked', 'status'), r('wheel locked', 'scaffold.casters_locked', 'status'),
  r('scaffold inspection', 'scaffold.inspected', 'status'), r('scaffold tag', 'scaffold.inspected', 'tag'), r('scaffold inspected', 'scaffold.inspected', 'status'),
  r('extension landing', 'ladder.extension_ft', 'length'), r('extension above', 'ladder.extension_ft', 'length'), r('ladder extension', 'ladder.extension_ft', 'length'),
  r('ladder material', 'ladder.metal', 'material'), r('ladder type', 'ladder.metal', 'material'), r('ladder secured', 'ladder.setup_secured', 'status'),
  // A portable ladder's own set-up (1926.1053(a)(8) spreaders, (b)(6)-(7) secured or footed): subpart X, not 1926.501, is its
  // fall protection (1926.500(a)(2)(vii)).
  r('spreaders locked', 'ladder.setup_secured', 'status'), r('spreader locked', 'ladder.setup_secured', 'status'), r('spreader lock', 'ladder.setup_secured', 'status'),
  r('top secured', 'ladder.setup_secured', 'status'), r('base secured', 'ladder.setup_secured', 'status'), r('top tied', 'ladder.setup_secured', 'status'),
  r('standoff', 'ladder.setup_secured', 'status'), r('stand off', 'ladder.setup_secured', 'status'), r('ladder footed', 'ladder.setup_secured', 'status'),
  // excavations
  r('depth', 'trench.depth_ft', 'length'), r('trench depth', 'trench.depth_ft', 'length'), r('excavation depth', 'trench.depth_ft', 'length'), r('cut depth', 'trench.depth_ft', 'length'),
  r('width', 'trench.width_ft', 'length'),
  // Batch cs-dev-821..860: the angle of sling legs from the horizontal (90 is a vertical pull).
  r('sling angle', 'rigging.sling_angle_deg', 'count'), r('sling angle from horizontal', 'rigging.sling_angle_deg', 'count'), r('leg angle from horizontal', 'rigging.sling_angle_deg', 'count'),
  r('bridle angle', 'rigging.sling_angle_deg', 'count'), r('sling angle horizontal', 'rigging.sling_angle_deg', 'count'),
  // Batch cs-dev-821..860: a sprinkler system's status (NFPA 51B: no hot work while it is impaired); people in an end hose's reach.
  r('sprinkler status', 'fire.sprinklers_in_service', 'status'), r('sprinkler', 'fire.sprinklers_in_service', 'status'), r('sprinkler system', 'fire.sprinklers_in_service', 'status'),
  r('sprinkler protection', 'fire.sprinklers_in_service', 'status'), r('sprinklers in service', 'fire.sprinklers_in_service', 'status'),
  r('personnel in hose radius', 'concrete.hose_radius_people', 'count'), r('people in hose radius', 'concrete.hose_radius_people', 'count'),
  r('worker in hose radius', 'concrete.hose_radius_people', 'count'), r('personnel in hose zone', 'concrete.hose_radius_people', 'count'),
  r('people on end hose', 'concrete.hose_radius_people', 'count'), r('personnel on end hose', 'concrete.hose_radius_people', 'count'),
  // Where a stand-down sends people to shelter ("shelter_location: conex by the gate") is read as text, as the action's own words
  // are (NWS: trailers, containers and vehicles give no protection from a tornado); it is no indoor or outdoor location of the work.
  r('shelter location', 'shelter.named', 'place'), r('shelter area', 'shelter.named', 'place'), r('shelter point', 'shelter.named', 'place'),
  r('storm shelter', 'shelter.named', 'place'), r('tornado shelter', 'shelter.named', 'place'), r('muster point', 'shelter.named', 'place'),
  r('shelter in place location', 'shelter.named', 'place'), r('refuge', 'shelter.named', 'place'), r('shelter', 'shelter.named', 'place', { scopes: ['parameters'] }),
  // Harness leg straps (makers' instructions; 1926.502(d)): "leg_straps_fastened: false" says they are not; "leg_straps_unbuckled: true" that too.
  r('leg strap', 'fall.harness_unfastened', 'status', { inverse: true }), r('leg strap unbuckled', 'fall.harness_unfastened', 'status'),
  r('leg strap unfastened', 'fall.harness_unfastened', 'status'), r('leg strap undone', 'fall.harness_unfastened', 'status'),
  r('leg strap open', 'fall.harness_unfastened', 'status'), r('leg strap loose', 'fall.harness_unfastened', 'status'),
  // A depth a shield or shoring system is rated for in its tabulated data (1926.652(c)(3)) is a limit, not the depth of the cut.
  r('shield rated depth', 'trench.shield_rated_depth_ft', 'length'), r('box rated depth', 'trench.shield_rated_depth_ft', 'length'),
  r('rated depth', 'trench.shield_rated_depth_ft', 'length'), r('depth rating', 'trench.shield_rated_depth_ft', 'length'),
  r('tabulated depth', 'trench.shield_rated_depth_ft', 'length'), r('allowable depth', 'trench.shield_rated_depth_ft', 'length'),
  r('shield depth rating', 'trench.shield_rated_depth_ft', 'length'), r('shield max depth', 'trench.shield_rated_depth_ft', 'length'),
  r('box max depth', 'trench.shield_rated_depth_ft', 'length'), r('tab data depth', 'trench.shield_rated_depth_ft', 'length'),
  // The maker's written approval to go past its tabulated data (1926.652(c)(3)), when the field says it is the shield's or the
  // tabulated data's. A bare "manufacturer_approval" names no equipment: it is record.manufacturer_approval, settled by what the
  // request is about (normalise.ts: a trench shield's, or a crane repair's).
  r('tabulated data deviation approval', 'trench.shield_deviation_approved', 'status'), r('tabulated data approval', 'trench.shield_deviation_approved', 'status'),
  r('tab data approval', 'trench.shield_deviation_approved', 'status'), r('shield approval', 'trench.shield_deviation_approved', 'status'),
  r('box approval', 'trench.shield_deviation_approved', 'status'), r('deviation approval', 'trench.shield_deviation_approved', 'status'),
  r('shield manufacturer approval', 'trench.shield_deviation_approved', 'status'), r('depth approval', 'trench.shield_deviation_approved', 'status'),
  r('spoil setback', 'trench.spoil_setback_ft', 'length'), r('spoil distance', 'trench.spoil_setback_ft', 'length'), r('spoil', 'trench.spoil_setback_ft', 'length'),
  r('egress', 'trench.egress', 'status'), r('means egress', 'trench.egress', 'status'), r('exit ladder', 'trench.egress', 'status'), r('access ladder', 'trench.egress', 'status'),
  r('ladder', 'trench.egress', 'status', { scopes: ['parameters', 'other'] }), r('ramp', 'trench.egress', 'status'),
  r('distance egress', 'trench.egress_distance_ft', 'length'), r('egress distance', 'trench.egress_distance_ft', 'length'), r('distance ladder', 'trench.egress_distance_ft', 'length'),
  r('ladder distance', 'trench.egress_distance_ft', 'length'), r('travel distance', 'trench.egress_distance_ft', 'length'), r('lateral travel', 'trench.egress_distance_ft', 'length'),
  r('distance exit', 'trench.egress_distance_ft', 'length'),
  r('roof slope', 'record.roof_pitch', 'ignore'), r('roof pitch', 'record.roof_pitch', 'ignore'), r('pitch', 'record.roof_pitch', 'ignore'),
  r('slope', 'trench.slope_h_per_v', 'slope'), r('slope ratio', 'trench.slope_h_per_v', 'slope'), r('sloping', 'trench.slope_h_per_v', 'slope'), r('bench slope', 'trench.slope_h_per_v', 'slope'),
  // Water in an excavation (1926.651(h)): how deep it stands, and whether it is being removed.
  r('water depth', 'trench.water_depth_ft', 'length'), r('standing water', 'trench.water_depth_ft', 'length'), r('water level', 'trench.water_depth_ft', 'length'),
  r('dewatering', 'trench.dewatering', 'status'), r('dewater', 'trench.dewatering', 'status'), r('water removal', 'trench.dewatering', 'status'),
  r('trash pump', 'trench.dewatering', 'status'), r('sump pump', 'trench.dewatering', 'status'), r('dewatering pump', 'trench.dewatering', 'status'), r('pumping', 'trench.dewatering', 'status'),
  r('protective system', 'trench.protected', 'status'), r('trench box', 'trench.protected', 'status'), r('shoring', 'trench.protected', 'status'),
  r('trench protection', 'trench.protected', 'status'),
  r('employee inside shield', 'trench.workers_in_shield', 'status'), r('worker inside shield', 'trench.workers_in_shield', 'status'), r('employee in shield', 'trench.workers_in_shield', 'status'),
  r('worker in shield', 'trench.workers_in_shield', 'status'), r('worker in box', 'trench.workers_in_shield', 'status'), r('worker inside box', 'trench.workers_in_shield', 'status'),
  r('person in shield', 'trench.workers_in_shield', 'status'), r('people in box', 'trench.workers_in_shield', 'status'), r('shield', 'trench.protected', 'status'), r('cave protection', 'trench.protected', 'status'),
  r('pe design', 'trench.pe_design', 'status'), r('pe designed', 'trench.pe_design', 'status'), r('pe stamped', 'trench.pe_design', 'status'),
  r('engineer design', 'trench.pe_design', 'status'), r('engineered design', 'trench.pe_design', 'status'), r('professional engineer', 'trench.pe_design', 'status'),
  r('registered engineer', 'trench.pe_design', 'status'), r('engineer designed', 'trench.pe_design', 'status'),
  r('soil', 'trench.soil', 'soil'), r('soil type', 'trench.soil', 'soil'), r('soil classification', 'trench.soil', 'soil'),
  r('trench inspection', 'trench.inspected', 'status'), r('excavation inspection', 'trench.inspected', 'status'),
  r('competent person inspection', 'inspection.competent_person', 'status'), r('competent person', 'inspection.competent_person', 'status'),
  r('utilities located', 'trench.utilities_located', 'status'), r('utility locate', 'trench.utilities_located', 'status'),
  r('one call', 'trench.utilities_located', 'status'), r('one call ticket', 'trench.utilities_located', 'status'), r('locate ticket', 'trench.utilities_located', 'status'),
  r('locate request', 'trench.utilities_located', 'status'), r('utilities marked', 'trench.utilities_located', 'status'), r('services located', 'trench.utilities_located', 'status'),
  r('dial before you dig', 'trench.utilities_located', 'status'), r('before you dig', 'trench.utilities_located', 'status'),
  // HSG47: how close the digging comes to a located service, and whether trial holes have exposed it.
  r('distance cable', 'trench.utility_distance_ft', 'length'), r('cable distance', 'trench.utility_distance_ft', 'length'), r('cable clearance', 'trench.utility_distance_ft', 'length'),
  r('distance service', 'trench.utility_distance_ft', 'length'), r('service distance', 'trench.utility_distance_ft', 'length'), r('distance utility', 'trench.utility_distance_ft', 'length'),
  r('utility distance', 'trench.utility_distance_ft', 'length'), r('utility clearance', 'trench.utility_distance_ft', 'length'), r('distance gas main', 'trench.utility_distance_ft', 'length'),
  r('trial hole', 'trench.utility_exposed', 'status'), r('trial holes dug', 'trench.utility_exposed', 'status'), r('service exposed', 'trench.utility_exposed', 'status'),
  r('utility exposed', 'trench.utility_exposed', 'status'), r('cable exposed', 'trench.utility_exposed', 'status'), r('potholed', 'trench.utility_exposed', 'status'),
  r('pothole', 'trench.utility_exposed', 'status'), r('potholing', 'trench.utility_exposed', 'status'), r('pothole completed', 'trench.utility_exposed', 'status'),
  // "crosses_hp_gas_main: true": the dig or bore passes through the service's line, at no distance from it.
  r('crosses gas', 'trench.crosses_utility', 'status'), r('crosses main', 'trench.crosses_utility', 'status'), r('crosses cable', 'trench.crosses_utility', 'status'),
  r('crosses service', 'trench.crosses_utility', 'status'), r('crosses utility', 'trench.crosses_utility', 'status'), r('crosses pipeline', 'trench.crosses_utility', 'status'),
  // "personnel_entry: false", "entry_required: false": whether anyone goes down into the excavation or space.
  r('personnel entry', 'trench.entry_planned', 'status'), r('entry required', 'trench.entry_planned', 'status'), r('worker entry', 'trench.entry_planned', 'status'),
  // Cable pulling: the rope and every component rated for the puller's force and the pull (Greenlee); nobody in the rope's line.
  r('rope break', 'pull.rope_strength_lbs', 'weight'), r('rope breaking', 'pull.rope_strength_lbs', 'weight'), r('rope rated', 'pull.rope_strength_lbs', 'weight'),
  r('rope rating', 'pull.rope_strength_lbs', 'weight'), r('rope strength', 'pull.rope_strength_lbs', 'weight'), r('expected pull', 'pull.expected_lbs', 'weight'),
  r('calculated pull', 'pull.expected_lbs', 'weight'), r('pull tension', 'pull.expected_lbs', 'weight'), r('puller rating', 'pull.puller_rating_lbs', 'weight'),
  r('puller rated', 'pull.puller_rating_lbs', 'weight'), r('puller capacity', 'pull.puller_rating_lbs', 'weight'), r('rope line', 'pull.worker_in_line', 'status'),
  // Wall and column forms (1926.703(a)(1)): the placement rate the pour plans against the rate the form drawing allows, in ft of rise per hour.
  r('planned rate', 'concrete.pour_rate_ft_h', 'length'), r('pour rate', 'concrete.pour_rate_ft_h', 'length'), r('placement rate', 'concrete.pour_rate_ft_h', 'length'),
  r('rate placement', 'concrete.pour_rate_ft_h', 'length'), r('design rate', 'concrete.design_rate_ft_h', 'length'), r('max rate', 'concrete.design_rate_ft_h', 'length'),
  r('allowable rate', 'concrete.design_rate_ft_h', 'length'), r('form rate', 'concrete.design_rate_ft_h', 'length'),
  // Chainsaws (1910.266(e)(2)): both hands on the handles.
  r('hand saw', 'chainsaw.hands', 'count'), r('hands saw', 'chainsaw.hands', 'count'),
  // Work zones (MUTCD 6C.06): the longitudinal buffer kept free of vehicles and equipment.
  r('buffer clear', 'traffic.buffer_clear', 'status'),
  // Telehandlers and forklifts hoisting a suspended load only with an attachment the manufacturer approves (1910.178(a)(4)).
  r('approved attachment', 'forklift.approved_attachment', 'status'),
  // Embedded services in a slab or wall (1926.416(a)(3)): a clearance to a conduit, rebar or tendon is a drilling offset, not a power line's distance.
  r('clearance conduit', 'embedded.clearance_ft', 'length'), r('conduit clearance', 'embedded.clearance_ft', 'length'), r('distance conduit', 'embedded.clearance_ft', 'length'),
  r('clearance rebar', 'embedded.clearance_ft', 'length'), r('clearance tendon', 'embedded.clearance_ft', 'length'), r('clearance embed', 'embedded.clearance_ft', 'length'),
  r('gpr', 'embedded.scanned', 'status'), r('gpr scan', 'embedded.scanned', 'status'), r('scan', 'embedded.scanned', 'status'), r('slab scan', 'embedded.scanned', 'status'),
  r('concrete scan', 'embedded.scanned', 'status'), r('scan report', 'embedded.scanned', 'inspection_record'), r('xray', 'embedded.scanned', 'status'),
  // power lines
  r('distance line', 'power_line.distance_ft', 'length'), r('line distance', 'power_line.distance_ft', 'length'), r('line clearance', 'power_line.distance_ft', 'length'),
  r('power line', 'power_line.distance_ft', 'length'), r('distance power', 'power_line.distance_ft', 'length'), r('clearance', 'power_line.distance_ft', 'length'),
  r('approach distance', 'power_line.distance_ft', 'length'), r('closest approach', 'power_line.distance_ft', 'length'), r('minimum approach', 'power_line.distance_ft', 'length'),
  r('distance conductor', 'power_line.distance_ft', 'length'), r('conductor distance', 'power_line.distance_ft', 'length'), r('conductor clearance', 'power_line.distance_ft', 'length'), r('powerline', 'power_line.distance_ft', 'length'),
  r('voltage', 'power_line.voltage_kv', 'voltage'), r('line voltage', 'power_line.voltage_kv', 'voltage'), r('kv', 'power_line.voltage_kv', 'voltage'),
  r('deenergized', 'power_line.deenergized', 'status'), r('de energized', 'power_line.deenergized', 'status'), r('lines deenergized', 'power_line.deenergized', 'status'),
  r('line grounded', 'power_line.deenergized', 'status'),
  // 1926.962: protective grounds at the work location, on a line tested dead, let it be worked as deenergized (the pair is derived).
  r('protective ground', 'power_line.grounds_installed', 'status'), r('protective grounding', 'power_line.grounds_installed', 'status'), r('utility clearance', 'power_line.deenergized', 'status'), r('deenergised', 'power_line.deenergized', 'status'),
  // 1926.961(c): the system operator's clearance (its number on record) says the line's disconnects are open and tagged; it is no distance.
  r('clearance number', 'power_line.clearance', 'status'), r('clearance no', 'power_line.clearance', 'status'), r('clearance id', 'power_line.clearance', 'status'),
  r('switching clearance', 'power_line.clearance', 'status'), r('clearance issued', 'power_line.clearance', 'status'), r('clearance holder', 'power_line.clearance', 'status'),
  r('switching order', 'power_line.clearance', 'status'), r('hold off number', 'power_line.clearance', 'status'),
  r('utility contacted', 'power_line.utility_contacted', 'status'), r('encroachment plan', 'power_line.plan', 'status'),
  // 1926.1408(b): the encroachment prevention measures when equipment works inside 20 ft of a line.
  r('ground barrier', 'power_line.encroachment_controls', 'status'), r('line barrier', 'power_line.encroachment_controls', 'status'), r('warning line', 'power_line.encroachment_controls', 'status'),
  r('proximity alarm', 'power_line.encroachment_controls', 'status'), r('range limiter', 'power_line.encroachment_controls', 'status'), r('dedicated spotter', 'power_line.encroachment_controls', 'status'),
  r('goalpost', 'power_line.encroachment_controls', 'status'), r('height barrier', 'power_line.encroachment_controls', 'status'), r('encroachment prevention', 'power_line.encroachment_controls', 'status'),
  // cranes
  r('load', 'crane.load_lbs', 'weight'), r('weight', 'crane.load_lbs', 'weight'), r('mass', 'crane.load_lbs', 'weight'), r('load mass', 'crane.load_lbs', 'weight'), r('gross load', 'crane.load_lbs', 'weight'), r('load weight', 'crane.load_lbs', 'weight'),
  r('platform loaded', 'crane.platform_load_lbs', 'weight'), r('platform load', 'crane.platform_load_lbs', 'weight'),
  r('rigging', 'crane.rigging_lbs', 'weight'), r('rigging weight', 'crane.rigging_lbs', 'weight'),
  r('capacity', 'crane.capacity_lbs', 'weight'), r('rated capacity', 'crane.capacity_lbs', 'weight'), r('chart capacity', 'crane.capacity_lbs', 'weight'), r('rated load', 'crane.capacity_lbs', 'weight'),
  r('load pct', 'crane.load_pct', 'pct'), r('load capacity', 'crane.load_pct', 'pct'), r('capacity pct', 'crane.load_pct', 'pct'), r('pct capacity', 'crane.load_pct', 'pct'),
  r('percent capacity', 'crane.load_pct', 'pct'), r('chart pct', 'crane.load_pct', 'pct'), r('percent chart', 'crane.load_pct', 'pct'), r('utilization', 'crane.load_pct', 'pct'), r('utilisation', 'crane.load_pct', 'pct'),
  // What the load indicator reads with the strain on: more than the load and its rigging weigh says the load is held.
  r('line pull', 'crane.hook_load_lbs', 'weight'), r('hook load', 'crane.hook_load_lbs', 'weight'), r('load reading', 'crane.hook_load_lbs', 'weight'),
  r('lmi reading', 'crane.hook_load_lbs', 'weight'), r('indicated load', 'crane.hook_load_lbs', 'weight'), r('measured load', 'crane.hook_load_lbs', 'weight'),
  r('load free', 'crane.load_free', 'status'), r('free to lift', 'crane.load_free', 'status'), r('released from', 'crane.load_free', 'status'),
  r('hook block', 'crane.hook_block_lbs', 'weight'), r('block weight', 'crane.hook_block_lbs', 'weight'), r('headache ball', 'crane.hook_block_lbs', 'weight'),
  // "loads_planned: 60", "loads_per_day": a count of truckloads, not a weight.
  r('load planned', 'record.load_count', 'ignore'), r('load per day', 'record.load_count', 'ignore'), r('load count', 'record.load_count', 'ignore'), r('number of load', 'record.load_count', 'ignore'),
  r('utilization basis', 'record.utilisation_basis', 'ignore'), r('utilisation basis', 'record.utilisation_basis', 'ignore'),
  // A proof test loads a personnel platform to 125% of the platform's own rating (1926.1431(j)): the test's load and
  // percentage are not the lift's load against the crane's chart.
  r('test load', 'record.proof_test_load', 'ignore'), r('test load pct', 'record.proof_test_load', 'ignore'), r('proof load', 'record.proof_test_load', 'ignore'),
  r('test weight', 'record.proof_test_load', 'ignore'), r('proof test load', 'record.proof_test_load', 'ignore'), r('test load percent', 'record.proof_test_load', 'ignore'),
  r('platform rating', 'record.platform_rating', 'ignore'), r('platform rated', 'record.platform_rating', 'ignore'), r('platform capacity', 'record.platform_rating', 'ignore'),
  r('design load', 'record.design_load', 'ignore'),
  r('radius', 'crane.radius_ft', 'length'), r('boom', 'crane.boom_ft', 'length'), r('boom length', 'crane.boom_ft', 'length'),
  r('lift plan', 'crane.lift_plan', 'status'), r('critical lift', 'crane.critical_lift_plan', 'status'), r('critical lift review', 'crane.critical_lift_plan', 'status'),
  r('critical lift plan', 'crane.critical_lift_plan', 'status'), r('trial lift', 'crane.trial_lift', 'status'), r('proof test', 'crane.proof_test', 'status'),
  r('ground bearing', 'crane.ground_assessed', 'status'), r('ground assessment', 'crane.ground_assessed', 'status'), r('ground assessed', 'crane.ground_assessed', 'status'),
  r('outrigger', 'crane.outriggers_extended', 'status'), r('outriggers', 'crane.outriggers_extended', 'status'),
  // 1926.1420(b)-(c): radio signals over a channel dedicated to the lift, received hands-free by the operator.
  r('radio channel', 'crane.radio_channel_dedicated', 'channel'), r('signal channel', 'crane.radio_channel_dedicated', 'channel'), r('channel', 'crane.radio_channel_dedicated', 'channel', { scopes: ['parameters'] }),
  r('radio frequency', 'crane.radio_channel_dedicated', 'channel'), r('dedicated channel', 'crane.radio_channel_dedicated', 'status'), r('channel dedicated', 'crane.radio_channel_dedicated', 'status'),
  r('hands free', 'crane.radio_hands_free', 'status'), r('handsfree', 'crane.radio_hands_free', 'status'),
  r('signal person', 'crane.signal_person', 'status'), r('signal', 'crane.signal_person', 'status'), r('spotter', 'site.spotter', 'status'),
  r('observer', 'site.spotter', 'status'), r('ground guide', 'site.spotter', 'status'), r('banksman', 'site.spotter', 'status'),
  r('banksman visible', 'site.spotter_visible', 'status'), r('spotter visible', 'site.spotter_visible', 'status'), r('signaller visible', 'site.spotter_visible', 'status'),
  r('signal person visible', 'site.spotter_visible', 'status'), r('banksman in view', 'site.spotter_visible', 'status'), r('spotter in view', 'site.spotter_visible', 'status'),
  r('reversing required', 'vehicle.reversing', 'status'), r('reversing needed', 'vehicle.reversing', 'status'), r('backing required', 'vehicle.reversing', 'status'),
  r('reverse alarm', 'vehicle.reverse_alarm', 'status'), r('backup alarm', 'vehicle.reverse_alarm', 'status'), r('back up alarm', 'vehicle.reverse_alarm', 'status'),
  r('reverse signal alarm', 'vehicle.reverse_alarm', 'status'), r('reversing alarm', 'vehicle.reverse_alarm', 'status'), r('backing alarm', 'vehicle.reverse_alarm', 'status'),
  r('reverse beeper', 'vehicle.reverse_alarm', 'status'), r('tag line', 'crane.tag_lines', 'status'),
  // A tower crane out of service must be free to slew (weathervane); a slew brake applied holds the jib side-on to the wind.
  r('free slew', 'crane.free_slew', 'status'), r('free to slew', 'crane.free_slew', 'status'), r('weathervaning', 'crane.free_slew', 'status'),
  r('weathervane', 'crane.free_slew', 'status'), r('slew brake', 'crane.free_slew', 'status', { inverse: true }), r('slew lock', 'crane.free_slew', 'status', { inverse: true }),
  // 1926.1416(d)(3): the anti-two-block device, and the temporary measures that stand in for it until it is repaired.
  r('anti two block', 'crane.anti_two_block', 'device'), r('atb', 'crane.anti_two_block', 'device'), r('two block protection', 'crane.anti_two_block', 'device'),
  r('two block device', 'crane.anti_two_block', 'device'), r('anti two block status', 'crane.anti_two_block', 'device'), r('atb status', 'crane.anti_two_block', 'device'),
  r('temporary alternative measure', 'crane.a2b_alternative', 'status'), r('alternative measure', 'crane.a2b_alternative', 'status'), r('temporary measure', 'crane.a2b_alternative', 'status'),
  r('cable marked', 'crane.a2b_alternative', 'status'), r('hoist line marked', 'crane.a2b_alternative', 'status'), r('line marked', 'crane.a2b_alternative', 'status'),
  // 1926.552(b)(1)(ii): nobody rides a material hoist except to inspect or maintain it.
  r('hoist type', 'hoist.material', 'hoist'), r('hoist kind', 'hoist.material', 'hoist'), r('hoist class', 'hoist.material', 'hoist'),
  r('rider', 'hoist.riders', 'count', { scopes: ['parameters'] }), r('riders total', 'hoist.riders', 'count'), r('passenger', 'hoist.riders', 'count', { scopes: ['parameters'] }),
  r('persons riding', 'hoist.riders', 'count'), r('people riding', 'hoist.riders', 'count'), r('workers riding', 'hoist.riders', 'count'), r('crew riding', 'hoist.riders', 'count'),
  // 1926.1425: a hoisting route over people, or people left in the fall zone ("route_passes_over_workers", "workers_cleared_from_route: false").
  r('over worker', 'crane.workers_under_load', 'status'), r('over crew', 'crane.workers_under_load', 'status'), r('over people', 'crane.workers_under_load', 'status'),
  r('under load', 'crane.workers_under_load', 'status'), r('worker under', 'crane.workers_under_load', 'status'), r('worker in fall zone', 'crane.workers_under_load', 'status'),
  r('worker cleared', 'crane.workers_under_load', 'status', { inverse: true, scopes: ['parameters'] }), r('crew cleared', 'crane.workers_under_load', 'status', { inverse: true, scopes: ['parameters'] }),
  r('fall zone clear', 'crane.workers_under_load', 'status', { inverse: true }),
  // "persons_in_fall_zone: 0", "workers_in_exclusion_zone: 2": a count of people where the load can fall.
  r('person in fall zone', 'crane.workers_under_load', 'status'), r('people in fall zone', 'crane.workers_under_load', 'status'),
  // 1926.851(b): a stairwell used in demolition covered two floors below the work.
  r('stairwell covered', 'demolition.stairwell_covered', 'status'), r('stair shaft covered', 'demolition.stairwell_covered', 'status'),
  r('stairwell cover', 'demolition.stairwell_covered', 'status'), r('catch deck', 'demolition.stairwell_covered', 'status'),
  // 1926.756(c)(1): in a double connection one bolt stays wrench-tight on the first member unless a seat or clip carries it.
  r('bolts left on first member', 'steel.double_connection_bolts', 'count'), r('bolts remaining on first member', 'steel.double_connection_bolts', 'count'),
  r('bolts left first member', 'steel.double_connection_bolts', 'count'), r('seat or clip supplied', 'steel.double_connection_seat', 'status'),
  r('seat supplied', 'steel.double_connection_seat', 'status'), r('clip supplied', 'steel.double_connection_seat', 'status'), r('erection seat', 'steel.double_connection_seat', 'status'),
  // 1926.601(b)(14): a vehicle's defects corrected before it is placed in service.
  r('defect corrected', 'equipment.defect_corrected', 'status'), r('defects corrected', 'equipment.defect_corrected', 'status'),
  r('defect repaired', 'equipment.defect_corrected', 'status'), r('deficiency corrected', 'equipment.defect_corrected', 'status'),
  // 1910.177 via 1926.600(a)(2): multi-piece rim wheels inflated in a restraining device.
  r('restraining device', 'tire.restraint', 'tire_restraint'), r('inflation cage', 'tire.restraint', 'tire_restraint'), r('tire cage', 'tire.restraint', 'tire_restraint'),
  r('tyre cage', 'tire.restraint', 'tire_restraint'), r('restraint cage', 'tire.restraint', 'tire_restraint'),
  // 1926.1417(d): no activity that diverts the operator's attention while operating, such as a cell phone other than for signals.
  r('operator on phone', 'crane.operator_distracted', 'status'), r('operator phone', 'crane.operator_distracted', 'status'),
  r('operator on call', 'crane.operator_distracted', 'status'), r('operator distracted', 'crane.operator_distracted', 'status'),
  r('operator texting', 'crane.operator_distracted', 'status'), r('operator cell phone', 'crane.operator_distracted', 'status'),
  // 1926.1434(a), 1926.1412(c): a repair or modification of a crane's structural or safety part follows the manufacturer's (or an
  // RPE's) procedure; "manufacturer_procedure: none" says it does not.
  // ("manufacturer_procedure" alone is the assembly record's, crane.ad_procedure; the repair rule reads it for repair work.)
  r('manufacturer repair procedure', 'equipment.repair_procedure', 'status'),
  // "manufacturer_approval", "oem_written_approval" name no equipment: record.manufacturer_approval, settled in normalise.ts.
  r('manufacturer approval', 'record.manufacturer_approval', 'status'), r('manufacturer written approval', 'record.manufacturer_approval', 'status'),
  r('oem approval', 'record.manufacturer_approval', 'status'), r('oem written approval', 'record.manufacturer_approval', 'status'),
  r('maker approval', 'record.manufacturer_approval', 'status'), r('maker written approval', 'record.manufacturer_approval', 'status'),
  r('oem procedure', 'equipment.repair_procedure', 'status'), r('rpe approval', 'equipment.repair_procedure', 'status'),
  r('repair procedure', 'equipment.repair_procedure', 'status'),
  // 1926.50(c)-(d): a person trained in first aid where no care is in near proximity; first-aid supplies easily accessible.
  r('first aid person', 'site.first_aid_person', 'status'), r('first aid attendant', 'site.first_aid_person', 'status'),
  r('first aider', 'site.first_aid_person', 'status'), r('first aid trained', 'site.first_aid_person', 'status'),
  r('first aid cpr trained', 'site.first_aid_person', 'status'), r('cpr first aid trained', 'site.first_aid_person', 'status'),
  r('first aid kit', 'site.first_aid_kit', 'on_hand'), r('first aid supplies', 'site.first_aid_kit', 'on_hand'),
  r('nearest hospital', 'site.care_minutes', 'travel_minutes'), r('nearest er', 'site.care_minutes', 'travel_minutes'),
  r('nearest clinic', 'site.care_minutes', 'travel_minutes'), r('nearest medical', 'site.care_minutes', 'travel_minutes'),
  r('hospital distance', 'site.care_minutes', 'travel_minutes'), r('ems response', 'site.care_minutes', 'travel_minutes'),
  // Who is in the path a load travels (1926.701(e)(1)-(2) concrete buckets; 1926.1425(b)): a value naming people or a count says
  // they are there, "none" that nobody is.
  r('people in swing path', 'crane.workers_under_load', 'status'), r('person in swing path', 'crane.workers_under_load', 'status'),
  r('worker in swing path', 'crane.workers_under_load', 'status'), r('crew in swing path', 'crane.workers_under_load', 'status'),
  r('people in load path', 'crane.workers_under_load', 'status'), r('person in load path', 'crane.workers_under_load', 'status'),
  r('worker in load path', 'crane.workers_under_load', 'status'), r('people under bucket', 'crane.workers_under_load', 'status'),
  r('worker under bucket', 'crane.workers_under_load', 'status'), r('people in travel path', 'crane.workers_under_load', 'status'),
  r('person in exclusion zone', 'crane.workers_under_load', 'status', { scopes: ['parameters'] }), r('worker in exclusion zone', 'crane.workers_under_load', 'status', { scopes: ['parameters'] }),
  r('person in drop zone', 'crane.workers_under_load', 'status'), r('worker in drop zone', 'crane.workers_under_load', 'status'), r('route clear', 'crane.workers_under_load', 'status', { inverse: true, scopes: ['parameters'] }),
  r('rigging inspection', 'equipment.inspected', 'status'), r('crane inspection', 'equipment.inspected', 'status'), r('equipment inspection', 'equipment.inspected', 'status'),
  r('pre use inspection', 'equipment.inspected', 'status'), r('harness inspection', 'equipment.inspected', 'status'), r('harness inspected', 'equipment.inspected', 'status'),
  r('daily inspection', 'equipment.inspected', 'status'), r('inspection', 'equipment.inspected', 'status'),
  // crane assembly and disassembly (1926.1403-1405)
  r('ad director', 'crane.ad_director', 'status'), r('a d director', 'crane.ad_director', 'status'), r('assembly director', 'crane.ad_director', 'status'),
  r('disassembly director', 'crane.ad_director', 'status'), r('dismantle director', 'crane.ad_director', 'status'),
  r('manufacturer procedure', 'crane.ad_procedure', 'status'), r('manufacturer instruction', 'crane.ad_procedure', 'status'), r('per manufacturer', 'crane.ad_procedure', 'status'),
  // 1926.1052(b)(3): pan stairs not yet filled take no foot traffic unless fitted with solid temporary treads.
  r('pan filled', 'stair.pans_filled', 'status'), r('pan tread filled', 'stair.pans_filled', 'status'), r('stair pan filled', 'stair.pans_filled', 'status'),
  r('temporary tread', 'stair.temporary_treads', 'status'), r('temp tread', 'stair.temporary_treads', 'status'),
  // 1926.305(a)(3)-(d), 1926.600(a)(3)(i): a raised structure or part resting on cribbing or blocking, not hanging on jacks or a hook.
  r('cribbing in place', 'load.cribbed', 'status'), r('load on cribbing', 'load.cribbed', 'status'), r('load on crib', 'load.cribbed', 'status'),
  r('cribbed', 'load.cribbed', 'status'), r('blocked and cribbed', 'load.cribbed', 'status'), r('load blocked', 'load.cribbed', 'status'),
  r('structure on cribbing', 'load.cribbed', 'status'), r('resting on cribbing', 'load.cribbed', 'status'),
  r('section blocked', 'crane.boom_blocked', 'status'), r('boom blocked', 'crane.boom_blocked', 'status'), r('boom supported', 'crane.boom_blocked', 'status'),
  r('section supported', 'crane.boom_blocked', 'status'), r('boom cribbed', 'crane.boom_blocked', 'status'), r('section cribbed', 'crane.boom_blocked', 'status'),
  r('pendant tension', 'crane.pendants_tensioned', 'status'), r('pendant in tension', 'crane.pendants_tensioned', 'status'), r('pendant tensioned', 'crane.pendants_tensioned', 'status'),
  r('pendant slack', 'crane.pendants_tensioned', 'status', { inverse: true }), r('pendant released', 'crane.pendants_tensioned', 'status', { inverse: true }),
  r('under boom', 'crane.worker_under_boom', 'status'), r('beneath boom', 'crane.worker_under_boom', 'status'),
  // ground bearing (1926.1402): the pressure the outriggers put on the ground against what the ground allows
  r('bearing pressure', 'crane.ground_pressure_psi', 'stress'), r('ground pressure', 'crane.ground_pressure_psi', 'stress'), r('outrigger pressure', 'crane.ground_pressure_psi', 'stress'),
  r('pad pressure', 'crane.ground_pressure_psi', 'stress'), r('mat pressure', 'crane.ground_pressure_psi', 'stress'),
  r('allowable bearing', 'crane.ground_allowable_psi', 'stress'), r('bearing capacity', 'crane.ground_allowable_psi', 'stress'), r('allowable pressure', 'crane.ground_allowable_psi', 'stress'),
  r('allowable soil', 'crane.ground_allowable_psi', 'stress'), r('allowable ground', 'crane.ground_allowable_psi', 'stress'), r('soil capacity', 'crane.ground_allowable_psi', 'stress'),
  // concrete: forms and shores come out only once the concrete is shown strong enough (1926.703(e))
  r('cured cylinder', 'concrete.strength_psi', 'stress'), r('cylinder break', 'concrete.strength_psi', 'stress'), r('cylinder avg', 'concrete.strength_psi', 'stress'), r('cylinder strength', 'concrete.strength_psi', 'stress'), r('compressive strength', 'concrete.strength_psi', 'stress'),
  r('concrete strength', 'concrete.strength_psi', 'stress'), r('tested strength', 'concrete.strength_psi', 'stress'), r('measured strength', 'concrete.strength_psi', 'stress'),
  r('break strength', 'concrete.strength_psi', 'stress'), r('in place strength', 'concrete.strength_psi', 'stress'), r('current strength', 'concrete.strength_psi', 'stress'),
  r('stripping criterion', 'concrete.strip_strength_psi', 'stress'), r('strip criterion', 'concrete.strip_strength_psi', 'stress'), r('stripping strength', 'concrete.strip_strength_psi', 'stress'),
  r('strip strength', 'concrete.strip_strength_psi', 'stress'), r('required strength', 'concrete.strip_strength_psi', 'stress'), r('removal strength', 'concrete.strip_strength_psi', 'stress'),
  r('stripping requirement', 'concrete.strip_strength_psi', 'stress'), r('release strength', 'concrete.strip_strength_psi', 'stress'),
  r('design strength', 'record.design_strength', 'ignore'), r('day since pour', 'record.concrete_age', 'ignore'),
  // Shores and props against their safe working load (1926.703(a)(1), (b)(4)): a reading must carry its unit.
  r('shore', 'shoring.load_lbs', 'force'), r('shore load', 'shoring.load_lbs', 'force'), r('shore reading', 'shoring.load_lbs', 'force'), r('prop load', 'shoring.load_lbs', 'force'),
  r('post load', 'shoring.load_lbs', 'force'), r('shore force', 'shoring.load_lbs', 'force'),
  r('shore safe working load', 'shoring.rated_lbs', 'force'), r('shore swl', 'shoring.rated_lbs', 'force'), r('shore wll', 'shoring.rated_lbs', 'force'), r('shore capacity', 'shoring.rated_lbs', 'force'),
  r('shore rating', 'shoring.rated_lbs', 'force'), r('shore rated', 'shoring.rated_lbs', 'force'), r('shore allowable', 'shoring.rated_lbs', 'force'), r('allowable shore', 'shoring.rated_lbs', 'force'),
  r('prop swl', 'shoring.rated_lbs', 'force'), r('prop capacity', 'shoring.rated_lbs', 'force'), r('prop safe working load', 'shoring.rated_lbs', 'force'),
  r('over swl', 'shoring.readings_over_rating', 'count'), r('reading over swl', 'shoring.readings_over_rating', 'count'), r('shore over swl', 'shoring.readings_over_rating', 'count'), r('over safe working load', 'shoring.readings_over_rating', 'count'), r('over wll', 'shoring.readings_over_rating', 'count'),
  r('reshore', 'concrete.reshores', 'status'), r('reshoring', 'concrete.reshores', 'status'), r('reshores on site', 'concrete.reshores', 'status'),
  // confined spaces
  r('o2', 'confined_space.o2_pct', 'pct'), r('oxygen', 'confined_space.o2_pct', 'pct'), r('lel', 'confined_space.lel_pct', 'pct'), r('lfl', 'confined_space.lel_pct', 'pct'),
  r('h2s', 'confined_space.h2s_ppm', 'ppm'), r('hydrogen sulfide', 'confined_space.h2s_ppm', 'ppm'), r('co', 'confined_space.co_ppm', 'ppm'), r('carbon monoxide', 'confined_space.co_ppm', 'ppm'),
  r('attendant', 'confined_space.attendant', 'status'), r('standby person', 'confined_space.attendant', 'status'), r('stand by person', 'confined_space.attendant', 'status'),
  r('safety standby', 'confined_space.attendant', 'status'), r('hole watch', 'confined_space.attendant', 'status'), r('ventilation', 'confined_space.ventilation', 'status'), r('rescue', 'confined_space.rescue', 'status'),
  r('rescue service', 'confined_space.rescue', 'status'), r('retrieval', 'confined_space.rescue', 'status'), r('atmospheric test', 'confined_space.tested', 'status'),
  r('gas test', 'confined_space.tested', 'status'), r('air test', 'confined_space.tested', 'status'), r('continuous monitoring', 'confined_space.monitoring', 'status'),
  // hot work
  r('fire watch', 'hot_work.fire_watch', 'status'),
  r('post work fire watch', 'hot_work.fire_watch_after_h', 'hours'), r('fire watch after', 'hot_work.fire_watch_after_h', 'hours'), r('fire watch duration', 'hot_work.fire_watch_after_h', 'hours'),
  r('fire watch time', 'hot_work.fire_watch_after_h', 'hours'), r('post fire watch', 'hot_work.fire_watch_after_h', 'hours'), r('hot work permit', 'hot_work.permit', 'status'), r('extinguisher', 'hot_work.extinguisher', 'status'),
  r('combustible cleared', 'hot_work.combustibles_cleared_ft', 'length'), r('combustible', 'hot_work.combustibles_cleared_ft', 'length'),
  r('tank cleaned', 'hot_work.container_cleaned', 'status'), r('container cleaned', 'hot_work.container_cleaned', 'status'), r('cleaned', 'hot_work.container_cleaned', 'status'),
  r('purged', 'hot_work.container_cleaned', 'status'), r('vapor test', 'hot_work.container_cleaned', 'status'), r('vapour test', 'hot_work.container_cleaned', 'status'),
  r('gas free', 'hot_work.container_cleaned', 'status'),
  // hazardous energy
  r('lockout', 'loto.applied', 'status'), r('loto', 'loto.applied', 'status'), r('lockout tagout', 'loto.applied', 'status'), r('lock applied', 'loto.applied', 'status'),
  r('tag applied', 'loto.applied', 'status'), r('lock', 'loto.applied', 'status'), r('isolation', 'loto.applied', 'status'),
  r('zero energy', 'loto.verified', 'status'), r('zero energy verified', 'loto.verified', 'status'), r('verified dead', 'loto.verified', 'status'),
  r('live work', 'loto.live_work', 'status'), r('energized work', 'loto.live_work', 'status'), r('stored energy', 'loto.stored_energy', 'status', { noneIsSafe: true }),
  r('repair while energized', 'loto.live_work', 'status'), r('work energized', 'loto.live_work', 'status'), r('while energized', 'loto.live_work', 'status'),
  r('voltage test', 'loto.verified', 'absence_test'), r('absence voltage', 'loto.verified', 'absence_test'), r('test before touch', 'loto.verified', 'absence_test'),
  r('voltage measured', 'loto.verified', 'measured_voltage'), r('measured voltage', 'loto.verified', 'measured_voltage'), r('voltage reading', 'loto.verified', 'measured_voltage'),
  r('residual voltage', 'loto.verified', 'measured_voltage'), r('bus voltage', 'loto.verified', 'measured_voltage'),
  r('live dead live', 'loto.verified', 'absence_test'), r('verified deenergized', 'loto.verified', 'status'), r('tested dead', 'loto.verified', 'absence_test'),
  r('source isolated', 'loto.applied', 'status'), r('isolated', 'loto.applied', 'status'), r('disconnect open', 'loto.applied', 'status'),
  r('source open', 'loto.applied', 'status'), r('breaker open', 'loto.applied', 'status'), r('source locked', 'loto.applied', 'status'),
  // A device bypassed or a restraint left off, as the tool call records it (the safeguard_removed hazard).
  r('bypass', 'safeguards.removed', 'bypass'), r('bypassed', 'safeguards.removed', 'bypass'), r('override active', 'safeguards.removed', 'bypass'),
  r('defeated', 'safeguards.removed', 'bypass'), r('jumpered', 'safeguards.removed', 'bypass'),
  // Bypass pumping of a live sewer, a bypass road: no device is bypassed.
  r('bypass pump', 'record.bypass_flow', 'ignore'), r('bypass pumping', 'record.bypass_flow', 'ignore'), r('bypass line', 'record.bypass_flow', 'ignore'),
  r('bypass road', 'record.bypass_flow', 'ignore'), r('bypass route', 'record.bypass_flow', 'ignore'), r('bypass valve', 'record.bypass_flow', 'ignore'),
  r('seatbelt fastened', 'safeguards.removed', 'bypass', { inverse: true }), r('seat belt fastened', 'safeguards.removed', 'bypass', { inverse: true }),
  r('seatbelt worn', 'safeguards.removed', 'bypass', { inverse: true }), r('seat belt worn', 'safeguards.removed', 'bypass', { inverse: true }),
  // A restraint or a rollover structure not in use on earthmoving equipment (1926.602(a)(2)(i), 1926.1000-1001): "seat_belt: unlatched", "rops_raised: false".
  r('seatbelt', 'safeguards.removed', 'bypass', { inverse: true }), r('seat belt', 'safeguards.removed', 'bypass', { inverse: true }),
  r('seatbelt latched', 'safeguards.removed', 'bypass', { inverse: true }), r('seat belt latched', 'safeguards.removed', 'bypass', { inverse: true }),
  r('seatbelt buckled', 'safeguards.removed', 'bypass', { inverse: true }), r('seat belt buckled', 'safeguards.removed', 'bypass', { inverse: true }),
  r('rops', 'safeguards.removed', 'bypass', { inverse: true }), r('rops raised', 'safeguards.removed', 'bypass', { inverse: true }), r('rops up', 'safeguards.removed', 'bypass', { inverse: true }),
  r('rops state', 'safeguards.removed', 'bypass', { inverse: true }), r('rollover protection', 'safeguards.removed', 'bypass', { inverse: true }),
  // A nailer's contact (muzzle) safety tied, taped or disabled (1926.302(b)(3); NIOSH/OSHA Nail Gun Safety, NIOSH 2011-202).
  r('contact safety', 'safeguards.removed', 'bypass', { inverse: true }), r('muzzle safety', 'safeguards.removed', 'bypass', { inverse: true }),
  r('safety tip', 'safeguards.removed', 'bypass', { inverse: true }), r('nose safety', 'safeguards.removed', 'bypass', { inverse: true }),
  r('contact tip', 'safeguards.removed', 'bypass', { inverse: true }), r('contact element', 'safeguards.removed', 'bypass', { inverse: true }),
  r('contact trip', 'safeguards.removed', 'bypass', { inverse: true }), r('trigger safety', 'safeguards.removed', 'bypass', { inverse: true }),
  r('safety contact', 'safeguards.removed', 'bypass', { inverse: true }),
  // Compressed gas cylinders moved or hoisted (1926.350(a)(1), (a)(2), (a)(6)).
  r('cradle', 'cylinder.cradle', 'status'), r('cylinder cradle', 'cylinder.cradle', 'status'), r('slingboard', 'cylinder.cradle', 'status'),
  r('cylinder cage', 'cylinder.cradle', 'status'), r('cylinder carrier', 'cylinder.cradle', 'status'), r('cylinder rack', 'cylinder.cradle', 'status'),
  r('choker', 'cylinder.choker', 'status'),
  r('regulator', 'cylinder.regulators_on', 'status'), r('regulator attached', 'cylinder.regulators_on', 'status'), r('regulator on', 'cylinder.regulators_on', 'status'),
  r('regulator fitted', 'cylinder.regulators_on', 'status'), r('regulator connected', 'cylinder.regulators_on', 'status'),
  r('regulator removed', 'cylinder.regulators_on', 'status', { inverse: true }), r('regulator off', 'cylinder.regulators_on', 'status', { inverse: true }),
  r('valve cap', 'cylinder.caps_on', 'status'), r('protection cap', 'cylinder.caps_on', 'status'), r('cylinder cap', 'cylinder.caps_on', 'status'), r('cap on', 'cylinder.caps_on', 'status'),
  // Flaggers, their stations and the advance warning signs (1926.201(a), 1926.200(g)(2), MUTCD Part 6).
  r('flagger', 'traffic.flaggers', 'count'), r('flagger certification', 'record.flagger_certification', 'ignore'), r('flagger training', 'record.flagger_certification', 'ignore'),
  r('flagger station lighting', 'traffic.station_lit', 'status'), r('station lighting', 'traffic.station_lit', 'status'), r('flagger lighting', 'traffic.station_lit', 'status'),
  r('flagger station lit', 'traffic.station_lit', 'status'), r('flagger illumination', 'traffic.station_lit', 'status'), r('station illumination', 'traffic.station_lit', 'status'),
  r('advance sign', 'traffic.advance_signs', 'status'), r('advance warning sign', 'traffic.advance_signs', 'status'), r('advance warning', 'traffic.advance_signs', 'status'),
  r('warning sign', 'traffic.advance_signs', 'status'),
  r('advance sign required', 'record.signs_required', 'ignore'), r('warning sign required', 'record.signs_required', 'ignore'), r('sign required', 'record.signs_required', 'ignore'),
  // A ladder or box used on a lift's or scaffold's platform to gain height (1926.453(b)(2)(iv), 1926.451(f)(15)).
  r('ladder on platform', 'fall.off_platform_floor', 'status'), r('ladder in basket', 'fall.off_platform_floor', 'status'), r('ladder in bucket', 'fall.off_platform_floor', 'status'),
  r('standing on rail', 'fall.off_platform_floor', 'status'), r('standing on midrail', 'fall.off_platform_floor', 'status'), r('climbing rail', 'fall.off_platform_floor', 'status'),
  // Suspension ropes shielded from heat-producing processes (1926.451(f)(11)).
  r('rope protection', 'scaffold.ropes_shielded', 'status'), r('rope shield', 'scaffold.ropes_shielded', 'status'), r('rope shielding', 'scaffold.ropes_shielded', 'status'),
  r('rope guard', 'scaffold.ropes_shielded', 'status'), r('rope shielded', 'scaffold.ropes_shielded', 'status'), r('rope protected', 'scaffold.ropes_shielded', 'status'),
  // LOLER 1998 reg 9(3): the last thorough examination of lifting accessories (6-monthly) and lifting equipment (12-monthly).
  r('accessory last thorough exam', 'lifting.accessory_exam_day', 'date'), r('accessory thorough examination', 'lifting.accessory_exam_day', 'date'),
  r('sling last thorough exam', 'lifting.accessory_exam_day', 'date'), r('sling thorough examination', 'lifting.accessory_exam_day', 'date'), r('sling last inspected', 'lifting.accessory_exam_day', 'date'),
  r('accessory last examined', 'lifting.accessory_exam_day', 'date'), r('sling last examined', 'lifting.accessory_exam_day', 'date'), r('rigging last examined', 'lifting.accessory_exam_day', 'date'),
  r('last thorough exam', 'lifting.equipment_exam_day', 'date'), r('last thorough examination', 'lifting.equipment_exam_day', 'date'), r('thorough examination date', 'lifting.equipment_exam_day', 'date'),
  r('crane last thorough exam', 'lifting.equipment_exam_day', 'date'), r('last annual inspection', 'lifting.equipment_exam_day', 'date'), r('annual inspection date', 'lifting.equipment_exam_day', 'date'),
  // silica, demolition
  r('engine indoors', 'co.engines_indoors', 'count'), r('engine tool indoors', 'co.engines_indoors', 'count'), r('gasoline indoors', 'co.engines_indoors', 'count'),
  r('fuel engine indoors', 'co.engines_indoors', 'count'), r('engine pit', 'co.engine_in_excavation', 'status'), r('engine trench', 'co.engine_in_excavation', 'status'), r('engine excavation', 'co.engine_in_excavation', 'status'), r('co monitor', 'co.monitor', 'status'), r('carbon monoxide monitor', 'co.monitor', 'status'),
  r('alternate entry', 'confined_space.alternate_entry', 'status'), r('alternate procedure', 'confined_space.alternate_entry', 'status'),
  r('alternate entry certification', 'confined_space.alternate_entry', 'status'),
  r('dust control', 'silica.controls', 'status'), r('silica control', 'silica.controls', 'status'), r('silica', 'silica.controls', 'status'), r('water delivery', 'silica.controls', 'status'), r('vacuum', 'silica.controls', 'status'),
  r('dust collection', 'silica.controls', 'status'), r('wet cutting', 'silica.controls', 'status'), r('respirator', 'silica.respirator', 'respirator'),
  r('worker inside structure', 'demolition.workers_inside', 'count'), r('people inside structure', 'demolition.workers_inside', 'count'), r('worker inside building', 'demolition.workers_inside', 'count'),
  r('worker in structure', 'demolition.workers_inside', 'count'), r('person inside structure', 'demolition.workers_inside', 'count'),
  r('engineering survey', 'demolition.survey', 'status'), r('structural survey', 'demolition.survey', 'status'),
  // 40 CFR 61.145(a), 1926.1101(k): the asbestos inspection, register or removal on record (not the asbestos itself: "asbestos_status" says what was found).
  r('asbestos survey', 'demolition.asbestos_checked', 'inspection_record'), r('asbestos register', 'demolition.asbestos_checked', 'inspection_record'), r('asbestos report', 'demolition.asbestos_checked', 'inspection_record'),
  r('asbestos inspection', 'demolition.asbestos_checked', 'inspection_record'), r('asbestos removed', 'demolition.asbestos_checked', 'inspection_record'), r('asbestos removal', 'demolition.asbestos_checked', 'inspection_record'),
  r('asbestos abatement', 'demolition.asbestos_checked', 'inspection_record'), r('asbestos clearance', 'demolition.asbestos_checked', 'inspection_record'), r('acm survey', 'demolition.asbestos_checked', 'inspection_record'),
  r('asbestos status', 'record.asbestos_status', 'ignore'),
  // Tight-fitting respirators and facial hair in the seal (1910.134(g)(1)(i)).
  r('facial hair', 'respirator.facial_hair', 'status'), r('beard', 'respirator.facial_hair', 'status'), r('clean shaven', 'respirator.facial_hair', 'status', { inverse: true }),
  // Post-tensioning (1926.701(c)): nobody behind the jack, signs and barriers around the stressing area.
  r('behind jack', 'post_tensioning.worker_behind_jack', 'status'), r('worker behind jack', 'post_tensioning.worker_behind_jack', 'status'),
  r('behind ram', 'post_tensioning.worker_behind_jack', 'status'), r('barrier sign', 'site.barriers_and_signs', 'status'),
  // Lift-slab jacking (1926.705(k)): only the jacking crew in the structure, unless it is reinforced for occupancy.
  r('non jacking worker', 'lift_slab.nonessential_inside', 'count'), r('non essential worker', 'lift_slab.nonessential_inside', 'count'),
  r('nonessential worker', 'lift_slab.nonessential_inside', 'count'),
  r('non essential worker in structure', 'lift_slab.nonessential_inside', 'count'), r('non essential worker in building', 'lift_slab.nonessential_inside', 'count'), r('non jacking worker in structure', 'lift_slab.nonessential_inside', 'count'), r('building reinforced', 'lift_slab.reinforced', 'status'), r('structure reinforced', 'lift_slab.reinforced', 'status'),
  // Aerial lifts (1926.453(b)(2)(v)): where the lanyard is clipped, and whether anyone is in the basket.
  r('lanyard anchor', 'fall.anchor_unsuitable', 'anchor'), r('lanyard attached', 'fall.anchor_unsuitable', 'anchor'), r('tie off location', 'fall.anchor_unsuitable', 'anchor'),
  r('occupant in basket', 'aerial.occupied', 'status'), r('occupant in platform', 'aerial.occupied', 'status'), r('occupant in bucket', 'aerial.occupied', 'status'),
  r('worker in basket', 'aerial.occupied', 'status'), r('basket occupied', 'aerial.occupied', 'status'), r('platform occupied', 'aerial.occupied', 'status'),
  // Low-slope roofing (1926.501(b)(10), 1926.502(f), (h)): roof width, a warning line's setback, a safety monitor, mechanical equipment.
  r('roof width', 'roof.width_ft', 'length'), r('warning line distance', 'roof.warning_line_ft', 'length'), r('warning line setback', 'roof.warning_line_ft', 'length'),
  r('warning line from edge', 'roof.warning_line_ft', 'length'), r('mechanical equipment', 'roof.mechanical_equipment', 'status'),
  r('safety monitor', 'roof.safety_monitor', 'status'), r('safety monitoring', 'roof.safety_monitor', 'status'),
  // Mobile work-zone operations (MUTCD Part 6, TA-35): the shadow vehicle with its attenuator, and the road's posted speed.
  r('shadow vehicle', 'traffic.shadow_vehicle', 'status'), r('shadow truck', 'traffic.shadow_vehicle', 'status'), r('tma', 'traffic.shadow_vehicle', 'status'),
  r('truck mounted attenuator', 'traffic.shadow_vehicle', 'status'), r('posted speed', 'traffic.posted_speed_mph', 'speed'), r('speed limit', 'traffic.posted_speed_mph', 'speed'),
  r('worker in swing radius', 'site.worker_in_swing_radius', 'status'), r('person in swing radius', 'site.worker_in_swing_radius', 'status'), r('worker in swing area', 'site.worker_in_swing_radius', 'status'), r('person in swing area', 'site.worker_in_swing_radius', 'status'),
  // Batch F. Fall arrest gear that arrested a fall (1926.502(d)(19)); time to reach a worker hanging in a harness (1926.502(d)(20)).
  r('impact loaded', 'fall.impact_loaded', 'status'), r('impact indicator deployed', 'fall.impact_loaded', 'status'), r('arrested fall', 'fall.impact_loaded', 'status'),
  r('impact inspection', 'fall.impact_inspected', 'status'), r('post fall inspection', 'fall.impact_inspected', 'status'), r('returned to service', 'fall.impact_inspected', 'status'),
  r('rescue time', 'fall.rescue_h', 'hours'), r('time rescue', 'fall.rescue_h', 'hours'), r('rescue eta', 'fall.rescue_h', 'hours'), r('time to reach worker', 'fall.rescue_h', 'hours'),
  // Demolition balling (1926.859(b)): the ball's weight against the crane's rated load; people in the area the balling can affect.
  r('ball weight', 'demolition.ball_weight_lbs', 'weight'), r('wrecking ball', 'demolition.ball_weight_lbs', 'weight'), r('demolition ball', 'demolition.ball_weight_lbs', 'weight'),
  r('line breaking strength', 'demolition.line_strength_lbs', 'weight'), r('line nominal breaking strength', 'demolition.line_strength_lbs', 'weight'), r('rope breaking strength', 'demolition.line_strength_lbs', 'weight'), r('line mbs', 'demolition.line_strength_lbs', 'weight'),
  r('personnel in affected area', 'demolition.workers_inside', 'count'), r('worker in affected area', 'demolition.workers_inside', 'count'), r('people in affected area', 'demolition.workers_inside', 'count'),
  r('personnel in fall zone', 'demolition.workers_inside', 'count'), r('worker in fall zone', 'demolition.workers_inside', 'count'), r('people in exclusion zone', 'demolition.workers_inside', 'count'), r('worker in exclusion zone', 'demolition.workers_inside', 'count'),
  // Industrial radiography (10 CFR 34.41(a), 34.51, 20.1301, 20.1902).
  r('qualified individual present', 'radiography.qualified_present', 'count'), r('radiographer present', 'radiography.qualified_present', 'count'), r('qualified radiographer', 'radiography.qualified_present', 'count'),
  r('boundary surveyed', 'radiography.boundary_surveyed', 'status'), r('boundary survey', 'radiography.boundary_surveyed', 'status'), r('radiation survey', 'radiography.boundary_surveyed', 'status'),
  r('alarming ratemeter', 'radiography.monitoring', 'status'), r('alarm ratemeter', 'radiography.monitoring', 'status'), r('personnel dosimeter', 'radiography.monitoring', 'status'), r('radiographer dosimeter', 'radiography.monitoring', 'status'),
  r('posted approache', 'radiography.posted_all', 'fraction'), r('approache posted', 'radiography.posted_all', 'fraction'), r('area cleared', 'site.area_cleared', 'status'),
  // Spray polyurethane foam (EPA SPF guidance; OSHA isocyanates): other trades out of the spray zone until re-entry time.
  r('other trade in spray zone', 'spf.others_in_zone', 'count'), r('other trade in spray area', 'spf.others_in_zone', 'count'), r('trade in spray zone', 'spf.others_in_zone', 'count'), r('worker in spray zone', 'spf.others_in_zone', 'count'),
  r('reentry restriction', 'spf.reentry_restricted', 'status'), r('re entry restriction', 'spf.reentry_restricted', 'status'),
  // Explosives transport (1926.902): detonators kept apart from other explosives (IME-22 container or a separate vehicle).
  r('detonator', 'explosives.detonators', 'status'), r('blasting cap', 'explosives.detonators', 'status'),
  r('ime22 container', 'explosives.detonators_separated', 'status'), r('ime 22 container', 'explosives.detonators_separated', 'status'), r('ime22', 'explosives.detonators_separated', 'status'),
  r('detonator separated', 'explosives.detonators_separated', 'status'), r('detonator container', 'explosives.detonators_separated', 'status'), r('day box', 'explosives.detonators_separated', 'status'),
  // The welding return (1926.351(c)(2)): clamped to what.
  r('work lead connection', 'hot_work.return_on_pipeline', 'return_path'), r('work lead', 'hot_work.return_on_pipeline', 'return_path'), r('ground clamp', 'hot_work.return_on_pipeline', 'return_path'),
  r('work clamp', 'hot_work.return_on_pipeline', 'return_path'), r('ground return', 'hot_work.return_on_pipeline', 'return_path'), r('return lead', 'hot_work.return_on_pipeline', 'return_path'), r('welding ground', 'hot_work.return_on_pipeline', 'return_path'),
  // Formwork and shoring (1926.703(a)(2), (b)(3), (b)(5)).
  r('formwork drawing on site', 'formwork.drawings_on_site', 'status'), r('shoring layout on site', 'formwork.drawings_on_site', 'status'), r('formwork drawing', 'formwork.drawings_on_site', 'status'), r('shoring drawing', 'formwork.drawings_on_site', 'status'),
  r('pre pour inspection', 'formwork.inspected', 'status'), r('prepour inspection', 'formwork.inspected', 'status'), r('shore inspection', 'formwork.inspected', 'status'), r('formwork inspection', 'formwork.inspected', 'status'),
  r('shore bearing', 'formwork.sills', 'sill'), r('shoring sill', 'formwork.sills', 'sill'), r('mudsill', 'formwork.sills', 'sill'), r('shore base', 'formwork.sills', 'sill'),
  // Helicopter external loads (1926.551).
  r('static discharge', 'helicopter.static_discharged', 'status'), r('static grounding', 'helicopter.static_discharged', 'status'), r('loose material secured', 'helicopter.loose_material_secured', 'status'),
  r('daily briefing', 'crew.briefed', 'status'),
  // Eye and body flushing where corrosives are used (1926.50(g); ANSI/ISEA Z358.1).
  r('eyewash', 'chemical.eyewash', 'status'), r('eye wash', 'chemical.eyewash', 'status'), r('eyewash station', 'chemical.eyewash', 'status'), r('drench shower', 'chemical.eyewash', 'status'),
  r('emergency shower', 'chemical.eyewash', 'status'), r('safety shower', 'chemical.eyewash', 'status'), r('flushing facility', 'chemical.eyewash', 'status'),
  // Walkways over excavations (1926.651(l)): a record of the crossing says the crew crosses, not enters.
  // Only names that say the walkway spans the excavation: a scaffold's or a roof's walkway says nothing about a trench.
  r('trench crossing', 'trench.crossing', 'status'), r('trench bridge', 'trench.crossing', 'status'), r('trench walkway', 'trench.crossing', 'status'), r('excavation crossing', 'trench.crossing', 'status'), r('excavation walkway', 'trench.crossing', 'status'),
  // Batch G. Machine controls a worker needs to stop the machine, as the record names them: a hold-to-run foot switch, a chipper's
  // feed control bar, a dead-man or enabling control, an emergency stop, an interlock (29 CFR 1926.300(b), 1926.302; ANSI B11.19;
  // ANSI Z133 chipper feed control). "foot_switch: bypassed", "feed_control_bar_ok: false" take the safeguard away.
  r('foot switch', 'safeguards.removed', 'bypass', { inverse: true }), r('foot pedal', 'safeguards.removed', 'bypass', { inverse: true }),
  r('feed control', 'safeguards.removed', 'bypass', { inverse: true }), r('feed control bar', 'safeguards.removed', 'bypass', { inverse: true }), r('feed bar', 'safeguards.removed', 'bypass', { inverse: true }),
  r('deadman', 'safeguards.removed', 'bypass', { inverse: true }), r('dead man', 'safeguards.removed', 'bypass', { inverse: true }), r('dead man switch', 'safeguards.removed', 'bypass', { inverse: true }),
  r('hold to run', 'safeguards.removed', 'bypass', { inverse: true }), r('enabling device', 'safeguards.removed', 'bypass', { inverse: true }), r('momentary switch', 'safeguards.removed', 'bypass', { inverse: true }),
  r('emergency stop', 'safeguards.removed', 'bypass', { inverse: true }), r('e stop', 'safeguards.removed', 'bypass', { inverse: true }), r('estop', 'safeguards.removed', 'bypass', { inverse: true }),
  r('interlock', 'safeguards.removed', 'bypass', { inverse: true }), r('two hand control', 'safeguards.removed', 'bypass', { inverse: true }), r('kill switch', 'safeguards.removed', 'bypass', { inverse: true }),
  r('blade guard', 'safeguards.removed', 'bypass', { inverse: true }), r('machine guard', 'safeguards.removed', 'bypass', { inverse: true }), r('belt guard', 'safeguards.removed', 'bypass', { inverse: true }),
  r('chain brake', 'safeguards.removed', 'bypass', { inverse: true }), r('presence sensing', 'safeguards.removed', 'bypass', { inverse: true }), r('light curtain', 'safeguards.removed', 'bypass', { inverse: true }),
  // Gas pressure sources (CGA P-1 via 29 CFR 1910.101(b); ASME B31.3 345.5; 1926.306): the source against what the system is rated for, and the relief.
  r('source pressure', 'pressure.source_psi', 'stress'), r('cylinder pressure', 'pressure.source_psi', 'stress'), r('bottle pressure', 'pressure.source_psi', 'stress'),
  r('supply pressure', 'pressure.source_psi', 'stress'), r('tank pressure', 'pressure.source_psi', 'stress'),
  r('max working', 'pressure.rating_psi', 'stress'), r('maximum working', 'pressure.rating_psi', 'stress'), r('working pressure', 'pressure.rating_psi', 'stress'),
  r('mawp', 'pressure.rating_psi', 'stress'), r('pressure rating', 'pressure.rating_psi', 'stress'), r('rated pressure', 'pressure.rating_psi', 'stress'), r('system rating', 'pressure.rating_psi', 'stress'),
  r('test pressure', 'pressure.test_psi', 'stress'), r('target test', 'pressure.test_psi', 'stress'),
  r('relief valve', 'pressure.relief', 'status'), r('relief device', 'pressure.relief', 'status'), r('pressure relief', 'pressure.relief', 'status'), r('safety relief', 'pressure.relief', 'status'), r('safety valve', 'pressure.relief', 'status'),
  // Flammable liquids (1926.152, 1926.155; 1910.106(a)): the flash point, and whether ignition sources are shut off.
  r('flash point', 'chemical.flash_point_c', 'temperature'), r('flashpoint', 'chemical.flash_point_c', 'temperature'),
  r('ignition source shut off', 'ignition.controlled', 'status'), r('ignition source off', 'ignition.controlled', 'status'), r('ignition source eliminated', 'ignition.controlled', 'status'),
  r('ignition source removed', 'ignition.controlled', 'status'), r('ignition source controlled', 'ignition.controlled', 'status'), r('pilot light off', 'ignition.controlled', 'status'), r('pilot extinguished', 'ignition.controlled', 'status'),
  r('ignition source', 'ignition.present', 'status'), r('open flame', 'ignition.present', 'status'), r('pilot light lit', 'ignition.present', 'status'), r('pilot lit', 'ignition.present', 'status'),
  // Guardrails and a raised working level (1926.502(b)(1); OSHA interpretation of 13 Mar 1995 on stilts): the rail's height above the feet.
  r('stilt', 'fall.stilt_ft', 'length'), r('stilt height', 'fall.stilt_ft', 'length'), r('stilts height', 'fall.stilt_ft', 'length'),
  r('guardrail top rail', 'fall.guardrail_top_ft', 'length'), r('guardrail top', 'fall.guardrail_top_ft', 'length'),
  r('rail raised', 'fall.rail_raised', 'status'), r('guardrail raised', 'fall.rail_raised', 'status'), r('rail extended', 'fall.rail_raised', 'status'), r('rail height increased', 'fall.rail_raised', 'status'),
  // Exit routes (1926.34; 1910.36-37): whether a route is blocked or locked, and whether another is open.
  r('alternate exit', 'egress.alternate_exit', 'status'), r('alternative exit', 'egress.alternate_exit', 'status'), r('second exit', 'egress.alternate_exit', 'status'), r('other exit', 'egress.alternate_exit', 'status'),
  r('exit blocked', 'egress.blocked', 'status'), r('egress blocked', 'egress.blocked', 'status'), r('exit obstructed', 'egress.blocked', 'status'), r('exit locked', 'egress.blocked', 'status'),
  r('exit clear', 'egress.blocked', 'status', { inverse: true }), r('egress clear', 'egress.blocked', 'status', { inverse: true }), r('exit route clear', 'egress.blocked', 'status', { inverse: true }),
  // A shifted load held before its securement comes off (FACE 99AK014).
  r('load restrained', 'load.restrained', 'status'), r('restrained by machine', 'load.restrained', 'status'), r('load held', 'load.restrained', 'status'), r('load shifted', 'load.shifted', 'status'),
  // Batch H.
  // A pneumatic impact tool's bit retainer (1926.302(b)(1)) and a portable circular saw's self-returning lower guard (1926.304(d)):
  // "retainer_installed: false", "lower_guard: pinned_open" take the safeguard away.
  r('retainer', 'safeguards.removed', 'bypass', { inverse: true }), r('chisel retainer', 'safeguards.removed', 'bypass', { inverse: true }),
  r('bit retainer', 'safeguards.removed', 'bypass', { inverse: true }), r('tool retainer', 'safeguards.removed', 'bypass', { inverse: true }),
  r('safety clip', 'safeguards.removed', 'bypass', { inverse: true }), r('retainer spring', 'safeguards.removed', 'bypass', { inverse: true }),
  r('lower guard', 'safeguards.removed', 'bypass', { inverse: true }), r('saw guard', 'safeguards.removed', 'bypass', { inverse: true }),
  r('retracting guard', 'safeguards.removed', 'bypass', { inverse: true }), r('retractable guard', 'safeguards.removed', 'bypass', { inverse: true }),
  r('lower blade guard', 'safeguards.removed', 'bypass', { inverse: true }),
  // People carried in a truck bed or on a load, where there is no secured seat (1926.601(b)(8)-(9)).
  r('rider bed', 'vehicle.riders_unseated', 'count'), r('passenger bed', 'vehicle.riders_unseated', 'count'), r('worker bed', 'vehicle.riders_unseated', 'count'),
  r('people bed', 'vehicle.riders_unseated', 'count'), r('person bed', 'vehicle.riders_unseated', 'count'), r('crew bed', 'vehicle.riders_unseated', 'count'),
  r('unseated rider', 'vehicle.riders_unseated', 'count'), r('rider unseated', 'vehicle.riders_unseated', 'count'), r('rider without seat', 'vehicle.riders_unseated', 'count'),
  r('rider on load', 'vehicle.riders_unseated', 'count'), r('rider tailgate', 'vehicle.riders_unseated', 'count'),
  r('passenger seat', 'vehicle.passenger_seat', 'status'), r('passenger seats', 'vehicle.passenger_seat', 'status'), r('rider seat', 'vehicle.passenger_seat', 'status'),
  // Workers on foot behind a reversing machine, and what lets its operator see them (NIOSH 2001-128 internal traffic control).
  r('worker behind', 'vehicle.worker_behind', 'status'), r('worker on foot behind', 'vehicle.worker_behind', 'status'), r('people behind', 'vehicle.worker_behind', 'status'),
  r('person behind', 'vehicle.worker_behind', 'status'), r('pedestrian behind', 'vehicle.worker_behind', 'status'), r('worker in backing path', 'vehicle.worker_behind', 'status'),
  r('worker in blind spot', 'vehicle.worker_behind', 'status'), r('worker in blind zone', 'vehicle.worker_behind', 'status'),
  r('backup camera', 'vehicle.rear_camera', 'status'), r('back up camera', 'vehicle.rear_camera', 'status'), r('rear camera', 'vehicle.rear_camera', 'status'),
  r('reverse camera', 'vehicle.rear_camera', 'status'), r('reversing camera', 'vehicle.rear_camera', 'status'), r('rearview camera', 'vehicle.rear_camera', 'status'),
  r('rear view camera', 'vehicle.rear_camera', 'status'), r('rear light', 'vehicle.rear_lights', 'status'), r('rear work light', 'vehicle.rear_lights', 'status'),
  r('backup light', 'vehicle.rear_lights', 'status'), r('reverse light', 'vehicle.rear_lights', 'status'), r('reversing light', 'vehicle.rear_lights', 'status'),
  // A lane closure's merging taper and the width of the lane closed (MUTCD 2009 Tables 6C-3 and 6C-4).
  r('merging taper', 'traffic.taper_ft', 'length'), r('merge taper', 'traffic.taper_ft', 'length'), r('lane closure taper', 'traffic.taper_ft', 'length'),
  r('lane width', 'traffic.lane_width_ft', 'length'), r('closed lane width', 'traffic.lane_width_ft', 'length'), r('lateral shift', 'traffic.lane_width_ft', 'length'),
  // Rigging hardware with a rating (1926.251(a)(4): no job- or shop-made hooks, links or makeshift fasteners).
  r('rated hardware', 'rigging.rated_hardware', 'status'), r('rated rigging', 'rigging.rated_hardware', 'status'), r('hardware rated', 'rigging.rated_hardware', 'status'),
  r('rigging rated', 'rigging.rated_hardware', 'status'), r('manufactured hardware', 'rigging.rated_hardware', 'status'),
  r('shop made', 'rigging.makeshift', 'status'), r('job made', 'rigging.makeshift', 'status'), r('makeshift', 'rigging.makeshift', 'status'),
  // Wet cement against the skin (OSHA Portland cement guidance).
  r('skin contact', 'cement.skin_contact_h', 'hours'),
  // A cofferdam: the freeboard to the sheet tops and the people inside it (1926.802).
  r('freeboard', 'cofferdam.freeboard_ft', 'length'), r('worker inside', 'site.workers_inside', 'count'), r('people inside', 'site.workers_inside', 'count'),
  r('crew inside', 'site.workers_inside', 'count'),
  // SCUBA diving (29 CFR 1910.424 via 1926.1071): the depth in feet of seawater is a dive, not a trench; the current, the tending and the standby diver.
  r('depth fsw', 'dive.depth_fsw', 'length'), r('fsw', 'dive.depth_fsw', 'length'), r('dive depth', 'dive.depth_fsw', 'length'), r('diver depth', 'dive.depth_fsw', 'length'),
  r('current', 'dive.current_mph', 'speed'), r('water current', 'dive.current_mph', 'speed'), r('current speed', 'dive.current_mph', 'speed'),
  r('line tended', 'dive.line_tended', 'status'), r('tending line', 'dive.line_tended', 'status'), r('tender', 'dive.line_tended', 'status'), r('line tender', 'dive.line_tended', 'status'),
  r('buddy diver', 'dive.buddy', 'status'), r('dive buddy', 'dive.buddy', 'status'),
  r('standby diver', 'dive.standby', 'status'), r('stand by diver', 'dive.standby', 'status'), r('safety diver', 'dive.standby', 'status'),
  r('bottom time', 'record.bottom_time', 'ignore'), r('no decompression', 'record.no_decompression', 'ignore'),
  // Material stored in tiers (1926.250(a)(1)): how high, and whether the stack is chocked or blocked. A wheel chock is a vehicle's.
  r('stack tier', 'material.tiers', 'count'), r('tier high', 'material.tiers', 'count'), r('stack height tier', 'material.tiers', 'count'),
  r('chocked', 'material.secured', 'status'), r('stack chocked', 'material.secured', 'status'), r('stack blocked', 'material.secured', 'status'),
  r('stack secured', 'material.secured', 'status'), r('pipe chocked', 'material.secured', 'status'), r('chock', 'material.secured', 'status'),
  r('wheel chock', 'vehicle.wheels_chocked', 'status'), r('wheel chocked', 'vehicle.wheels_chocked', 'status'), r('wheels chocked', 'vehicle.wheels_chocked', 'status'),
  // A parked vehicle (1926.600(a)(3)(ii)): its parking brake and whether anyone is at the controls.
  r('parking brake', 'vehicle.parking_brake', 'status'), r('park brake', 'vehicle.parking_brake', 'status'), r('handbrake', 'vehicle.parking_brake', 'status'),
  r('operator in cab', 'vehicle.operator_at_controls', 'status'), r('driver in cab', 'vehicle.operator_at_controls', 'status'),
  r('operator at control', 'vehicle.operator_at_controls', 'status'), r('driver at control', 'vehicle.operator_at_controls', 'status'), r('operator in seat', 'vehicle.operator_at_controls', 'status'),
  // Roadway workers near a live track (49 CFR 214.7, 214.313-214.329): the distance to the near rail and the on-track safety.
  r('near rail', 'rail.distance_ft', 'length'), r('distance from rail', 'rail.distance_ft', 'length'), r('distance to rail', 'rail.distance_ft', 'length'),
  r('distance from near rail', 'rail.distance_ft', 'length'), r('distance to near rail', 'rail.distance_ft', 'length'), r('rail clearance', 'rail.distance_ft', 'length'),
  r('track authority', 'rail.track_authority', 'status'), r('on track safety', 'rail.track_authority', 'status'), r('foul time', 'rail.track_authority', 'status'),
  r('working limit', 'rail.track_authority', 'status'), r('track permit', 'rail.track_authority', 'status'),
  r('watchman', 'rail.watchman', 'status'), r('watchman lookout', 'rail.watchman', 'status'), r('rail lookout', 'rail.watchman', 'status'), r('train lookout', 'rail.watchman', 'status'),
  // A lifeline or a self-retracting lifeline described by how it is rigged (1926.502(d); 1926.1211(c) retrieval line).
  r('lifeline', 'fall.protected', 'status', { namesDevice: true }), r('life line', 'fall.protected', 'status', { namesDevice: true }),
  r('self retracting lifeline', 'fall.protected', 'status', { namesDevice: true }),
  // A lone worker's missed check-ins (Safe Work Australia, working in heat: regular contact with anyone working alone).
  r('missed check in', 'crew.missed_check_ins', 'count'), r('missed check', 'crew.missed_check_ins', 'count'), r('unanswered check', 'crew.missed_check_ins', 'count'), r('missed checkin', 'crew.missed_check_ins', 'count'), r('missed radio check', 'crew.missed_check_ins', 'count'),
  r('unanswered check in', 'crew.missed_check_ins', 'count'), r('missed call', 'crew.missed_check_ins', 'count'), r('unanswered call', 'crew.missed_check_ins', 'count'),
  // Batch cs-dev-541..580. Fuel gas at the regulator (1910.253(a)(2): no free acetylene above 15 psig).
  r('acetylene', 'hot_work.acetylene_psig', 'stress'), r('acetylene pressure', 'hot_work.acetylene_psig', 'stress'), r('acetylene regulator', 'hot_work.acetylene_psig', 'stress'),
  // Batch cs-dev-701..740. Release from lockout (1910.147(e)): equipment intact and guarded, the area clear and workers told,
  // and a lock taken off by anyone but its owner only once the owner is reached.
  r('lock owner', 'loto.release_by_owner', 'lock_owner'), r('owner contacted', 'loto.owner_contacted', 'status'), r('owner notified', 'loto.owner_contacted', 'status'),
  r('owner reached', 'loto.owner_contacted', 'status'), r('owner informed', 'loto.owner_contacted', 'status'), r('owner called', 'loto.owner_contacted', 'status'),
  r('equipment walkdown', 'loto.release_equipment_checked', 'status'), r('walkdown', 'loto.release_equipment_checked', 'status'), r('guard installed', 'loto.release_equipment_checked', 'status'),
  r('guard reinstalled', 'loto.release_equipment_checked', 'status'), r('guard replaced', 'loto.release_equipment_checked', 'status'), r('equipment intact', 'loto.release_equipment_checked', 'status'),
  r('guard in place', 'loto.release_equipment_checked', 'status'), r('area clear', 'loto.release_area_clear', 'status'), r('affected worker notified', 'loto.release_area_clear', 'status'),
  r('worker notified', 'loto.release_area_clear', 'status'), r('employee notified', 'loto.release_area_clear', 'status'), r('crew notified', 'loto.release_area_clear', 'status'),
  // Roles and positions against what the standard requires (1926.1427(f), 1926.502(d)(17), 1926.651(e)).
  r('operator status', 'crane.operator_in_training', 'trainee'), r('operator type', 'crane.operator_in_training', 'trainee'), r('operator role', 'crane.operator_in_training', 'trainee'),
  r('operator in training', 'crane.operator_in_training', 'status'), r('trainee operator', 'crane.operator_in_training', 'status'),
  r('trainer', 'crane.trainer_monitoring', 'presence'), r('trainer location', 'crane.trainer_monitoring', 'presence'), r('trainer position', 'crane.trainer_monitoring', 'presence'),
  r('trainer present', 'crane.trainer_monitoring', 'status'), r('trainer monitoring', 'crane.trainer_monitoring', 'status'), r('trainer line of sight', 'crane.trainer_monitoring', 'status'),
  r('harness attachment', 'fall.side_dring_arrest', 'attachment'), r('attachment point', 'fall.side_dring_arrest', 'attachment'), r('d ring', 'fall.side_dring_arrest', 'attachment'),
  r('dring', 'fall.side_dring_arrest', 'attachment'), r('lanyard attachment', 'fall.side_dring_arrest', 'attachment'), r('harness connection', 'fall.side_dring_arrest', 'attachment'),
  r('driver location', 'vehicle.driver_beside_truck', 'beside_truck'), r('driver position', 'vehicle.driver_beside_truck', 'beside_truck'), r('driver stand', 'vehicle.driver_beside_truck', 'beside_truck'),
  r('sling', 'rigging.identified', 'rigging_id'), r('sling tag', 'rigging.identified', 'status'), r('sling id', 'rigging.identified', 'status'), r('sling identification', 'rigging.identified', 'status'),
  r('sling label', 'rigging.identified', 'status'), r('rigging tag', 'rigging.identified', 'status'), r('identification tag', 'rigging.identified', 'status'), r('capacity tag', 'rigging.identified', 'status'),
  // Portable gauges (10 CFR 30.34(i)): constant surveillance, or two independent physical controls.
  r('surveillance', 'gauge.surveillance', 'status'), r('gauge attended', 'gauge.surveillance', 'status'), r('physical control', 'gauge.physical_controls', 'count'),
  // Lifelines counted against the workers on a platform (1926.502(d)(10)(i)).
  r('lifeline in use', 'fall.lifelines', 'count'), r('lifeline count', 'fall.lifelines', 'count'), r('number lifeline', 'fall.lifelines', 'count'),
  r('vertical lifeline in use', 'fall.vertical_lifelines', 'count'), r('vertical lifeline count', 'fall.vertical_lifelines', 'count'), r('number vertical lifeline', 'fall.vertical_lifelines', 'count'),
  r('worker on stage', 'fall.workers_on_platform', 'count'), r('worker on platform', 'fall.workers_on_platform', 'count'), r('worker on scaffold', 'fall.workers_on_platform', 'count'),
  r('person on stage', 'fall.workers_on_platform', 'count'), r('people on stage', 'fall.workers_on_platform', 'count'), r('worker on swing stage', 'fall.workers_on_platform', 'count'),
  // Swing falls: how far the worker is to the side of an overhead anchorage.
  r('lateral offset', 'fall.anchor_lateral_ft', 'length'), r('lateral distance', 'fall.anchor_lateral_ft', 'length'), r('horizontal offset', 'fall.anchor_lateral_ft', 'length'),
  r('offset from anchor', 'fall.anchor_lateral_ft', 'length'), r('lateral from anchor', 'fall.anchor_lateral_ft', 'length'), r('sideways from anchor', 'fall.anchor_lateral_ft', 'length'),
  // Equipment at an excavation's edge (1926.651(j)(2); Appendix B (c)(3) surcharge).
  r('truck setback', 'trench.equipment_setback_ft', 'length'), r('equipment setback', 'trench.equipment_setback_ft', 'length'), r('vehicle setback', 'trench.equipment_setback_ft', 'length'),
  r('truck from edge', 'trench.equipment_setback_ft', 'length'), r('equipment from edge', 'trench.equipment_setback_ft', 'length'), r('vehicle from edge', 'trench.equipment_setback_ft', 'length'),
  r('surcharge evaluated', 'trench.surcharge_evaluated', 'status'), r('surcharge assessed', 'trench.surcharge_evaluated', 'status'), r('surcharge considered', 'trench.surcharge_evaluated', 'status'),
  r('surcharge designed', 'trench.surcharge_evaluated', 'status'), r('surcharge reviewed', 'trench.surcharge_evaluated', 'status'), r('surcharge accounted', 'trench.surcharge_evaluated', 'status'),
  // A shield whose top is below grade leaves the face above it to be sloped (Subpart P Appendix B).
  r('box top below grade', 'trench.shield_top_below_grade_ft', 'length'), r('shield top below grade', 'trench.shield_top_below_grade_ft', 'length'),
  r('top of box below grade', 'trench.shield_top_below_grade_ft', 'length'), r('top of shield below grade', 'trench.shield_top_below_grade_ft', 'length'),
  r('shield height', 'trench.shield_height_ft', 'length'), r('box height', 'trench.shield_height_ft', 'length'), r('trench box height', 'trench.shield_height_ft', 'length'),
  r('wall above box', 'trench.above_shield_sloped', 'sloped_face'), r('wall above shield', 'trench.above_shield_sloped', 'sloped_face'), r('face above box', 'trench.above_shield_sloped', 'sloped_face'),
  r('face above shield', 'trench.above_shield_sloped', 'sloped_face'), r('above box', 'trench.above_shield_sloped', 'sloped_face'), r('above shield', 'trench.above_shield_sloped', 'sloped_face'),
  // "classification: stable rock" (Appendix A): read only when it names rock or a soil type.
  r('classification', 'trench.soil', 'soil'), r('entry', 'trench.entry_planned', 'status', { scopes: ['parameters'] }),
  // Fall-arrest components: who shares a lifeline (1926.502(d)(10)(i)), who designed a horizontal one (1926.502(d)(8)).
  r('worker on line', 'fall.workers_per_line', 'count'), r('worker per line', 'fall.workers_per_line', 'count'), r('worker on lifeline', 'fall.workers_per_line', 'count'),
  r('worker per lifeline', 'fall.workers_per_line', 'count'), r('user per lifeline', 'fall.workers_per_line', 'count'), r('climber on line', 'fall.workers_per_line', 'count'),
  r('user rated', 'fall.line_users_rated', 'count'), r('rated user', 'fall.line_users_rated', 'count'), r('max user', 'fall.line_users_rated', 'count'),
  r('hll design', 'fall.hll_designed', 'status', { namesDevice: true }), r('lifeline design', 'fall.hll_designed', 'status', { namesDevice: true }),
  r('designed qualified person', 'fall.hll_designed', 'status'), r('hll designed', 'fall.hll_designed', 'status'), r('engineered lifeline', 'fall.hll_designed', 'status'),
  // The size of a thing is not the height anyone works at: a tree's height sets its felling zone (1910.266(h)(1)(vi)).
  r('tree height', 'felling.tree_height_ft', 'length'), r('tree length', 'felling.tree_height_ft', 'length'), r('tree size', 'felling.tree_height_ft', 'length'),
  r('nearest worker', 'site.nearest_worker_ft', 'length'), r('nearest person', 'site.nearest_worker_ft', 'length'), r('closest worker', 'site.nearest_worker_ft', 'length'),
  r('exclusion zone', 'record.exclusion_zone', 'ignore'),
  // A ladder's duty rating against the climber and what he carries (1926.1053(b)(3)); a worker's weight is no crane load.
  r('ladder duty rating', 'ladder.rating_lbs', 'weight'), r('duty rating', 'ladder.rating_lbs', 'weight'), r('ladder rating', 'ladder.rating_lbs', 'weight'), r('ladder capacity', 'ladder.rating_lbs', 'weight'),
  r('ladder rated', 'ladder.rating_lbs', 'weight'), r('worker weight', 'ladder.worker_lbs', 'weight'), r('climber weight', 'ladder.worker_lbs', 'weight'), r('body weight', 'ladder.worker_lbs', 'weight'),
  r('carried load', 'ladder.carried_lbs', 'weight'), r('carried weight', 'ladder.carried_lbs', 'weight'), r('tool load', 'ladder.carried_lbs', 'weight'),
  // Lasers (1926.54): who runs it, and whether the placard is up.
  r('laser class', 'laser.class', 'ignore'), r('laser operator trained', 'laser.operator_trained', 'status'),
  r('placard posted', 'laser.placard', 'status'), r('laser placard', 'laser.placard', 'status'), r('laser sign', 'laser.placard', 'status'), r('laser warning sign', 'laser.placard', 'status'),
  // Wire rope clips (1926.251(c)(5)(i) Table H-20): how many, on what rope, and the saddle on the live end.
  r('clips installed', 'rigging.clips', 'count'), r('clip count', 'rigging.clips', 'count'), r('number clips', 'rigging.clips', 'count'), r('wire rope clip', 'rigging.clips', 'count'),
  r('rope diameter', 'rigging.rope_diameter_ft', 'length'), r('wire rope diameter', 'rigging.rope_diameter_ft', 'length'),
  r('saddle side', 'rigging.saddle_side', 'ignore'), r('shackle pin', 'rigging.makeshift', 'fastener'), r('pin', 'rigging.makeshift', 'fastener', { scopes: ['parameters'] }),
  // A dump body raised on a cross slope (FACE 95MO057).
  r('cross slope', 'vehicle.cross_slope_deg', 'count'), r('chassis cross slope', 'vehicle.cross_slope_deg', 'count'), r('side slope', 'vehicle.cross_slope_deg', 'count'),
  r('load imbalance', 'vehicle.load_imbalance_pct', 'pct'), r('load sensor imbalance', 'vehicle.load_imbalance_pct', 'pct'),
  r('bed angle', 'record.bed_angle', 'ignore'),
  // Batch cs-dev-661..700. A lanyard choked around a member and hooked back on itself (1926.502(d)(6)): rated for it or not.
  r('tie back rated', 'fall.tie_back_rated', 'status'), r('tie back rating', 'fall.tie_back_rated', 'status'), r('rated tie back', 'fall.tie_back_rated', 'status'),
  r('tieback rated', 'fall.tie_back_rated', 'status'), r('tie back lanyard', 'fall.tie_back_rated', 'status', { namesDevice: true }),
  // Whether anyone is down in the excavation ("worker_in_trench: false").
  r('worker in trench', 'trench.entry_planned', 'status'), r('worker in excavation', 'trench.entry_planned', 'status'), r('employee in trench', 'trench.entry_planned', 'status'),
  r('employee in excavation', 'trench.entry_planned', 'status'), r('people in trench', 'trench.entry_planned', 'status'), r('personnel in trench', 'trench.entry_planned', 'status'),
  r('crew in trench', 'trench.entry_planned', 'status'), r('anyone in trench', 'trench.entry_planned', 'status'), r('worker below', 'trench.entry_planned', 'status', { scopes: ['parameters'] }),
  // A sidewalk, pavement or footing undercut by the excavation, and what holds it (1926.651(i)).
  r('undermined', 'trench.undermined_ft', 'length'), r('undercut', 'trench.undermined_ft', 'length'), r('overhang', 'trench.undermined_ft', 'length'),
  r('sidewalk support', 'trench.undermined_supported', 'status'), r('pavement support', 'trench.undermined_supported', 'status'), r('slab support', 'trench.undermined_supported', 'status'),
  r('undermined support', 'trench.undermined_supported', 'status'), r('underpinning', 'trench.undermined_supported', 'status', { namesDevice: true }), r('structure support', 'trench.undermined_supported', 'status'),
  // The public below overhead work, and what keeps falling material off them (1926.451(h), 1926.502(j)).
  r('pedestrian below', 'public.exposed_below', 'status'), r('public below', 'public.exposed_below', 'status'), r('people below', 'public.exposed_below', 'status'),
  r('pedestrian under', 'public.exposed_below', 'status'), r('sidewalk open', 'public.exposed_below', 'status'), r('open to public', 'public.exposed_below', 'status'),
  r('public access below', 'public.exposed_below', 'status'), r('foot traffic', 'public.exposed_below', 'status'),
  r('sidewalk closed', 'public.diverted', 'status'), r('walkway closed', 'public.diverted', 'status'), r('pedestrian diversion', 'public.diverted', 'status'),
  r('pedestrian detour', 'public.diverted', 'status'), r('sidewalk closure', 'public.diverted', 'status'),
  r('sidewalk shed', 'public.canopy', 'status'), r('canopy', 'public.canopy', 'status'), r('covered walkway', 'public.canopy', 'status'), r('overhead protection', 'public.canopy', 'status'),
  r('catch platform', 'public.netting', 'status'), r('debris netting', 'public.netting', 'status'), r('debris net', 'public.netting', 'status'), r('netting', 'public.netting', 'status'),
  r('debris screen', 'public.netting', 'status'), r('catch fan', 'public.netting', 'status'),
  // Land cranes on barges (1926.1437(n)): the chart reduced for list and trim, and the list itself.
  r('barge load chart', 'crane.barge_chart', 'status'), r('barge chart', 'crane.barge_chart', 'status'), r('floating load chart', 'crane.barge_chart', 'status'),
  r('floating service chart', 'crane.barge_chart', 'status'), r('barge list', 'crane.list_deg', 'count'), r('barge trim', 'crane.list_deg', 'count'), r('barge heel', 'crane.list_deg', 'count'),
  r('list angle', 'crane.list_deg', 'count'), r('heel angle', 'crane.list_deg', 'count'), r('trim angle', 'crane.list_deg', 'count'), r('list deg', 'crane.list_deg', 'count'),
  // How far out of level a crane stands against its manufacturer's tolerance (1926.1402(b)).
  r('out of level', 'crane.out_of_level_deg', 'count'),
  r('crane tilt', 'crane.out_of_level_deg', 'count'), r('crane level', 'crane.out_of_level_deg', 'count'), r('level reading', 'crane.out_of_level_deg', 'count'),
  r('level tolerance', 'crane.level_limit_pct', 'pct'), r('manufacturer level tolerance', 'crane.level_limit_pct', 'pct'), r('level tolerance deg', 'crane.level_limit_deg', 'count'),
  r('level limit', 'crane.level_limit_pct', 'pct'), r('level limit deg', 'crane.level_limit_deg', 'count'), r('max out of level', 'crane.level_limit_pct', 'pct'),
  // Leaving a lift's platform at height, and staying tied off through the transfer.
  r('exit platform', 'fall.platform_exit', 'status'), r('platform exit', 'fall.platform_exit', 'status'), r('exit at height', 'fall.platform_exit', 'status'),
  r('leave platform', 'fall.platform_exit', 'status'), r('transfer at height', 'fall.platform_exit', 'status'),
  r('attached during transfer', 'fall.transfer_tied_off', 'status'), r('tied off during transfer', 'fall.transfer_tied_off', 'status'), r('lanyard attached during transfer', 'fall.transfer_tied_off', 'status'),
  r('tie off during transfer', 'fall.transfer_tied_off', 'status'), r('connected during transfer', 'fall.transfer_tied_off', 'status'),
  // Eye and face protection (1926.102).
  r('eye protection', 'eye.protected', 'status', { readsText: true }), r('safety glasses', 'eye.protected', 'status'), r('goggles', 'eye.protected', 'status'), r('face shield', 'eye.protected', 'status'),
  // Trench supports coming out (1926.652(e)(1)).
  r('backfill with removal', 'trench.backfill_with_removal', 'status'), r('backfill placed', 'trench.backfill_with_removal', 'status'),
  // Batch cs-dev-861..900.
  // 1926.703(a)(2): a shoring or formwork design on record is the drawings the pour is checked against.
  r('shoring design', 'formwork.drawings_on_site', 'status'), r('formwork design', 'formwork.drawings_on_site', 'status'), r('shore design', 'formwork.drawings_on_site', 'status'),
  r('shoring layout', 'formwork.drawings_on_site', 'status'), r('falsework design', 'formwork.drawings_on_site', 'status'),
  // 1926.855: people below a floor being broken out, and the planks the breakers stand on.
  r('workers below', 'demolition.workers_below', 'count'), r('people below', 'demolition.workers_below', 'count'), r('crew below', 'demolition.workers_below', 'count'),
  r('workers underneath', 'demolition.workers_below', 'count'), r('workers beneath', 'demolition.workers_below', 'count'),
  r('planking', 'demolition.planking', 'status'), r('planks on stringers', 'demolition.planking', 'status'), r('arch planking', 'demolition.planking', 'status'),
  // 1926.758(g): purlins or girts approved in writing as anchorages.
  r('purlin anchorage approval', 'fall.purlin_anchor_approved', 'status'), r('purlin approval', 'fall.purlin_anchor_approved', 'status'),
  r('purlin anchor approval', 'fall.purlin_anchor_approved', 'status'), r('girt anchorage approval', 'fall.purlin_anchor_approved', 'status'), r('purlin anchorage approved', 'fall.purlin_anchor_approved', 'status'),
  // 1926.603(c)(3): the cut-off work's distance from the driver, the longest pile, and whether the driver keeps working.
  r('distance from rig', 'pile.cutoff_distance_ft', 'length'), r('distance to rig', 'pile.cutoff_distance_ft', 'length'), r('distance from driver', 'pile.cutoff_distance_ft', 'length'),
  r('distance from pile driver', 'pile.cutoff_distance_ft', 'length'), r('distance from hammer', 'pile.cutoff_distance_ft', 'length'), r('distance to hammer', 'pile.cutoff_distance_ft', 'length'),
  r('cutoff distance', 'pile.cutoff_distance_ft', 'length'), r('cut off distance', 'pile.cutoff_distance_ft', 'length'), r('distance from leads', 'pile.cutoff_distance_ft', 'length'),
  r('longest pile', 'pile.longest_ft', 'length'), r('pile length', 'pile.longest_ft', 'length'), r('max pile length', 'pile.longest_ft', 'length'),
  r('rig status', 'pile.driving', 'activity'), r('hammer status', 'pile.driving', 'activity'), r('driving status', 'pile.driving', 'activity'), r('pile driving', 'pile.driving', 'activity'),
  // MUTCD 6C.10: whether the flagger sees one end of the one-lane section from the other.
  r('end to end visibility', 'traffic.ends_visible', 'status'), r('ends visible', 'traffic.ends_visible', 'status'), r('end visibility', 'traffic.ends_visible', 'status'),
  r('both ends visible', 'traffic.ends_visible', 'status'), r('sight of both ends', 'traffic.ends_visible', 'status'),
  // 1926.303: the work rest's gap, the guards, the ring test, the spindle and wheel speeds.
  r('work rest gap', 'grinder.rest_gap_ft', 'length'), r('rest gap', 'grinder.rest_gap_ft', 'length'), r('tool rest gap', 'grinder.rest_gap_ft', 'length'), r('work rest distance', 'grinder.rest_gap_ft', 'length'),
  r('tongue guard', 'grinder.guard_fitted', 'status'), r('wheel guard', 'grinder.guard_fitted', 'status'), r('grinder guard', 'grinder.guard_fitted', 'status'),
  r('guard fitted', 'grinder.guard_fitted', 'status'), r('disc guard', 'grinder.guard_fitted', 'status'), r('guard on', 'grinder.guard_fitted', 'status'),
  r('ring tested', 'grinder.ring_tested', 'status'), r('ring test', 'grinder.ring_tested', 'status'),
  r('grinder rpm', 'grinder.spindle_rpm', 'count'), r('spindle rpm', 'grinder.spindle_rpm', 'count'), r('tool rpm', 'grinder.spindle_rpm', 'count'), r('spindle speed', 'grinder.spindle_rpm', 'count'),
  r('disc rpm', 'grinder.wheel_rated_rpm', 'count'), r('disc rated rpm', 'grinder.wheel_rated_rpm', 'count'), r('wheel rpm', 'grinder.wheel_rated_rpm', 'count'), r('wheel rated rpm', 'grinder.wheel_rated_rpm', 'count'),
  r('wheel rated speed', 'grinder.wheel_rated_rpm', 'count'), r('disc max rpm', 'grinder.wheel_rated_rpm', 'count'), r('wheel max rpm', 'grinder.wheel_rated_rpm', 'count'),
  // Arc radiation: a welding screen between the arc and the people nearby.
  r('welding screen', 'eye.arc_screened', 'status'), r('flash screen', 'eye.arc_screened', 'status'), r('welding curtain', 'eye.arc_screened', 'status'),
  // 1926.1052(a): ice cleared from the stair.
  r('deicing', 'stair.deiced', 'status'), r('deicing done', 'stair.deiced', 'status'), r('de icing', 'stair.deiced', 'status'), r('de iced', 'stair.deiced', 'status'),
  r('salted', 'stair.deiced', 'status'), r('ice cleared', 'stair.deiced', 'status'),
  // 1926.605(b)(2): the gap and drop between the wharf and the vessel.
  r('gap', 'marine.gap_ft', 'length'), r('height difference', 'marine.height_difference_ft', 'length'), r('deck drop', 'marine.height_difference_ft', 'length'),
  r('drop to deck', 'marine.height_difference_ft', 'length'), r('freeboard difference', 'marine.height_difference_ft', 'length'),
  // 1910.178(k), (m): the dock ramp or board secured, the trailer chocked.
  r('ramp secured', 'dock.ramp_secured', 'status'), r('yard ramp secured', 'dock.ramp_secured', 'status'), r('dock board secured', 'dock.ramp_secured', 'status'),
  r('dockboard secured', 'dock.ramp_secured', 'status'), r('ramp chained', 'dock.ramp_secured', 'status'), r('bridge plate secured', 'dock.ramp_secured', 'status'),
  // 14 CFR 107.12, 107.41: the drone pilot's certificate and the airspace authorisation.
  r('pilot certificate', 'drone.pilot_certified', 'status'), r('remote pilot certificate', 'drone.pilot_certified', 'status'), r('part 107', 'drone.pilot_certified', 'status'),
  r('pilot certified', 'drone.pilot_certified', 'status'), r('airspace authorization', 'drone.airspace_authorized', 'status'), r('airspace authorisation', 'drone.airspace_authorized', 'status'),
  r('laanc', 'drone.airspace_authorized', 'status'), r('laanc approval', 'drone.airspace_authorized', 'status'), r('faa authorization', 'drone.airspace_authorized', 'status'),
  // The air tested before entry, said with the gerund ("air_testing: none", "atmospheric_testing: done").
  r('air testing', 'confined_space.tested', 'status'), r('gas testing', 'confined_space.tested', 'status'), r('atmospheric testing', 'confined_space.tested', 'status'),
  r('air monitoring', 'confined_space.tested', 'status'), r('gas monitor', 'confined_space.tested', 'status'), r('gas meter', 'confined_space.tested', 'status'),
  // 1926.302(e): where a powder-actuated fastener goes.
  r('edge distance', 'pat.edge_distance_ft', 'length'), r('distance from edge', 'pat.edge_distance_ft', 'length'), r('edge clearance', 'pat.edge_distance_ft', 'length'),
  // identifiers and bookkeeping: read, nothing to decide
  r('permit no', 'record.permit_no', 'ignore'), r('permit number', 'record.permit_no', 'ignore'), r('tested at', 'record.tested_at', 'ignore'),
  r('workers entering', 'record.entrants', 'ignore'), r('competent person eta', 'record.eta', 'ignore'), r('shoring inspection', 'equipment.inspected', 'status'),
  r('fall protection plan', 'record.fall_protection_plan', 'status'),
  // 1926.502(k): a fall protection plan (controlled access zone, safety monitor) only where conventional protection is infeasible.
  r('conventional system available', 'fall.conventional_feasible', 'status'), r('conventional available', 'fall.conventional_feasible', 'status'),
  r('conventional feasible', 'fall.conventional_feasible', 'status'), r('conventional protection available', 'fall.conventional_feasible', 'status'),
  r('conventional fall protection available', 'fall.conventional_feasible', 'status'), r('conventional fall protection feasible', 'fall.conventional_feasible', 'status'),
  r('conventional infeasible', 'fall.conventional_feasible', 'status', { inverse: true }), r('conventional not feasible', 'fall.conventional_feasible', 'status', { inverse: true }),
  r('tie off available', 'fall.conventional_feasible', 'status'), r('tie off feasible', 'fall.conventional_feasible', 'status'), r('erection plan', 'record.erection_plan', 'status'), r('control plan', 'record.control_plan', 'status'), r('type', 'record.type', 'ignore', { scopes: ['other'] }),
  // A tower crane's anti-collision (zoning) system where envelopes overlap: "anti_collision_mode: bypass" takes it away.
  r('anti collision', 'safeguards.removed', 'bypass', { inverse: true }), r('anti collision system', 'safeguards.removed', 'bypass', { inverse: true }),
  r('anti collision mode', 'safeguards.removed', 'bypass', { inverse: true }), r('zoning system', 'safeguards.removed', 'bypass', { inverse: true }),
  r('zoning mode', 'safeguards.removed', 'bypass', { inverse: true }), r('anti collision status', 'safeguards.removed', 'bypass', { inverse: true }),
  // 1926.62(k): blood lead results (ug/dL), the worst of those on record.
  r('blood lead', 'lead.blood_ug_dl', 'count'), r('blood lead level', 'lead.blood_ug_dl', 'count'), r('bll', 'lead.blood_ug_dl', 'count'), r('pbb', 'lead.blood_ug_dl', 'count'),
  // Table 1 duration: hours a shift the tool cuts, not the crew's hours on site.
  r('cutting hour', 'silica.task_hours', 'hours'), r('sawing hour', 'silica.task_hours', 'hours'), r('saw hour', 'silica.task_hours', 'hours'),
  r('grinding hour', 'silica.task_hours', 'hours'), r('drilling hour', 'silica.task_hours', 'hours'), r('chipping hour', 'silica.task_hours', 'hours'),
  r('cutting hour per shift', 'silica.task_hours', 'hours'), r('planned cutting hour', 'silica.task_hours', 'hours'), r('cutting duration', 'silica.task_hours', 'hours'),
  // What a respirator filters (1910.134(d)(3)(iv)): a particulate class, or gas and vapour only.
  r('cartridge', 'respirator.particulate_filter', 'filter'), r('respirator cartridge', 'respirator.particulate_filter', 'filter'), r('respirator filter', 'respirator.particulate_filter', 'filter'),
  r('filter cartridge', 'respirator.particulate_filter', 'filter'), r('canister', 'respirator.particulate_filter', 'filter'),
  // Ground vibration from piling (BS 5228-2): peak particle velocity in mm/s, measured against the stop level.
  r('ppv', 'vibration.ppv_mm_s', 'ppv'), r('peak particle velocity', 'vibration.ppv_mm_s', 'ppv'),
  r('stop ppv', 'vibration.ppv_stop_mm_s', 'ppv'), r('red stop ppv', 'vibration.ppv_stop_mm_s', 'ppv'), r('stop level ppv', 'vibration.ppv_stop_mm_s', 'ppv'),
  r('ppv limit', 'vibration.ppv_stop_mm_s', 'ppv'), r('ppv stop', 'vibration.ppv_stop_mm_s', 'ppv'), r('limit ppv', 'vibration.ppv_stop_mm_s', 'ppv'),
  r('trigger ppv', 'record.ppv_trigger', 'ignore'), r('amber trigger ppv', 'record.ppv_trigger', 'ignore'), r('amber ppv', 'record.ppv_trigger', 'ignore'),
  // Rope access double protection (IRATA ICOP): a back-up line rigged on its own anchor is the fall protection a working line lacks.
  r('back up line', 'fall.protected', 'backup_line'), r('backup line', 'fall.protected', 'backup_line'), r('second line', 'fall.protected', 'backup_line'),
  r('safety line', 'fall.protected', 'backup_line'), r('back up rope', 'fall.protected', 'backup_line'), r('backup rope', 'fall.protected', 'backup_line'),
  r('safety rope', 'fall.protected', 'backup_line'),
  // A loose load on forks retained by a net or cage (1926.1425(c)(1)): "containment: none" says it is not.
  r('containment', 'crane.load_contained', 'status', { scopes: ['parameters'] }), r('load containment', 'crane.load_contained', 'status'), r('load retention', 'crane.load_contained', 'status'),
  r('retaining net', 'crane.load_contained', 'status'), r('load net', 'crane.load_contained', 'status'), r('brick cage', 'crane.load_contained', 'status'), r('pallet cage', 'crane.load_contained', 'status'),
];

/** Unit suffixes of field names. */
const UNIT_SUFFIX: ReadonlyMap<string, Unit> = new Map<string, Unit>([
  ['mph', 'mph'], ['kmh', 'kmh'], ['kph', 'kmh'], ['kmph', 'kmh'], ['ms', 'ms'], ['mps', 'ms'], ['kn', 'kn'], ['kt', 'kn'], ['kts', 'kn'], ['knots', 'kn'], ['knot', 'kn'],
  ['c', 'degC'], ['celsius', 'degC'], ['f', 'degF'], ['fahrenheit', 'degF'], ['ft', 'ft'], ['feet', 'ft'], ['m', 'm'], ['metres', 'm'], ['meters', 'm'], ['in', 'in'], ['inches', 'in'], ['cm', 'cm'], ['mm', 'mm'], ['millimetres', 'mm'], ['millimeters', 'mm'],
  ['lb', 'lb'], ['lbs', 'lb'], ['pounds', 'lb'], ['kg', 'kg'], ['t', 'tonne'], ['tonnes', 'tonne'], ['tonne', 'tonne'], ['tons', 'ton'], ['ton', 'ton'],
  ['kv', 'kv'], ['v', 'v'], ['pct', 'pct'], ['percent', 'pct'], ['ppm', 'ppm'], ['h', 'hour'], ['hr', 'hour'], ['hrs', 'hour'], ['min', 'minute'], ['mi', 'mile'], ['miles', 'mile'],
]);

/** Pressure and strength suffixes, as psi per unit ("allowable_bearing_kPa", "strength_MPa", "pressure_psf"). */
const PSI_PER: ReadonlyMap<string, number> = new Map([['psi', 1], ['psig', 1], ['ksi', 1000], ['mpa', 145.0377], ['kpa', 0.1450377], ['psf', 1 / 144], ['ksf', 1000 / 144]]);

/** psi per unit of a pressure word ("3750 psi", "25 MPa"), if it is one. */
export function psiPer(word: string): number | undefined {
  return PSI_PER.get(word.toLowerCase());
}

/** Speed units agents spell as two parts of a field name. */
const TWO_PART_UNITS: ReadonlyMap<string, Unit> = new Map<string, Unit>([['m s', 'ms'], ['km h', 'kmh'], ['mi h', 'mph'], ['m sec', 'ms']]);

export interface FieldName {
  words: string[];
  unit?: Unit;
  /** A pressure suffix, as psi per unit. */
  psiPer?: number;
}

/** Splits a field name into words ("rated_capacity_lbs_at_radius", "windSpeedKmh") and its unit. */
export function splitFieldName(name: string): FieldName {
  const parts = identifierParts(name, 100);
  const words: string[] = [];
  let unit: Unit | undefined;
  // "wind_m_s", "gust_km_h", "speed_mi_h": a speed written as two parts of the name is one unit.
  const last = parts.length - 1;
  const split = last >= 2 ? TWO_PART_UNITS.get(`${parts[last - 1]} ${parts[last]}`) : undefined;
  if (split) {
    unit = split;
    parts.length = last - 1;
  }
  // "vibration_m_s2", "ppv_mm_s", "trigger_mm_s_ppv": a unit divided by time is a rate or an acceleration, not the
  // length it starts with; its number is kept from the length and speed readers (the class of derived units).
  for (let k = 0; k + 1 < parts.length; k++) {
    const accel = parts[k] === 'm' && (parts[k + 1] === 's2' || (parts[k + 1] === 's' && parts[k + 2] === '2'));
    const rate = ['mm', 'cm', 'in'].includes(parts[k]) && (parts[k + 1] === 's' || parts[k + 1] === 'sec');
    if (!accel && !rate || k === 0) continue;
    unit = accel ? 'ms2' : 'mms';
    parts.splice(k, parts[k + 2] === '2' && accel ? 3 : 2);
    break;
  }
  let psi: number | undefined;
  parts.forEach((w, k) => {
    const p = PSI_PER.get(w);
    if (p !== undefined && words.length > 0) {
      psi ??= p;
      return;
    }
    const u = UNIT_SUFFIX.get(w);
    // A unit word counts as the unit only after the first word ("co" is carbon monoxide, "in_place" is no unit),
    // and "min" only at the end ("planned_min_clearance_ft" is a minimum, "wait_min" minutes).
    // "in" is a unit only at the end too ("crane_in_service_wind_limit_ms" is in service, "depth_in" inches).
    if (u && words.length > 0 && ((w !== 'in' && w !== 'min') || k === parts.length - 1)) unit ??= u;
    else words.push(singular(w));
  });
  if (words.includes('hour')) unit ??= 'hour';
  return psi === undefined ? { words, unit } : { words, unit, psiPer: psi };
}

const SPEED_UNITS = new Set<Unit>(['mph', 'kmh', 'ms']);

/** Whether a rule of this kind measures what the field's unit suffix measures ("_ms" is a speed, "_kn" a speed or a force). */
function unitFits(kind: FieldKind, unit: Unit | undefined): boolean {
  if (unit === undefined) return false;
  if (kind === 'speed') return SPEED_UNITS.has(unit) || unit === 'kn';
  if (kind === 'weight' || kind === 'force') return ['lb', 'kg', 'ton', 'tonne', 'kn'].includes(unit);
  if (kind === 'length') return ['ft', 'm', 'in', 'cm', 'mm'].includes(unit);
  if (kind === 'temperature') return unit === 'degC' || unit === 'degF';
  return false;
}

/**
 * The rule for a field: the one whose words all appear, most words first; between rules of as many words,
 * the one that measures what the field's unit says ("lift_plan_max_gust_ms" is a wind limit, not a lift plan).
 */
export function ruleFor(name: FieldName, scope: Scope): FieldRule | undefined {
  let best: FieldRule | undefined;
  for (const rule of FIELD_RULES) {
    if (rule.scopes && !rule.scopes.includes(scope)) continue;
    if (!rule.words.every((w) => name.words.includes(w))) continue;
    if (!best || rule.words.length > best.words.length) best = rule;
    // A rule that marks a name as bookkeeping ("design_load_per_shore") keeps it so.
    else if (rule.words.length === best.words.length && best.kind !== 'ignore' && unitFits(rule.kind, name.unit) && !unitFits(best.kind, name.unit)) best = rule;
  }
  return best;
}
