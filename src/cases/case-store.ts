export interface SimilarCase {
  case_id: string;
  summary: string;
  outcome: string;
  incident: boolean;
  adverse: boolean;
  similarity: number;
  source: string;
}

export interface CaseQuery {
  domain: string;
  text: string;
  features: number[];
  limit: number;
}

export interface NewCase {
  id: string;
  domain: string;
  source: string;
  summary: string;
  body: string;
  features: number[];
  finalOutcome: string;
  incident: boolean;
  adverse: boolean;
  state: Record<string, unknown>;
  action: Record<string, unknown>;
}

/** Historical cases and similar-case search. */
export interface CaseStore {
  findSimilar(query: CaseQuery): Promise<SimilarCase[]>;
  /** Imports a bank as cases once per bank version; returns how many rows were added. */
  importBank(domain: string, bankHash: string, cases: () => NewCase[]): Promise<number>;
  add(cases: NewCase[]): Promise<void>;
  count(domain?: string): Promise<number>;
}
