import { constructionSafetyModule } from './construction_safety/index.js';
import { helpdeskModule } from './helpdesk/index.js';
import { triageModule } from './triage/index.js';
import type { DomainModule } from './types.js';

/** The code halves of the shipped domain packs, by name. */
export const DOMAIN_MODULES: ReadonlyMap<string, DomainModule> = new Map(
  [helpdeskModule, constructionSafetyModule, triageModule].map((m) => [m.name, m]),
);
