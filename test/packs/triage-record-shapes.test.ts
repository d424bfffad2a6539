import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/lib/project-root.js';
import { DOMAIN_MODULES } from '../../src/packs/domain-modules.js';
import { loadDomains } from '../../src/packs/load-domains.js';

// Shapes call-handling systems send that carry the same information as the documented ones: a transcript
// as bare lines, details and conditions as one text, a disposition in another case, a pressure with its
// unit. Each passes the schema and is read as the documented shape would be; a word that names no
// disposition is still refused.
const domain = loadDomains(PROJECT_ROOT, DOMAIN_MODULES).get('triage')!;
const parse = (state: Record<string, unknown>, action: Record<string, unknown> = { description: 'set disposition', parameters: { disposition: 'home_care' } }) => {
  const s = domain.module.stateSchema.safeParse({ chief_complaint: 'Feeling unwell', caller_demographics: { age: 58 }, ...state });
  const a = domain.module.actionSchema.safeParse(action);
  return { ok: s.success && a.success, reading: s.success && a.success ? domain.read(s.data, a.data) : undefined };
};

describe('triage records in the shapes systems send them', () => {
  it('when the transcript comes as bare lines or one text, then a symptom the caller relays in it is read', () => {
    for (const conversation_history of [['Operator: how can I help?', 'Caller: my husband has crushing pain in his chest and is sweating'], 'Caller says her husband has crushing pain in his chest and is sweating.']) {
      const { ok, reading } = parse({ conversation_history });
      expect(ok).toBe(true);
      expect(reading!.facts.symptoms).toMatchObject({ chest_pain: true });
    }
  });

  it('when symptom details, conditions or red flags come as one text, then they are read, not refused', () => {
    const { ok, reading } = parse({ symptom_details: 'tight band of pain across the chest for forty minutes', caller_demographics: { age: 58, conditions: 'type 2 diabetes, angina' }, red_flags_identified: 'chest pain at rest' });
    expect(ok).toBe(true);
    expect(reading!.facts.symptoms).toMatchObject({ chest_pain: true });
    expect(reading!.facts.conditions).toMatchObject({ diabetes: true });
    expect(reading!.facts.red_flags_raised).toBe(1);
  });

  it('when the disposition is written in another case or with spaces or hyphens, then it is that disposition; a word that names none is refused', () => {
    for (const [given, read] of [['Home Care', 'home_care'], ['EMERGENCY_DEPARTMENT', 'emergency_department'], ['urgent-care-today', 'urgent_care_today'], [' call emergency services ', 'call_emergency_services']]) {
      const { ok, reading } = parse({}, { description: 'set disposition', parameters: { disposition: given } });
      expect(ok, given).toBe(true);
      expect(reading!.action.disposition).toBe(read);
    }
    expect(parse({}, { description: 'set disposition', parameters: { disposition: 'send home' } }).ok).toBe(false);
    expect(parse({}, { description: 'set disposition', parameters: { disposition: 'home care please' } }).ok).toBe(false);
  });

  it('when a blood pressure carries its unit, then both numbers are read; a text that is not a pressure is still refused', () => {
    const { ok, reading } = parse({ vital_signs: { blood_pressure: '86/52 mmHg' } });
    expect(ok).toBe(true);
    expect(reading!.facts.vitals).toMatchObject({ systolic_bp: 86, diastolic_bp: 52 });
    expect(parse({ vital_signs: { blood_pressure: 'low' } }).ok).toBe(false);
  });
});
