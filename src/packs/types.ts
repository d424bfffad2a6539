import type { z } from 'zod';

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

/** The code half of a domain pack; the data half lives in `domains/<name>/` and `policies/<name>.yaml`. */
export interface DomainModule {
  name: string;
  title: string;
  /** zod schema of `state` (loose: extra fields allowed and passed to the world model). */
  stateSchema: z.ZodType<Record<string, unknown>>;
  /** zod schema of `action` (description, kind, parameters). */
  actionSchema: z.ZodType<ActionInput>;
  featureNames: readonly string[];
  featurize(state: Record<string, unknown>, action: ActionInput): Features;
  /** Whether an outcome counts as an incident / adverse for this action. */
  classify(outcome: OutcomeDef, action: ActionInput): Classified;
  /** One line for case lists: "Crane lift of roof truss; gusts 31 mph; crew 11 h on site". */
  summarize(state: Record<string, unknown>, action: ActionInput): string;
  /** Triage: the questions still worth asking. Others: none. */
  followUpQuestions?(state: Record<string, unknown>, action: ActionInput): string[];
  /** Seeded, deterministic synthetic bank (see src/banks/trajectory.ts). */
  generateBank(seed: number, count: number): import('../banks/trajectory.js').TrajectoryRow[];
}

export interface ActionInput {
  description: string;
  kind?: string;
  parameters?: Record<string, unknown>;
  [extra: string]: unknown;
}
