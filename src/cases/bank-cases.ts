import { bankDigest, bankFeatures, type LoadedDomain } from '../packs/load-domains.js';
import type { ActionInput } from '../packs/types.js';
import { fitCaseEmbedder, type CaseEmbedder } from './case-embedder.js';
import type { NewCase } from './case-store.js';

/** One embedder per domain, fitted on its bank: its version changes when the bank does. */
export function caseEmbedders(domains: Iterable<LoadedDomain>): Map<string, CaseEmbedder> {
  return new Map([...domains].map((d) => [d.name, fitCaseEmbedder(bankFeatures(d))]));
}

/** The shipped bank as historical cases: every row, so similar-case search has history from the first request. */
export function bankCases(domain: LoadedDomain): NewCase[] {
  const { features: values, actions, summaries, texts } = bankDigest(domain);
  return domain.bank.rows.map((row, i) => {
    const action = row.action as ActionInput;
    const cls = domain.module.classify(domain.outcomeByName.get(row.final_outcome)!, actions[i]);
    return {
      id: `bank:${domain.name}:${row.id}`,
      domain: domain.name,
      source: row.synthetic ? 'synthetic_bank' : 'bank',
      summary: summaries[i],
      body: texts[i],
      features: values[i],
      finalOutcome: row.final_outcome,
      incident: cls.incident,
      adverse: cls.adverse,
      state: row.state,
      action,
    };
  });
}
