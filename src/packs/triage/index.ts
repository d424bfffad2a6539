import type { ActionInput, DomainModule } from '../types.js';
import { featureNames, featurize } from './features.js';
import { followUpQuestions } from './follow-up.js';
import { generateBank } from './generator.js';
import { classifyTriage } from './outcomes.js';
import { TriageActionSchema, TriageStateSchema } from './state-schema.js';

function rec(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function ageText(demographics: Record<string, unknown>): string {
  const { age, age_months: months, age_days: days } = demographics;
  if (typeof age === 'number') return age < 2 ? `${Math.round(age * 12)}-month-old` : `${Math.round(age)}-year-old`;
  if (typeof months === 'number') return `${Math.round(months)}-month-old`;
  if (typeof days === 'number') return `${Math.round(days)}-day-old`;
  return 'age unknown';
}

function vitalsText(raw: unknown): string {
  if (raw === null || raw === undefined) return 'no vitals';
  const v = rec(raw);
  const parts = [
    typeof v.heart_rate === 'number' ? `HR ${v.heart_rate}` : '',
    typeof v.blood_pressure === 'string' ? `BP ${v.blood_pressure}` : typeof v.systolic_bp === 'number' ? `SBP ${v.systolic_bp}` : '',
    typeof v.spo2 === 'number' ? `SpO2 ${v.spo2}` : '',
    typeof v.temperature_c === 'number' ? `${v.temperature_c} °C` : '',
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : 'no vitals';
}

/** One line for case lists: "45-year-old F (diabetes): Indigestion and jaw pain for 2 hours; no vitals; home_care". */
export function summarizeTriage(state: Record<string, unknown>, action: ActionInput): string {
  const demographics = rec(state.caller_demographics);
  const sex = typeof demographics.sex === 'string' ? ` ${demographics.sex}` : '';
  const conditions = Array.isArray(demographics.conditions) ? demographics.conditions.filter((c) => typeof c === 'string') : [];
  const who = `${ageText(demographics)}${sex}${conditions.length > 0 ? ` (${conditions.slice(0, 3).join(', ')})` : ''}`;
  const complaint = typeof state.chief_complaint === 'string' ? state.chief_complaint : 'no complaint given';
  const disposition = String(action.parameters?.disposition ?? 'no disposition');
  return `${who}: ${complaint}; ${vitalsText(state.vital_signs)}; ${disposition}`;
}

export const triageModule: DomainModule = {
  name: 'triage',
  title: 'Nurse-line triage: second opinion on the disposition',
  stateSchema: TriageStateSchema,
  actionSchema: TriageActionSchema,
  featureNames,
  featurize,
  classify: classifyTriage,
  summarize: summarizeTriage,
  followUpQuestions,
  generateBank,
};
