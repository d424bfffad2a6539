import type { ActionReading } from '../reading/reading.js';
import type { Lexicon, PhraseMatch } from '../reading/text.js';
import { tokenize } from '../reading/text.js';
import { prepareText } from './prepare-text.js';
import { saysAbsent, type TextView } from './text-view.js';
import { READ_KINDS, type ReadKind } from './kinds.js';

/** What one instruction (segment) of the action does, read from its first verb. */
export type Head = 'stop' | 'wait' | 'mitigate' | 'remove' | 'proceed';

export interface Instruction {
  head: Head;
  verb: string;
  segment: number;
  /** Controls the instruction puts in place (mitigate, wait) or takes away (remove). */
  controls: PhraseMatch[];
}

export interface ActionInstructions {
  instructions: Instruction[];
  effect: ActionReading['effect'];
}

/** Words between a verb and its object that do not change what the object is. */
const DETERMINERS = new Set(['the', 'a', 'an', 'all', 'any', 'some', 'more', 'extra', 'additional', 'new', 'its', 'their', 'every', 'each', 'both', 'his', 'her', 'our', 'proper', 'required']);
const PRONOUNS = new Set(['it', 'them', 'this', 'that', 'those', 'these']);
/** At one position, the more specific reading of a verb wins ("set" is both "put in place" and "do the work"). */
const VERB_ORDER = ['verb.stop', 'verb.wait', 'verb.remove', 'verb.add', 'verb.proceed'] as const;

const isControl = (m: PhraseMatch) => m.concept.startsWith('control.');

/** The control an instruction's verb acts on: the phrase right after it (past determiners), or the one a pronoun points back to. */
function objectOf(view: TextView, verb: PhraseMatch, seg: { last: number }, pronouns: boolean): PhraseMatch | undefined {
  let j = verb.last + 1;
  while (j <= seg.last && DETERMINERS.has(view.tokens[j].text)) j++;
  if (j > seg.last) return undefined;
  const direct = view.matches.find((m) => isControl(m) && m.first === j);
  if (direct) return direct;
  if (PRONOUNS.has(view.tokens[j].text)) {
    if (!pronouns) return undefined;
    const before = view.matches.filter((m) => isControl(m) && m.last < verb.first);
    return before.at(-1);
  }
  // "remove the cable guardrail", "disable the tilt alarm": a control within the next two words.
  return view.matches.find((m) => isControl(m) && m.first > j && m.first <= j + 2 && m.first <= seg.last);
}

/**
 * Reads the action's description as a list of instructions. "Wait for the signal person, then proceed"
 * proceeds; "Install the trench box, then send the crew in" mitigates first; "Postpone the lift until
 * the gusts drop" stands down (what follows "until" is a condition, not an instruction); "Remove the
 * guardrail so the crew can set the panels" proceeds and takes a safeguard away. No word switches a
 * safeguard off: a stand-down counts only when no instruction proceeds with the work.
 */
export function readInstructions(view: TextView | undefined): ActionInstructions {
  const instructions: Instruction[] = [];
  if (!view) return { instructions, effect: 'proceeds' };
  view.segments.forEach((seg, index) => {
    if (seg.hypothetical) return;
    const verbs = view.matches.filter((m) => m.first >= seg.first && m.first <= seg.last && m.concept.startsWith('verb.'));
    if (verbs.length === 0) {
      // "remove the toe boards and the midrail": a verbless stretch after an instruction shares its verb.
      const previous = instructions.at(-1);
      if (previous && previous.segment === index - 1 && (previous.head === 'remove' || previous.head === 'mitigate') && view.tokens[seg.first].clause === view.tokens[view.segments[index - 1].first].clause) {
        const more = view.matches.filter((m) => isControl(m) && m.first >= seg.first && m.first <= seg.last && (previous.head === 'remove' || !saysAbsent(view, m)));
        if (more.length > 0) {
          previous.controls.push(...more);
          previous.segment = index;
          return;
        }
      }
      if (seg.afterwards) {
        const controls = view.matches.filter((m) => isControl(m) && m.first >= seg.first && m.first <= seg.last && !saysAbsent(view, m));
        if (controls.length > 0) instructions.push({ head: 'mitigate', verb: 'after', segment: index, controls });
      }
      return;
    }
    const at = Math.min(...verbs.map((v) => v.first));
    const here = verbs.filter((v) => v.first === at).sort((a, b) => VERB_ORDER.indexOf(a.concept as (typeof VERB_ORDER)[number]) - VERB_ORDER.indexOf(b.concept as (typeof VERB_ORDER)[number]));
    const has = (concept: string) => here.find((v) => v.concept === concept);
    const verb = here[0];
    const word = verb.phrase;
    const push = (head: Head, controls: PhraseMatch[] = []) => instructions.push({ head, verb: word, segment: index, controls });
    if (has('verb.stop')) return push(verb.negated ? 'proceed' : 'stop');
    if (has('verb.wait')) {
      if (verb.negated) return push('proceed');
      const controls = view.matches.filter((m) => isControl(m) && m.first > verb.last && m.first <= seg.last);
      return push('wait', controls);
    }
    // Only a verb that takes a safeguard away looks back through "it" ("jumper it out"); "keep it turning" keeps nothing.
    const removal = has('verb.remove') && !verb.negated ? objectOf(view, verb, seg, true) : undefined;
    if (removal) return push('remove', [removal]);
    const object = objectOf(view, verb, seg, false);
    if (object && !verb.negated && (has('verb.add') || has('verb.proceed'))) {
      if (!saysAbsent(view, object)) {
        const controls = view.matches.filter((m) => isControl(m) && m.first >= object.first && m.first <= seg.last && !saysAbsent(view, m));
        return push('mitigate', controls);
      }
      return push('proceed');
    }
    if (has('verb.proceed')) return push(verb.negated ? 'stop' : 'proceed');
    if (has('verb.remove') && verb.negated) return undefined;
  });
  const firstWork = instructions.findIndex((i) => i.head === 'proceed' || i.head === 'remove');
  let effect: ActionReading['effect'];
  if (firstWork >= 0) effect = instructions.slice(0, firstWork).some((i) => i.head === 'mitigate') ? 'mitigates_first' : 'proceeds';
  else if (instructions.some((i) => i.head === 'stop' || i.head === 'wait')) effect = 'stands_down';
  else if (instructions.some((i) => i.head === 'mitigate')) effect = 'mitigates_first';
  else effect = 'proceeds';
  return { instructions, effect };
}

/** Specificity of each kind, for choosing among several named in one text ("personnel platform" over "crane"). */
const KIND_PRIORITY: Record<ReadKind, number> = {
  confined_space: 9, personnel_platform: 9, trenching: 8, excavation: 7, aerial_lift: 7, scaffold_work: 7, hot_work: 6, electrical_work: 6,
  steel_erection: 5, roofing_work: 5, demolition: 5, ladder: 4, crane_lift: 4, concrete_pour: 4, equipment_maintenance: 3, general_work: 1, stop_work: 0,
};

/** The kind of work a text names, if any: longest phrase first, then the more specific kind. */
export function kindIn(matches: readonly PhraseMatch[]): ReadKind | undefined {
  let best: { kind: ReadKind; score: number } | undefined;
  for (const m of matches) {
    if (!m.concept.startsWith('kind.') || m.negated) continue;
    const kind = m.concept.slice(5) as ReadKind;
    if (!READ_KINDS.includes(kind)) continue;
    const score = (m.last - m.first + 1) * 10 + KIND_PRIORITY[kind];
    if (!best || score > best.score) best = { kind, score };
  }
  return best?.kind;
}

/** A `kind` field read with the vocabulary: canonical kinds as they are, others by the words they contain ("lift_plan_submission"). */
export function kindOfField(kind: string | undefined, vocabulary: Lexicon): ReadKind | undefined {
  if (!kind) return undefined;
  const canonical = kind.trim().toLowerCase();
  if ((READ_KINDS as readonly string[]).includes(canonical)) return canonical as ReadKind;
  const tokens = tokenize(prepareText(canonical.slice(0, 100)));
  return kindIn(vocabulary.match(tokens, new Array<boolean>(tokens.length).fill(false)));
}

export interface KindEvidence {
  field?: ReadKind;
  description?: ReadKind;
  parameters?: ReadKind;
  state?: ReadKind;
}

/** The classified action: effect from the instructions, kind from the most explicit source, and whether they agree. */
export function classifyAction(instructions: ActionInstructions, evidence: KindEvidence): ActionReading {
  const { effect } = instructions;
  const work = (k: ReadKind | undefined) => (k && k !== 'stop_work' ? k : undefined);
  let kind: string = 'general_work';
  let kind_source: ActionReading['kind_source'] = 'unknown';
  const sources: Array<[ReadKind | undefined, ActionReading['kind_source']]> = [
    [work(evidence.field), 'kind'],
    [work(evidence.description), 'description'],
    [work(evidence.parameters), 'parameters'],
    [work(evidence.state), 'state'],
  ];
  for (const [k, source] of sources) {
    if (k) {
      kind = k === 'personnel_platform' ? 'crane_lift' : k;
      kind_source = source;
      break;
    }
  }
  // A stand-down's kind is stop_work whatever work it stands down; the work's kind stays in facts.task.kind.
  if (effect === 'stands_down') {
    kind = 'stop_work';
    if (evidence.field === 'stop_work') kind_source = 'kind';
  }
  const reading: ActionReading = {
    effect,
    kind,
    kind_source,
    high_impact: effect !== 'stands_down',
    lowers_risk: effect === 'stands_down',
  };
  if (evidence.field === 'stop_work' && effect !== 'stands_down') {
    const work = instructions.instructions.find((i) => i.head === 'proceed' || i.head === 'remove');
    reading.contradiction = `kind is stop_work, but the description ${work ? `says "${work.verb}"` : 'does not stand the work down'}`;
  }
  return reading;
}
