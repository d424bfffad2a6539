import { describe, expect, it } from 'vitest';
import { firedRules, gates } from '../../src/evaluation/gates.js';
import { PROJECT_ROOT } from '../../src/lib/project-root.js';
import { DOMAIN_MODULES } from '../../src/packs/domain-modules.js';
import { loadDomains } from '../../src/packs/load-domains.js';

// Batch cs-dev-581..620: questions asked of work a rule does not cover (a pit read as a confined space, a cable pull
// as servicing a circuit, backfill lifts as crane picks, a shaft cleaned from the surface), facts given in shapes the
// reader missed (a conduit offset, crack gauges, a shored pit), and the new hazards. Wording is this file's own.
const domain = loadDomains(PROJECT_ROOT, DOMAIN_MODULES).get('construction_safety')!;
type Json = Record<string, unknown>;
const site = (extra: Json = {}): Json => ({ site_id: 'JOB-620', task_description: 'Work today', environmental_conditions: {}, crew_status: {}, ...extra });
const read = (action: Json, state: Json = {}) => domain.read(domain.module.stateSchema.parse(site(state)), domain.module.actionSchema.parse(action));
const firing = (action: Json, state: Json = {}) => firedRules(domain.catalogue.hazards, read(action, state)).map((h) => h.id);
/** The facts missing_information would ask for. */
const asked = (action: Json, state: Json = {}) => gates(domain, read(action, state)).missing.map((m) => m.fact);
const fact = (r: ReturnType<typeof read>, dotted: string) => dotted.split('.').reduce<unknown>((o, k) => (o as Json | undefined)?.[k], r.facts);

describe('a clearance to a conduit in a slab is not a power line', () => {
  it('when the tool call gives the offset of the holes from the marked conduits, then no power line is read and none fires', () => {
    const action = { description: 'Core the marked holes', kind: 'work_order', parameters: { gpr_scan: true, min_clearance_to_conduit_mm: 150 } };
    const r = read(action);
    expect(r.facts.power_line).toBeUndefined();
    expect(fact(r, 'embedded.clearance_ft')).toBeCloseTo(0.49, 1);
    expect(firing(action)).not.toContain('power_line_clearance');
  });
  it('when a clearance to an overhead line is given, then it is still a power-line distance', () => {
    expect(firing({ description: 'Swing the boom', kind: 'crane_lift', parameters: { line_clearance_ft: 6, line_voltage_kv: 13.8 } })).toContain('power_line_clearance');
  });
  it('when cores go through a slab over a live switchgear room with no scan, then it fires; after a scan it does not', () => {
    const state = { recent_observations: ['Switchgear room under the slab is energized'] };
    expect(firing({ description: 'Drill the cores for the risers', kind: 'work_order', parameters: {} }, state)).toContain('concealed_circuit_not_located');
    expect(firing({ description: 'Drill the cores for the risers', kind: 'work_order', parameters: { gpr_scan: true } }, state)).not.toContain('concealed_circuit_not_located');
  });
});

describe('a pit or trench is not a Subpart AA confined space', () => {
  const pit = { task_description: 'Backfilling around a manhole base in a 4 m deep shored pit', equipment_in_use: ['battery rammer', 'personal gas monitor'], recent_observations: ['Bottom of the pit reads O2 20.8%, CO 0 ppm'] };
  it('when readings are taken in a shored pit, then no confined space is read and no gas nobody measured is asked for', () => {
    const action = { description: 'Compact the next lifts', kind: 'compaction', parameters: {} };
    const r = read(action, pit);
    expect(fact(r, 'confined_space.present')).toBeUndefined();
    expect(fact(r, 'task.kind')).toBe('excavation');
    expect(fact(r, 'trench.protected')).toBe(true);
    expect(asked(action, pit)).toEqual([]);
  });
  it('when the same readings are taken in a tank, then it is a confined space and the missing gases are asked', () => {
    const action = { description: 'Enter the tank', kind: 'confined_space', parameters: { o2_pct: 20.8, co_ppm: 0 } };
    expect(asked(action)).toEqual(expect.arrayContaining(['confined_space.lel_pct', 'confined_space.h2s_ppm']));
  });
  it('when the air in a trench is short of oxygen, then the excavation rule fires', () => {
    expect(firing({ description: 'Lay the pipe', kind: 'trenching', parameters: { depth_ft: 9, o2_pct: 18.5 } })).toContain('excavation_hazardous_atmosphere');
  });
  it('when a "shored" pit is said as unprotected instead, then no protective system is read', () => {
    const r = read({ description: 'Dig the pit', kind: 'excavation', parameters: {} }, { task_description: 'Pit 2 m deep, no shoring yet' });
    expect(fact(r, 'trench.protected')).not.toBe(true);
  });
});

describe('what the work does, not a word it shares with other work', () => {
  it('when backfill is compacted in lifts, then the lifts are layers and the work is no crane lift', () => {
    expect(fact(read({ description: 'Compact lifts 1-4 with the plate', kind: 'compaction', parameters: {} }), 'task.kind')).toBe('excavation');
    expect(fact(read({ description: 'Make lifts 1-4 with the crawler crane', kind: 'work_order', parameters: {} }), 'task.kind')).toBe('crane_lift');
  });
  it('when dry-fall is sprayed from a scissor lift, then it is aerial work; without a lift it is no roofing', () => {
    expect(fact(read({ description: 'Resume', kind: 'work_order', parameters: {} }, { task_description: 'Spraying dry-fall on the roof deck from a scissor lift' }), 'task.kind')).toBe('aerial_lift');
    expect(fact(read({ description: 'Resume', kind: 'work_order', parameters: {} }, { task_description: 'Spraying dry-fall on the roof deck' }), 'task.kind')).not.toBe('roofing_work');
  });
  it('when the only kind is a boom lift in the equipment list and the saw work is at waist height, then nobody is read at height', () => {
    const state = { task_description: 'Cutting up the fallen limb', equipment_in_use: ['boom lift (only used to lower the limb)'], recent_observations: ['Limb on the ground; saw work at waist height'] };
    expect(fact(read({ description: 'Cut it into rounds', kind: 'work_order', parameters: {} }, state), 'fall.at_height')).toBeUndefined();
    // The action naming the aerial lift still puts the work at height.
    expect(fact(read({ description: 'Cut it into rounds', kind: 'aerial_lift', parameters: {} }, state), 'fall.at_height')).toBe(true);
  });
  it('when a feeder is pulled into conduit, then no lockout is asked; work in a panel still asks it', () => {
    const pull = { description: 'Start the feeder pull', kind: 'electrical_work', parameters: { rope_rated_lb: 18000, expected_pull_lb: 4200, worker_in_rope_line: false } };
    expect(asked(pull)).not.toContain('loto.applied');
    expect(asked({ description: 'Replace the breaker in panel LP-2', kind: 'electrical_work', parameters: {} })).toContain('loto.applied');
  });
  it('when the pulling rope breaks below the expected pull, then it fires', () => {
    expect(firing({ description: 'Start the pull', kind: 'electrical_work', parameters: { rope_break_lb: 3700, expected_pull_lb: 4200 } })).toContain('cable_pull_rope_underrated');
  });
});

describe('an excavation nobody enters', () => {
  const shaft = { task_description: 'Drilled shaft 4 bottom cleanout', equipment_in_use: ['drill rig with cleanout bucket', 'downhole camera'] };
  it('when the tool call says nobody goes into the shaft, then no protective system or depth is asked', () => {
    const missing = asked({ description: 'Finish the cleanout and set the cage', kind: 'drilled_shaft', parameters: { personnel_entry: false } }, shaft);
    expect(missing).not.toContain('trench.protected');
    expect(missing).not.toContain('trench.depth_ft');
    expect(missing).not.toContain('loto.applied');
  });
  it('when someone is to go down the same shaft, then the protective system is asked again', () => {
    expect(asked({ description: 'Lower the laborer into the hole to clean the bottom', kind: 'drilled_shaft', parameters: { personnel_entry: true, depth_ft: 25 } }, shaft)).toContain('trench.protected');
  });
});

describe('signs and instruments', () => {
  it('when crack gauges watch the neighbouring wall, then no cave-in sign is read; a crack seen in the bank is one', () => {
    const action = { description: 'Dig pit 3', kind: 'excavation', parameters: { monitoring: 'tilt and crack gauges' } };
    expect(fact(read(action), 'trench.cave_in_signs')).toBeUndefined();
    expect(fact(read(action, { recent_observations: ['A crack opened along the bank overnight'] }), 'trench.cave_in_signs')).toBe(true);
  });
});

describe('engines in excavations (NIOSH 96-118a)', () => {
  const state = (engine: string) => ({ task_description: 'Backfilling a 4 m deep pit around the vault', equipment_in_use: [engine] });
  it('when a gasoline rammer runs at the bottom with still air, then it fires; a battery rammer does not', () => {
    expect(firing({ description: 'Keep compacting', kind: 'compaction', parameters: { ventilation: 'none' } }, state('gasoline rammer (4-stroke)'))).toContain('fuel_engine_in_excavation');
    expect(firing({ description: 'Keep compacting', kind: 'compaction', parameters: {} }, state('battery rammer'))).not.toContain('fuel_engine_in_excavation');
  });
  it('when a CO monitor reads at the bottom, then the engine is under watch and the reading decides', () => {
    expect(firing({ description: 'Keep compacting', kind: 'compaction', parameters: { co_ppm: 5 } }, state('gasoline rammer (4-stroke)'))).not.toContain('fuel_engine_in_excavation');
    expect(firing({ description: 'Keep compacting', kind: 'compaction', parameters: { co_ppm: 120 } }, state('gasoline rammer (4-stroke)'))).toContain('co_over_exposure_limit');
  });
});

describe('the new hazards, with safe neighbours', () => {
  it('when a chainsaw is run one-handed from a ladder, then it fires; two hands on the ground does not', () => {
    expect(firing({ description: 'Cut the hung limb', kind: 'work_order', parameters: { hands_on_saw: 1 } }, { equipment_in_use: ['gas chainsaw', 'extension ladder'] })).toContain('chainsaw_unsafe_grip_or_position');
    expect(firing({ description: 'Buck the limb', kind: 'work_order', parameters: { hands_on_saw: 2 } }, { equipment_in_use: ['chainsaw'] })).not.toContain('chainsaw_unsafe_grip_or_position');
  });
  it('when the trailer goes into the buffer space, then it fires; in the work space behind the attenuator it does not', () => {
    expect(firing({ description: 'Update the layout', kind: 'traffic_control', parameters: { change: 'leave the compressor trailer in the buffer space' } })).toContain('work_zone_buffer_occupied');
    expect(firing({ description: 'Confirm the layout', kind: 'traffic_control', parameters: { buffer_clear: true, vehicles_location: 'work space behind the TMA' } })).not.toContain('work_zone_buffer_occupied');
  });
  it('when a bundle is chained under telehandler forks, then it fires; on the manufacturer jib it does not', () => {
    expect(firing({ description: 'Carry the bundle chained under the forks', kind: 'equipment_operation', parameters: {} }, { equipment_in_use: ['telehandler'] })).toContain('forklift_suspended_load_unapproved');
    expect(firing({ description: 'Carry the bundle on the jib', kind: 'equipment_operation', parameters: { attachment: 'manufacturer truss jib' } }, { equipment_in_use: ['telehandler with truss jib'] })).not.toContain('forklift_suspended_load_unapproved');
  });
  it('when a wall is placed faster than the form drawing allows, then it fires; under the rate it does not', () => {
    expect(firing({ description: 'Place the wall', kind: 'concrete_pour', parameters: { planned_rate_ft_per_h: 12, design_rate_ft_per_h: 4 } })).toContain('wall_form_placement_rate_exceeded');
    expect(firing({ description: 'Place the wall', kind: 'concrete_pour', parameters: { planned_rate_ft_per_h: 3, design_rate_ft_per_h: 4 } })).not.toContain('wall_form_placement_rate_exceeded');
  });
});
