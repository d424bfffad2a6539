import type { ActionInput, DomainModule } from '../types.js';
import { featureNames, featurize } from './features.js';
import { generateBank } from './generator.js';
import { ConstructionActionSchema, ConstructionStateSchema } from './state-schema.js';
import { classifyOutcome } from './taxonomy.js';

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const rec = (v: unknown): Record<string, unknown> => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

/** One line for case lists: the task, the proposed action, and the numbers that usually decide it. */
function summarize(state: Record<string, unknown>, action: ActionInput): string {
  const env = rec(state.environmental_conditions);
  const crew = rec(state.crew_status);
  const parts = [typeof state.task_description === 'string' ? state.task_description : 'task not described', action.description];
  const gust = num(env.gust_mph);
  const wind = num(env.wind_mph);
  if (gust !== undefined && gust >= 15) parts.push(`gusts ${gust} mph`);
  else if (wind !== undefined && wind >= 15) parts.push(`wind ${wind} mph`);
  const heat = num(env.heat_index_c) ?? num(env.temperature_c);
  if (heat !== undefined && heat >= 30) parts.push(`${num(env.heat_index_c) !== undefined ? 'heat index' : 'temperature'} ${heat} °C`);
  const size = num(crew.size);
  const hours = num(crew.hours_on_site);
  if (size !== undefined || hours !== undefined) {
    parts.push([size !== undefined ? `crew of ${size}` : 'crew', hours !== undefined ? `${hours} h on site` : ''].filter(Boolean).join(', '));
  }
  return parts.join('; ');
}

export const constructionSafetyModule: DomainModule = {
  name: 'construction_safety',
  title: 'Construction site safety',
  stateSchema: ConstructionStateSchema,
  actionSchema: ConstructionActionSchema,
  featureNames,
  featurize,
  classify: (outcome) => classifyOutcome(outcome),
  summarize,
  generateBank,
};
