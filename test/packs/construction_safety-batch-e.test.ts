import { describe, expect, it } from 'vitest';
import { constructionReader } from '../support/construction-reading.js';
import { factAt } from '../../src/packs/reading/reading.js';

// Reading shapes met in the fifth batch of public-source cases (saw blades, loads per area, set limits,
// lengths of line, depths below a pipe, directional bores, raised structures on cribbing), in this file's
// own words. Each has a neighbour that must still be read as before.
const { read, codes, asked } = constructionReader('LOT-31');

describe('construction batch E: a blade named in the equipment is no maintenance job', () => {
  it('when a mitre saw with its blade guard cuts trim, then no lockout is asked for', () => {
    const state = { task_description: 'Cutting baseboard', equipment_in_use: ['12 in. mitre saw with blade guard'] };
    expect(read({ description: 'go ahead', kind: 'sawing' }, state).action.kind).not.toBe('equipment_maintenance');
    expect(asked({ description: 'go ahead', kind: 'sawing' }, state)).not.toContain('loto.applied');
  });
  it('when the blade itself is to be replaced, then it is still maintenance', () => {
    expect(read({ description: 'replace the blade on the chop saw' }).action.kind).toBe('equipment_maintenance');
  });
});

describe('construction batch E: a load per area is a pressure, not a hook load', () => {
  it('when a deck load is given in kPa, then no crane load is read and no crane question asked', () => {
    const r = read({ description: 'approve', parameters: { deck_load_kpa: 3 } }, { task_description: 'Storing drywall on level 3' });
    expect(factAt(r.facts, 'crane.load_lbs')).toBeUndefined();
    expect(asked({ description: 'approve', parameters: { deck_load_kpa: 3 } }, { task_description: 'Storing drywall on level 3' })).not.toContain('wind.peak_mph');
  });
  it('when a load is given in pounds, then it is still the crane load', () => {
    expect(factAt(read({ description: 'make the pick', kind: 'crane_lift', parameters: { load_lbs: 4000 } }).facts, 'crane.load_lbs')).toBe(4000);
  });
  it('when pallets of block are staged on a slab, then it is no scaffold work', () => {
    expect(read({ description: 'approve' }, { task_description: 'Staging block pallets beside the core' }).action.kind).toBe('general_work');
    expect(read({ description: 'approve' }, { task_description: 'Planking the staging on the east wall' }).action.kind).toBe('scaffold_work');
  });
});

describe('construction batch E: measures that are not the height of the work', () => {
  it('when a slew limiter is set at a distance, then no work height is read', () => {
    const state = { recent_observations: ['Swing limiter set to halt the boom at 20 m from the line'] };
    expect(factAt(read({ description: 'make the pick', kind: 'crane_lift' }, state).facts, 'fall.height_ft')).toBeUndefined();
  });
  it('when a worker is at a bare height, then it is still read', () => {
    expect(factAt(read({ description: 'continue' }, { recent_observations: ['Fitter working at 4 m on the frame'] }).facts, 'fall.height_ft')).toBeCloseTo(13.1, 0);
  });
  it('when a throw line or a hose length is given, then it is no height', () => {
    const state = { recent_observations: ['Rescue kit on the deck: life ring with 30 m rope, 50 ft hose at the pump'] };
    expect(factAt(read({ description: 'continue' }, state).facts, 'fall.height_ft')).toBeUndefined();
  });
  it('when the bore runs at a depth below a pipe, then no height is read', () => {
    const state = { recent_observations: ['Drill head at 3 m below the water main'] };
    expect(factAt(read({ description: 'continue' }, state).facts, 'fall.height_ft')).toBeUndefined();
  });
});

describe('construction batch E: a directional bore is an excavation without an open trench', () => {
  const bore = { task_description: 'Directional boring for a water service under the driveway' };
  it('when the locate is valid and the line potholed, then neither lockout nor trench depth is asked', () => {
    const state = { ...bore, compliance_status: { locate_ticket_valid: true, pothole_at_crossing: true } };
    expect(['excavation', 'trenching']).toContain(read({ description: 'start the bore' }, state).action.kind);
    const missing = asked({ description: 'start the bore' }, state);
    expect(missing).not.toContain('trench.depth_ft');
    expect(missing).not.toContain('loto.applied');
  });
  it('when the locate is not valid, then the utility rule fires', () => {
    expect(codes({ description: 'start the bore' }, { ...bore, compliance_status: { locate_ticket_valid: false } })).toContain('excavation_utilities_not_located');
  });
});

describe('construction batch E: a raised structure resting on cribbing is not a suspended load', () => {
  const lift = { task_description: 'Jacking a cottage off its foundation' };
  it('when the structure sits on cribbing, then a worker beneath breaks no suspended-load rule', () => {
    expect(codes({ description: 'set the new beams', parameters: { worker_under_load: true, cribbed: true } }, lift)).not.toContain('workers_under_suspended_load');
  });
  it('when it is still on the jacks, then the rule fires', () => {
    expect(codes({ description: 'set the new beams', parameters: { worker_under_load: true, cribbed: false } }, lift)).toContain('workers_under_suspended_load');
  });
  it('when a crane holds the load, then cribbing elsewhere does not excuse it', () => {
    expect(codes({ description: 'make the pick', kind: 'crane_lift', parameters: { worker_under_load: true, cribbing_in_place: true } })).toContain('workers_under_suspended_load');
  });
});

describe('construction batch E: a safety device said to be tied or taped is defeated', () => {
  it('when the parameters say a nailer trigger is taped, then the safeguard rule fires', () => {
    expect(codes({ description: 'sign off the tool change', parameters: { change: 'trigger taped back' } })).toContain('safeguard_removed');
    expect(codes({ description: 'approve', parameters: { note: 'muzzle safety wedged with a shim' } })).toContain('safeguard_removed');
  });
  it('when the nailer keeps its sequential trigger, then nothing is removed', () => {
    expect(codes({ description: 'approve', parameters: { tool: 'framing nailer', trigger: 'sequential, as shipped' } })).not.toContain('safeguard_removed');
  });
});

describe('construction batch E: unfilled pan stairs carry no foot traffic without temporary treads', () => {
  it('when the crew is routed up pans not yet filled and nothing fills them, then it escalates', () => {
    expect(codes({ description: 'open the east stair to the crews', parameters: { stair_pans_filled: 'no', temp_treads: 'none fitted' } })).toContain('unfilled_pan_stairs_used');
  });
  it('when plywood temporary treads are fitted to the pans, or the pans are filled, then the rule does not fire', () => {
    expect(codes({ description: 'open the east stair to the crews', parameters: { stair_pans_filled: 'no', temp_treads: 'plywood, installed full width' } })).not.toContain('unfilled_pan_stairs_used');
    expect(codes({ description: 'open the east stair to the crews', parameters: { pans_filled: true } })).not.toContain('unfilled_pan_stairs_used');
  });
});
