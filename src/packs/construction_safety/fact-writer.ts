import { factAt, type FactValue, type ReadingBuilder } from '../reading/reading.js';

/**
 * How much a source is believed. The action's own words say what will be done ("without harnesses",
 * "install the trench box first"), so they beat the record; the tool call's structured arguments beat
 * the state's record; free-text observations come last.
 */
export const STRENGTH = { observed: 1, recorded: 2, parameter: 3, action: 4 } as const;
export type Strength = (typeof STRENGTH)[keyof typeof STRENGTH];

/**
 * Numbers of which the worst reading governs when two sources of equal weight give one: a lift plan
 * with a pick and a set radius is within the chart only at the smaller capacity and the larger radius;
 * a crane passes the line at its closest approach; the deepest point of a trench is its depth.
 */
const WORST_OF: Readonly<Record<string, 'least' | 'most'>> = {
  'crane.capacity_lbs': 'least',
  'crane.radius_ft': 'most',
  'crane.load_lbs': 'most',
  'crane.load_pct': 'most',
  'power_line.distance_ft': 'least',
  'trench.depth_ft': 'most',
  'fall.height_ft': 'most',
  'trench.spoil_setback_ft': 'least',
  'hot_work.combustibles_cleared_ft': 'least',
  'confined_space.h2s_ppm': 'most',
  'lead.blood_ug_dl': 'most',
  'vibration.ppv_mm_s': 'most',
  'confined_space.co_ppm': 'most',
  'confined_space.lel_pct': 'most',
  // Of a crane's general limit and the lift plan's limit for this load, the stricter governs.
  'wind.limit_mph': 'least',
  // The most loaded shore against the weakest rating; the hottest WBGT against the hardest work.
  'shoring.load_lbs': 'most',
  'shoring.rated_lbs': 'least',
  'heat.wbgt_c': 'most',
  'heat.metabolic_w': 'most',
};

/** Whether a fact keeps the worst of the values read for it (the highest reading, the smallest clearance). */
export function keepsWorst(fact: string): boolean {
  return WORST_OF[fact] !== undefined;
}


/** Records in which every entry must hold: one energy source left live is enough ("utility open: true, generator isolated: false"). */
const ALL_OF = new Set(['loto.applied', 'loto.verified']);

/**
 * Sets facts on a ReadingBuilder with the strength of their source. A stronger source replaces a
 * weaker one; between free-text observations, "not in place" wins over "in place", because one
 * report of a missing control is enough to doubt it.
 */
export class FactWriter {
  private readonly strength = new Map<string, Strength>();
  /** Facts a source said it does not know ("line_voltage: unknown"): a weaker source's guess does not fill them. */
  private readonly unknownAt = new Map<string, Strength>();
  /** Facts the tool call's own arguments or the state's records gave, whatever text said later. */
  readonly recorded = new Map<string, FactValue>();

  constructor(readonly builder: ReadingBuilder) {}

  /**
   * `prefer` says which way a tie between two free-text reports goes: a control reported missing once
   * is missing ("false"); a hazard sign reported once is there, whatever another clause denies ("true").
   */
  set(fact: string, value: FactValue | undefined, source: string, strength: Strength, prefer: boolean = false): void {
    if (value === undefined || (typeof value === 'number' && !Number.isFinite(value))) return;
    if ((this.unknownAt.get(fact) ?? 0) > strength) return;
    if ((strength === STRENGTH.parameter || strength === STRENGTH.recorded) && !this.recorded.has(`${strength}:${fact}`)) this.recorded.set(`${strength}:${fact}`, value);
    const had = this.strength.get(fact);
    const current = factAt(this.builder.facts, fact);
    if (had === undefined || current === undefined) {
      this.builder.set(fact, value, source);
      this.strength.set(fact, strength);
      return;
    }
    const worst = WORST_OF[fact];
    const worse =
      strength === had &&
      typeof value === 'number' &&
      typeof current === 'number' &&
      worst !== undefined &&
      (worst === 'least' ? value < current : value > current);
    const allOf = strength === had && strength > STRENGTH.observed && ALL_OF.has(fact) && value === false && current === true;
    const replace = strength > had || worse || allOf || (strength === had && strength === STRENGTH.observed && value === prefer && current === !prefer);
    if (!replace) return;
    this.builder.set(fact, value, source, true);
    this.strength.set(fact, strength);
  }

  /** The source says the fact is not known: weaker sources (a foreman's guess in an observation) may not fill it. */
  markUnknown(fact: string, strength: Strength): void {
    if ((this.strength.get(fact) ?? 0) >= strength) return;
    this.unknownAt.set(fact, Math.max(strength, this.unknownAt.get(fact) ?? 0) as Strength);
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
