import type { LoadedDomain } from '../packs/load-domains.js';
import type { ActionInput } from '../packs/types.js';
import type { NewCase } from './case-store.js';

/** The shipped bank as historical cases: every row, so similar-case search has history from the first request. */
export function bankCases(domain: LoadedDomain): NewCase[] {
  return domain.bank.rows.map((row) => {
    const action = row.action as ActionInput;
    const features = domain.module.featurize(row.state, action);
    const cls = domain.module.classify(domain.outcomeByName.get(row.final_outcome)!, action);
    return {
      id: `bank:${domain.name}:${row.id}`,
      domain: domain.name,
      source: row.synthetic ? 'synthetic_bank' : 'bank',
      summary: domain.module.summarize(row.state, action),
      body: features.text,
      features: features.values,
      finalOutcome: row.final_outcome,
      incident: cls.incident,
      adverse: cls.adverse,
      state: row.state,
      action,
    };
  });
}
