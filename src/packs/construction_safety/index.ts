import type { DomainModule } from '../types.js';
import { featureNames, featurize } from './features.js';
import { readConstruction } from './normalise.js';
import { ConstructionActionSchema, ConstructionStateSchema } from './state-schema.js';
import { summarize } from './summarize.js';
import { classifyOutcome } from './taxonomy.js';

export const constructionSafetyModule: DomainModule = {
  name: 'construction_safety',
  title: 'Construction site safety',
  stateSchema: ConstructionStateSchema,
  actionSchema: ConstructionActionSchema,
  featureNames,
  read: readConstruction,
  featurize,
  // The taxonomy decides: a near miss is an incident whatever the action was.
  classify: (outcome) => classifyOutcome(outcome),
  summarize,
};
