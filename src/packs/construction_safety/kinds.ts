import { ACTION_KINDS } from './state-schema.js';

/**
 * The kinds of work the reading layer recognises: the schema's kinds, plus confined-space entry,
 * ladder access and hoisting people, which agents send under kinds of their own ("permit_approval",
 * "rescue") and which carry rules of their own. The trajectory bank uses only the schema's kinds.
 */
export const READ_KINDS = [...ACTION_KINDS, 'confined_space', 'ladder', 'personnel_platform'] as const;
export type ReadKind = (typeof READ_KINDS)[number];
