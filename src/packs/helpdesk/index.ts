import type { DomainModule } from '../types.js';
import { classifyOutcome } from './classify.js';
import { featureNames, featurize } from './features.js';
import { readHelpdesk } from './normalise.js';
import { HelpdeskActionSchema, HelpdeskStateSchema } from './state-schema.js';
import { summarize } from './summarize.js';

export const helpdeskModule: DomainModule = {
  name: 'helpdesk',
  title: 'IT helpdesk assistant',
  stateSchema: HelpdeskStateSchema,
  actionSchema: HelpdeskActionSchema,
  featureNames,
  read: readHelpdesk,
  featurize,
  classify: classifyOutcome,
  summarize,
};
