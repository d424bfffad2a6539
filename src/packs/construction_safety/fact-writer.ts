import { factAt, type FactValue, type ReadingBuilder } from '../reading/reading.js';

/**
 * How much a source is believed. The action's own words say what will be done ("without harnesses",
 * "install the trench box first"), so they beat the record; the tool call's structured arguments beat
 * the state's record; free-text observations come last.
 */
export const STRENGTH = { observed: 1, recorded: 2, parameter: 3, action: 4 } as const;
export type Strength = (typeof STRENGTH)[keyof typeof STRENGTH];

/**
 * Sets facts on a ReadingBuilder with the strength of their source. A stronger source replaces a
 * weaker one; between free-text observations, "not in place" wins over "in place", because one
 * report of a missing control is enough to doubt it.
 */
export class FactWriter {
  private readonly strength = new Map<string, Strength>();
  /** Facts the tool call's own arguments or the state's records gave, whatever text said later. */
  readonly recorded = new Map<string, FactValue>();

  constructor(readonly builder: ReadingBuilder) {}

  /**
   * `prefer` says which way a tie between two free-text reports goes: a control reported missing once
   * is missing ("false"); a hazard sign reported once is there, whatever another clause denies ("true").
   */
  set(fact: string, value: FactValue | undefined, source: string, strength: Strength, prefer: boolean = false): void {
    if (value === undefined || (typeof value === 'number' && !Number.isFinite(value))) return;
    if ((strength === STRENGTH.parameter || strength === STRENGTH.recorded) && !this.recorded.has(`${strength}:${fact}`)) this.recorded.set(`${strength}:${fact}`, value);
    const had = this.strength.get(fact);
    const current = factAt(this.builder.facts, fact);
    if (had === undefined || current === undefined) {
      this.builder.set(fact, value, source);
      this.strength.set(fact, strength);
      return;
    }
    const replace = strength > had || (strength === had && strength === STRENGTH.observed && value === prefer && current === !prefer);
    if (!replace) return;
    this.builder.set(fact, value, source, true);
    this.strength.set(fact, strength);
  }

  add(fact: string, value: string, source: string): void {
    this.builder.add(fact, value, source);
    this.strength.set(fact, STRENGTH.action);
  }

  get(fact: string): FactValue | undefined {
    const v = factAt(this.builder.facts, fact);
    return v === undefined || (typeof v === 'object' && !Array.isArray(v)) ? undefined : (v as FactValue);
  }

  num(fact: string): number | undefined {
    const v = this.get(fact);
    return typeof v === 'number' ? v : undefined;
  }

  bool(fact: string): boolean | undefined {
    const v = this.get(fact);
    return typeof v === 'boolean' ? v : undefined;
  }

  strengthOf(fact: string): Strength | undefined {
    return this.strength.get(fact);
  }
}
