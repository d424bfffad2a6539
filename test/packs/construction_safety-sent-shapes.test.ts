import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/lib/project-root.js';
import { DOMAIN_MODULES } from '../../src/packs/domain-modules.js';
import { loadDomains } from '../../src/packs/load-domains.js';

// Shapes site systems send that carry the same information as the documented ones: arguments as JSON
// text, hazards and equipment as records or one text, a Unix time, compliance notes as one text. Each
// passes the schema and reads as the documented shape does.
const domain = loadDomains(PROJECT_ROOT, DOMAIN_MODULES).get('construction_safety')!;
const state = {
  site_id: 'SHAPES-7',
  timestamp: '2026-03-04T07:30:00Z',
  task_description: 'Lay storm drain pipe in the trench on Elm Street',
  environmental_conditions: { temperature_c: 12, wind_mph: 6 },
  crew_status: { size: 3, hours_on_site: 1 },
  equipment_in_use: ['excavator', 'laser level'],
  active_hazards: ['open trench', 'traffic'],
};
const action = { description: 'Send the pipe layer into the trench', kind: 'trenching', parameters: { depth_ft: 8, protective_system: 'none', soil_type: 'type C' } };
const facts = (s: Record<string, unknown>, a: Record<string, unknown> = action) => {
  const ps = domain.module.stateSchema.safeParse(s);
  const pa = domain.module.actionSchema.safeParse(a);
  return ps.success && pa.success ? domain.read(ps.data, pa.data).facts : undefined;
};
const documented = facts(state);

describe('construction records in the shapes systems send them', () => {
  it('when the arguments come as JSON text, then the depth and the missing protective system are read as from the object', () => {
    expect(documented).toBeDefined();
    expect(facts(state, { ...action, parameters: JSON.stringify(action.parameters) })).toEqual(documented);
  });

  it('when hazards come as records with their naming field, or the time as Unix seconds, then the reading is the same', () => {
    expect(facts({ ...state, active_hazards: [{ hazard: 'open trench' }, { hazard: 'traffic' }] })).toEqual(documented);
    expect(facts({ ...state, timestamp: Date.parse(state.timestamp) / 1000 })).toEqual(documented);
  });

  it('when equipment is one text or compliance is a note, then the request is read, not refused; a number for a list still is', () => {
    expect(facts({ ...state, equipment_in_use: 'excavator' })).toBeDefined();
    expect(facts({ ...state, compliance_status: 'daily trench inspection not yet done' })).toBeDefined();
    expect(facts({ ...state, equipment_in_use: 42 })).toBeUndefined();
    expect(facts({ ...state, timestamp: 'yesterday-ish' })).toBeUndefined();
  });

  it('when a measurement comes as text with its unit, then it is read in the field’s unit; a number among words is refused', () => {
    const lift = { description: 'Proceed with crane lift', kind: 'crane_lift' };
    const windOf = (environmental_conditions: Record<string, unknown>) => facts({ ...state, environmental_conditions }, lift)?.wind;
    expect(windOf({ wind_mph: '25 mph', gust_mph: '31 mph' })).toEqual(windOf({ wind_mph: 25, gust_mph: 31 }));
    expect((windOf({ wind_mph: '40 km/h', gust_mph: '50 km/h' }) as { peak_mph: number }).peak_mph).toBeCloseTo(31.07, 1);
    expect(facts({ ...state, crew_status: { size: '3 workers', hours_on_site: '1 h' } })).toEqual(documented);
    expect(windOf({ wind_mph: 'about 25 mph' })).toBeUndefined();
    expect(facts({ ...state, environmental_conditions: { wind_mph: '1e400' } })).toBeUndefined();
    // Out of the field's range as text is refused as the number would be; a minus sign on a wind in another unit too.
    expect((windOf({ wind_mph: '30 knots' }) as { peak_mph: number }).peak_mph).toBeCloseTo(34.5, 1);
    for (const environmental_conditions of [{ wind_mph: '-30 mph' }, { wind_mph: '900 mph' }, { wind_mph: '-40 km/h' }, { humidity_pct: '250%' }, { temperature_c: '99 C' }]) {
      expect(facts({ ...state, environmental_conditions }), JSON.stringify(environmental_conditions)).toBeUndefined();
    }
    expect(facts({ ...state, crew_status: { size: '3.5 workers' } })).toBeUndefined();
  });
});
