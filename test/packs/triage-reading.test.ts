import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { firedRules } from '../../src/evaluation/gates.js';
import { PROJECT_ROOT } from '../../src/lib/project-root.js';
import { loadCatalogue } from '../../src/packs/reading/catalogue.js';
import { factAt } from '../../src/packs/reading/reading.js';
import { triageModule as pack } from '../../src/packs/triage/index.js';
import type { ActionInput } from '../../src/packs/types.js';

// Behavioural tests of the triage reading: safety-net advice, bile in a child's vomit and the drugs of
// which one tablet can kill a toddler. Written in this file's own words, not the public cases'.
const catalogue = loadCatalogue(path.join(PROJECT_ROOT, 'domains/triage/catalogue.yaml'));
type Json = Record<string, unknown>;
const read = (state: Json, description: string, disposition = 'home_care') =>
  pack.read(pack.stateSchema.parse(state), pack.actionSchema.parse({ kind: 'disposition', description, parameters: { disposition } }) as ActionInput, catalogue);
type R = ReturnType<typeof read>;
const hazards = (r: R) => firedRules(catalogue.hazards, r).map((h) => h.id);
const caller = (age: number, text: string, extra: Json = {}): Json => ({ caller_demographics: { age }, chief_complaint: text, conversation_history: [{ role: 'caller', content: text }], ...extra });

describe('triage reading: safety-net advice names what to watch for, it asserts none of it', () => {
  it('when the advice lists drowsiness among the reasons to come back, then the child is not read as drowsy', () => {
    const r = read(caller(4, 'Runny tummy since Sunday, still drinking'), 'Oral fluids; come back if she is sick again, drowsy or has fewer wet nappies');
    expect(factAt(r.facts, 'symptoms.drowsy')).not.toBe(true);
    expect(factAt(r.facts, 'symptoms.reduced_urine')).not.toBe(true);
    expect(hazards(r)).not.toContain('altered_mental_status_low_acuity');
  });

  it('when the caller herself says the child is drowsy, then the same advice does not hide it', () => {
    const r = read(caller(4, 'Runny tummy since Sunday and now she is really drowsy'), 'Oral fluids; come back if she is sick again, drowsy or has fewer wet nappies');
    expect(factAt(r.facts, 'symptoms.drowsy')).toBe(true);
    expect(hazards(r)).toContain('altered_mental_status_low_acuity');
  });

  it('when a bump on the head is sent home with advice to go to A&E on listed signs, then no sign is read and nothing contradicts the disposition', () => {
    const r = read(caller(35, 'Knocked my head on a shelf, no blackout, not sick'), 'Rest and paracetamol; A&E if repeated vomiting, confusion or a worsening headache');
    expect(factAt(r.facts, 'symptoms.confusion')).not.toBe(true);
    expect(r.action.contradiction).toBeUndefined();
    expect(hazards(r)).not.toContain('head_injury_red_flags_low_acuity');
  });

  it('when the description explains when to go to A&E, then the A&E it names is not the disposition', () => {
    const r = read(caller(6, 'Temperature 38.2 since lunch, playing'), 'Fever advice and when to ring back or go to A&E');
    expect(r.action.contradiction).toBeUndefined();
  });

  it('when the description itself sends the patient to A&E outside any condition, then it still contradicts home care', () => {
    const r = read(caller(6, 'Temperature 38.2 since lunch, playing'), 'Go to A&E now');
    expect(r.action.contradiction).toBeDefined();
  });
});

describe('triage reading: green vomit in a baby or child', () => {
  it('when a baby brings up bright green vomit, then the bilious-vomiting hazard fires below the emergency department', () => {
    const state = { caller_demographics: { age_weeks: 5 }, chief_complaint: 'Brought up his feed', symptom_details: { vomit_colour: 'dark green' } };
    const r = read(state, 'See the GP tomorrow', 'clinic_48h');
    expect(factAt(r.facts, 'symptoms.bilious_vomiting')).toBe(true);
    expect(hazards(r)).toContain('bilious_vomiting_child');
  });

  it('when a parent says the sick was green, then it is read from the conversation too', () => {
    expect(hazards(read(caller(2, 'She vomited twice and it was green'), 'Fluids at home'))).toContain('bilious_vomiting_child');
  });

  it('when the vomit is milky, or the same child is sent to the emergency department, then it does not fire', () => {
    expect(hazards(read(caller(2, 'She vomited twice, milky'), 'Fluids at home'))).not.toContain('bilious_vomiting_child');
    expect(hazards(read(caller(2, 'She vomited twice and it was green'), 'Emergency department now', 'emergency_department'))).not.toContain('bilious_vomiting_child');
  });
});

describe('triage reading: a drug of which one tablet can kill a toddler', () => {
  it('when a toddler chewed a relative\'s heart tablet, then the one-pill hazard fires even though he looks well', () => {
    const r = read(caller(2, 'Found him chewing one of grandad\'s propranolol, he seems fine'), 'Watch him at home');
    expect(factAt(r.facts, 'ingestion.one_pill_drug')).toBe(true);
    expect(hazards(r)).toContain('child_one_pill_ingestion');
  });

  it('when the substance comes as a field, then it is read the same way', () => {
    const state = { caller_demographics: { age_months: 18 }, chief_complaint: 'Got into the bathroom cabinet', symptom_details: { suspected_substance: 'gliclazide 80 mg', tablets_missing: 1 } };
    expect(hazards(read(state, 'Observe at home'))).toContain('child_one_pill_ingestion');
  });

  it('when an adult lists the same drug as her own medicine and swallowed nothing, then it does not fire', () => {
    const state = { caller_demographics: { age: 58, medications: ['amlodipine 5 mg'] }, chief_complaint: 'Sore knee after gardening' };
    const r = read(state, 'Rest, ice and paracetamol');
    expect(factAt(r.facts, 'ingestion.one_pill_drug')).toBeUndefined();
    expect(hazards(r)).not.toContain('child_one_pill_ingestion');
  });
});
