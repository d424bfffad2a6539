/**
 * What the normaliser has found so far, before it becomes facts: symptoms affirmed or denied (an
 * affirmation anywhere wins over a denial elsewhere: "no fever" in one turn does not cancel a fever
 * measured in another), conditions, and the numbers read from text with where they came from.
 */
export class Findings {
  readonly affirmed = new Map<string, string>();
  readonly denied = new Map<string, string>();
  readonly conditions = new Map<string, string>();
  readonly deniedConditions = new Map<string, string>();
  /** Flags of the co-occurrence kind ("exposure.co_source"), by concept. */
  readonly flags = new Map<string, string>();
  readonly severities = new Set<'mild' | 'moderate' | 'severe'>();
  /** Symptoms told as gone ("the fever went", "fever: gone since yesterday"), with where; they stay affirmed unless a rule says otherwise. */
  readonly resolved = new Map<string, string>();
  /** Symptoms a question in `questions_asked` already covered. */
  readonly asked = new Set<string>();

  affirm(symptom: string, source: string): void {
    if (!this.affirmed.has(symptom)) this.affirmed.set(symptom, source);
  }

  deny(symptom: string, source: string): void {
    if (!this.denied.has(symptom)) this.denied.set(symptom, source);
  }

  condition(name: string, source: string, negated = false): void {
    const into = negated ? this.deniedConditions : this.conditions;
    if (!into.has(name)) into.set(name, source);
  }

  flag(name: string, source: string): void {
    if (!this.flags.has(name)) this.flags.set(name, source);
  }

  has(symptom: string): boolean {
    return this.affirmed.has(symptom);
  }
}
