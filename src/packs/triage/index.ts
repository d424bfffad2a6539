import type { DomainModule } from '../types.js';
import { featureNames, featurize } from './features.js';
import { followUpQuestions } from './follow-up.js';
import { readTriage } from './normalise.js';
import { classifyTriage } from './outcomes.js';
import { TriageActionSchema, TriageStateSchema } from './state-schema.js';
import { summarizeTriage } from './summary.js';

export const triageModule: DomainModule = {
  name: 'triage',
  title: 'Nurse-line triage: second opinion on the disposition',
  stateSchema: TriageStateSchema,
  actionSchema: TriageActionSchema,
  featureNames,
  read: readTriage,
  featurize,
  classify: classifyTriage,
  summarize: summarizeTriage,
  followUpQuestions,
};
