import { describe, expect, it } from 'vitest';
import { firedRules, gates } from '../../src/evaluation/gates.js';
import { PROJECT_ROOT } from '../../src/lib/project-root.js';
import { DOMAIN_MODULES } from '../../src/packs/domain-modules.js';
import { loadDomains } from '../../src/packs/load-domains.js';

// Batch cs-dev-661..700 and older misses: a snaphook on its own webbing, a sidewalk undermined by a trench, trench shores pulled
// top first with a man below, the public under overhead work, a land crane on a barge, a crane out of level, leaving a lift's
// platform at height, street glasses for grinding, and stainless welded in a tank. Each dangerous shape has a safe neighbour.
// Wording is this file's own.
const domain = loadDomains(PROJECT_ROOT, DOMAIN_MODULES).get('construction_safety')!;
type Json = Record<string, unknown>;
const site = (extra: Json = {}): Json => ({ site_id: 'JOB-700', task_description: 'Work today', ...extra });
const read = (action: Json, state: Json = {}) => domain.read(domain.module.stateSchema.parse(site(state)), domain.module.actionSchema.parse(action));
const firing = (action: Json, state: Json = {}) => firedRules(domain.catalogue.hazards, read(action, state)).map((h) => h.id);
const asked = (action: Json, state: Json = {}) => gates(domain, read(action, state)).missing.map((m) => m.fact);
const fact = (r: ReturnType<typeof read>, dotted: string) => dotted.split('.').reduce<unknown>((o, k) => (o as Json | undefined)?.[k], r.facts);

describe('a lanyard hooked back on itself', () => {
  it('when the hook goes onto its own webbing, then it fires; a beam strap choked round the beam does not', () => {
    expect(firing({ description: 'Carry on hanging pipe', kind: 'steel_erection', parameters: { height_ft: 22 } }, { recent_observations: ['He wrapped the lanyard round the beam and clipped the hook to its own webbing'] })).toContain('snaphook_tie_back_unrated');
    expect(firing({ description: 'Carry on hanging pipe', kind: 'steel_erection', parameters: { height_ft: 22 } }, { recent_observations: ['Beam strap choked round the beam, hook on its D-ring'] })).not.toContain('snaphook_tie_back_unrated');
  });
  it('when the lanyard is rated for tie-back, then it stays quiet', () => {
    expect(firing({ description: 'Carry on', kind: 'steel_erection', parameters: { tie_back_rated: true } }, { recent_observations: ['Hook clipped back onto the lanyard around the column'] })).not.toContain('snaphook_tie_back_unrated');
  });
});

describe('excavations: undermined sidewalks and pulling the supports', () => {
  it('when the cut leaves a sidewalk hanging with nothing under it, then it fires; underpinned, it does not', () => {
    expect(firing({ description: 'Keep laying pipe', kind: 'excavation', parameters: { sidewalk_undermined_m: 0.5, sidewalk_support: 'none' } })).toContain('excavation_undermines_structure');
    expect(firing({ description: 'Keep laying pipe', kind: 'excavation', parameters: {} }, { recent_observations: ['Wall footing undermined and underpinned by the engineer'] })).not.toContain('excavation_undermines_structure');
  });
  it('when backfill is placed in the trench, then it is no sign of a cave-in', () => {
    expect(fact(read({ description: 'Compact the bedding', kind: 'excavation', parameters: { depth_ft: 6 } }, { recent_observations: ['Initial backfill placed and compacted'] }), 'trench.cave_in_signs')).toBeUndefined();
  });
  it('when shores come out top first with a worker in the trench, then it fires; bottom first from the surface with the backfill rising, it does not', () => {
    expect(firing({ description: 'Release the top cylinders first', kind: 'excavation', parameters: { depth_ft: 8, worker_in_trench: true } })).toContain('trench_support_removed_unsafely');
    const safe = { description: 'Release the shores bottom first from the surface, backfilling as each comes out', kind: 'excavation', parameters: { depth_ft: 8, worker_in_trench: false } };
    expect(firing(safe)).not.toContain('trench_support_removed_unsafely');
    expect(asked(safe)).not.toContain('concrete.strength_pct');
  });
});

describe('the public below overhead work', () => {
  it('when demolition runs over an open sidewalk with no shed or netting, then it fires', () => {
    expect(firing({ description: 'Start knocking down the parapet', kind: 'demolition', parameters: { pedestrians_below: true, debris_netting: false } })).toContain('public_unprotected_below_overhead_work');
  });
  it('when the sidewalk is closed, or a shed is up even without netting, then it does not', () => {
    expect(firing({ description: 'Start knocking down the parapet', kind: 'demolition', parameters: { pedestrians_below: true, sidewalk_closed: true } })).not.toContain('public_unprotected_below_overhead_work');
    expect(firing({ description: 'Start knocking down the parapet', kind: 'demolition', parameters: { pedestrians_below: true, debris_netting: false, sidewalk_shed: 'erected and inspected' } })).not.toContain('public_unprotected_below_overhead_work');
  });
});

describe('cranes: on a barge, out of level', () => {
  it('when a land crane on a barge lifts on its land chart or lists past 5 degrees, then it fires', () => {
    expect(firing({ description: 'Pick the piles on the land load chart', kind: 'crane_lift', parameters: {} }, { equipment_in_use: ['crawler crane on a deck barge'] })).toContain('crane_on_barge_chart_or_list');
    expect(firing({ description: 'Pick the piles', kind: 'crane_lift', parameters: { barge_list_deg: 6.5 } }, { equipment_in_use: ['crane on a flat deck barge'] })).toContain('crane_on_barge_chart_or_list');
  });
  it('when the barge chart is used and the list is small, or the crane is on land, then it does not', () => {
    expect(firing({ description: 'Pick the piles on the barge load chart', kind: 'crane_lift', parameters: { barge_list_deg: 1.5 } }, { equipment_in_use: ['crane on a deck barge'] })).not.toContain('crane_on_barge_chart_or_list');
    expect(firing({ description: 'Pick the piles on the land load chart', kind: 'crane_lift', parameters: {} }, { equipment_in_use: ['crawler crane'] })).not.toContain('crane_on_barge_chart_or_list');
  });
  it('when the crane stands 1.8 degrees out against a 1% tolerance, then it fires; 0.4 degrees does not', () => {
    expect(firing({ description: 'Start the picks', kind: 'crane_lift', parameters: { out_of_level_deg: 1.8, manufacturer_level_tolerance: '1%' } })).toContain('crane_out_of_level');
    expect(firing({ description: 'Start the picks', kind: 'crane_lift', parameters: { out_of_level_deg: 0.4, manufacturer_level_tolerance: '1%' } })).not.toContain('crane_out_of_level');
    expect(fact(read({ description: 'Start the picks', kind: 'crane_lift', parameters: { out_of_level_deg: 1.8 } }), 'trench.slope_h_per_v')).toBeUndefined();
  });
});

describe('leaving a lift at height, eyes and toxic fume', () => {
  it('when a worker unclips and climbs over the rail onto a roof, then it fires; a twin-leg transfer does not', () => {
    expect(firing({ description: "I'll unclip, hop over the rail onto the roof and come back", kind: 'aerial_lift', parameters: { platform_height_ft: 28 } })).toContain('platform_exit_at_height_untied');
    expect(firing({ description: 'Step onto the roof on a twin-leg lanyard, one leg on the roof anchor before unclipping', kind: 'aerial_lift', parameters: {} })).not.toContain('platform_exit_at_height_untied');
  });
  it('when a grinder works in his street glasses, then it fires; goggles over them do not', () => {
    expect(firing({ description: 'Finish the grinding', kind: 'grinding', parameters: { eye_protection: 'his prescription street glasses' } })).toContain('eye_protection_missing');
    expect(firing({ description: 'Finish the grinding', kind: 'grinding', parameters: {} }, { recent_observations: ['Wearing over-the-glasses goggles and a face shield'] })).not.toContain('eye_protection_missing');
  });
  it('when stainless is welded inside a tank with the blower off, then it fires; with the blower on, it does not', () => {
    const state = { task_description: 'Weld baffles inside the holding tank' };
    expect(firing({ description: 'apply change', kind: 'hot_work', parameters: { base_metal: '316L stainless', ventilation: 'off' } }, state)).toContain('zinc_fume_enclosed_unventilated');
    expect(firing({ description: 'apply change', kind: 'hot_work', parameters: { base_metal: '316L stainless', ventilation: 'manway blower running, fume extractor at the arc' } }, state)).not.toContain('zinc_fume_enclosed_unventilated');
  });
});
