import type { z } from 'zod';
import type { Catalogue } from './reading/catalogue.js';
import type { ActionReading, Reading } from './reading/reading.js';

/** One value of a domain's outcome taxonomy. Taxonomies are ordered by severity (0 = best). */
export interface OutcomeDef {
  name: string;
  description: string;
  severity: number;
  /** An incident in its own right (e.g. a security incident, a near miss). */
  incident: boolean;
  /** Adverse regardless of the action (domains whose adversity depends on the action use `classify`). */
  adverse: boolean;
  reward: number;
  /** Triage: the level of care the outcome needed (compared with the disposition's). */
  care_level?: number;
}

/** A named risk factor a featuriser found in a state+action, tied to the features that carry it. */
export interface ActiveFactor {
  id: string;
  /** Short, plain-language name: "wind above crane limit". */
  factor: string;
  /** The numbers behind it: "gusts 31 mph, limit 20 mph". */
  detail: string;
  /** Names of the features (from `featureNames`) whose weight in the model speaks for this factor. */
  features: string[];
  /** What a supervisor could do about it: "Postpone the lift until gusts fall below the limit". */
  recommendation?: string;
}

export interface Features {
  /** Aligned with `DomainModule.featureNames`. */
  values: number[];
  factors: ActiveFactor[];
  /** Free text for similar-case search (task, complaint, description, action). */
  text: string;
}

export interface Classified {
  incident: boolean;
  adverse: boolean;
}

/**
 * The code half of a domain pack; the data half lives in `domains/<name>/` (pack, catalogue, prompt,
 * bank) and `policies/<name>.yaml`. Everything after `read` sees only the reading: features, the
 * outcome classification, summaries and questions never parse the raw request again.
 */
export interface DomainModule {
  name: string;
  title: string;
  /** zod schema of `state` (loose: extra fields allowed, read by the normaliser or reported as ignored). */
  stateSchema: z.ZodType<Record<string, unknown>>;
  /** zod schema of `action` (description, kind, parameters). */
  actionSchema: z.ZodType<ActionInput>;
  featureNames: readonly string[];
  /** The one reading of a request: normaliser and action classifier, with the catalogue's vocabulary. */
  read(state: Record<string, unknown>, action: ActionInput, catalogue: Catalogue): Reading;
  /** The numeric view the embedded model learns, over the reading only. */
  featurize(reading: Reading): Features;
  /** Whether an outcome counts as an incident / adverse for this action. */
  classify(outcome: OutcomeDef, action: ActionReading): Classified;
  /** One line for case lists: "Crane lift of roof truss; gusts 31 mph; crew 11 h on site". */
  summarize(reading: Reading): string;
  /** Triage: the questions still worth asking. Others: none. */
  followUpQuestions?(reading: Reading): string[];
}

export interface ActionInput {
  description: string;
  kind?: string;
  parameters?: Record<string, unknown>;
  [extra: string]: unknown;
}
