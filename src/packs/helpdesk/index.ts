import type { ActionInput, DomainModule } from '../types.js';
import { classifyOutcome } from './classify.js';
import { featureNames, featurize } from './features.js';
import { generateBank } from './generator.js';
import { HelpdeskActionSchema, HelpdeskStateSchema } from './state-schema.js';
import { asRecord } from './ticket-reading.js';

const clip = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** "cloud_platform, high: Developer locked out of their S3 bucket → Set the bucket policy Principal to "*" (config_change)". */
function summarize(state: Record<string, unknown>, action: ActionInput): string {
  const s = asRecord(state);
  const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');
  const head = [text(s.category) || 'ticket', text(s.priority)].filter(Boolean).join(', ');
  const kind = text(action?.kind);
  return `${head}: ${clip(text(s.description), 90)} → ${clip(text(action?.description), 90)}${kind ? ` (${kind})` : ''}`;
}

export const helpdeskModule: DomainModule = {
  name: 'helpdesk',
  title: 'IT helpdesk assistant',
  stateSchema: HelpdeskStateSchema,
  actionSchema: HelpdeskActionSchema,
  featureNames,
  featurize,
  classify: classifyOutcome,
  summarize,
  generateBank,
};
