import type { ActionReading } from '../reading/reading.js';
import type { Lexicon, PhraseMatch } from '../reading/text.js';
import { tokenize } from '../reading/text.js';
import { matchesStarting, saysAbsent, type TextView } from './text-view.js';
import { READ_KINDS, type ReadKind } from './kinds.js';

/** What one instruction (segment) of the action does, read from its first verb. */
export type Head = 'stop' | 'wait' | 'mitigate' | 'remove' | 'proceed';

export interface Instruction {
  head: Head;
  verb: string;
  segment: number;
  /** Controls the instruction puts in place (mitigate, wait) or takes away (remove). */
  controls: PhraseMatch[];
  /** Read from a clause addressed to the guardrail: it proceeds or removes (raising the risk), but it contradicts no stand-down. */
  addressed?: boolean;
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

/** Verbs that, addressed to the guardrail, ask for its decision rather than describe the work ("reply approve"). */
const DECISION_VERBS = new Set(['approve', 'approved', 'authorize', 'authorise', 'authorizing', 'allow', 'let']);

/** How many tokens back "it" may point to a control ("jumper it out"). */
const PRONOUN_REACH = 40;

const isControl = (m: PhraseMatch) => m.concept.startsWith('control.');

/** The control an instruction's verb acts on: the phrase right after it (past determiners), or the one a pronoun points back to. */
function objectOf(view: TextView, verb: PhraseMatch, seg: { last: number }, pronouns: boolean): PhraseMatch | undefined {
  let j = verb.last + 1;
  while (j <= seg.last && DETERMINERS.has(view.tokens[j].text)) j++;
  if (j > seg.last) return undefined;
  const direct = view.startingAt.get(j)?.find(isControl);
  if (direct) return direct;
  if (PRONOUNS.has(view.tokens[j].text)) {
    if (!pronouns) return undefined;
    // The nearest control before the verb, a sentence or so back at most.
    return matchesStarting(view, verb.first - PRONOUN_REACH, verb.first - 1).filter((m) => isControl(m) && m.last < verb.first).at(-1);
  }
  // "remove the cable guardrail", "disable the tilt alarm": a control within the next two words.
  return matchesStarting(view, j + 1, Math.min(j + 2, seg.last)).find(isControl);
}

/** Verbs that switch something off: with a safeguard as their object they remove it, otherwise they stop a machine. */
const OFF_VERBS = new Set(['turn off', 'switch off', 'shut off']);

/** Verbs of the work that, with a control as their object, set the control going. */
const OPERATE_VERBS = new Set(['start', 'starts', 'starting', 'begin', 'begins', 'beginning', 'continue', 'continues', 'continuing', 'run', 'running', 'operate', 'operating', 'keep', 'keeping', 'resume', 'resuming', 'turn', 'switch']);
const KEEP_VERBS = new Set(['keep', 'keeping', 'get', 'move', 'pull']);
/** After an away word, these send people back to the work ("get the crew back into the trench"). */
const TOWARD = new Set(['in', 'into', 'inside', 'to', 'on', 'onto', 'up']);
const PEOPLE = new Set(['everyone', 'everybody', 'anyone', 'crew', 'crews', 'people', 'workers', 'them', 'him', 'her', 'us', 'personnel', 'men', 'guys', 'labourers', 'laborers', 'staff', 'entrants', 'hands', 'team']);
const AWAY = new Set(['out', 'off', 'away', 'clear', 'back', 'down', 'home']);

/** "Keep the crew off the steel", "get everyone out of the hole", "pull the guys back": people moved away from the work. */
function keepsPeopleAway(view: TextView, verb: PhraseMatch, seg: { last: number }): boolean {
  if (!KEEP_VERBS.has(view.tokens[verb.first].text)) return false;
  let people = false;
  for (let j = verb.last + 1; j <= Math.min(seg.last, verb.last + 5); j++) {
    const w = view.tokens[j].text;
    if (PEOPLE.has(w)) people = true;
    else if (AWAY.has(w)) return people && !TOWARD.has(view.tokens[j + 1]?.text ?? '');
  }
  return false;
}

/** Whether a segment after a wait names work: a verb that neither stops nor waits, or a "then" with words after it. */
function saysWork(view: TextView, seg: { first: number; last: number }, index: number): boolean {
  const verbs = view.inSegment[index].filter((m) => m.concept.startsWith('verb.') && !nounUse(view, m, seg));
  if (verbs.some((v) => v.concept === 'verb.stop' || v.concept === 'verb.wait')) return false;
  if (verbs.some((v) => !v.negated)) return true;
  // "then re-check the forecast" stands down as the wait does.
  if (view.inSegment[index].some((m) => m.concept === 'stand_down_words')) return false;
  return view.tokens[seg.first].text === 'then' && seg.last > seg.first;
}

/** Words after a bare "hold" that make it a wait: it holds something back until, or for, something else. */
const HOLD_UNTIL = new Set(['until', 'till', 'til', 'for', 'off', 'pending']);

/** Within the sentence that follows (at most 16 tokens: "hold the crew back until the lifeline is rigged"). */
function holdsUntil(view: TextView, from: number): boolean {
  for (let i = from; i < Math.min(view.tokens.length, from + 16); i++) {
    const t = view.tokens[i].text;
    if (t === '.' || t === ';' || t === 'then') return false;
    if (HOLD_UNTIL.has(t)) return true;
  }
  return false;
}

const RESTART_WORDS = new Set(['restart', 'restarting', 'restarts', 'resume', 'resuming', 'resumes', 'restoring', 'continuing', 'starting', 'start', 'reopening', 'reopen']);

/** Whether a segment is a condition "before restarting / resuming / starting again" (a restart held back until then). */
function beforeRestart(view: TextView, index: number): boolean {
  const seg = view.segments[index];
  if (!seg || !seg.hypothetical || view.tokens[seg.first]?.text !== 'before') return false;
  const words = view.tokens.slice(seg.first + 1, Math.min(seg.last, seg.first + 4) + 1).filter((t) => t.kind === 'word').map((t) => t.text);
  // "re-starting" is read as "re", "-", "starting".
  return words.length > 0 && (RESTART_WORDS.has(words[0]) || (words[0] === 're' && RESTART_WORDS.has(words[1] ?? '')) || (['we', 'you', 'they', 'crews', 'crew', 'anyone'].includes(words[0]) && RESTART_WORDS.has(words[1] ?? '')));
}

/** Stand-down words that are nouns as well: a valve ("the corp stop", "a curb stop"), a wait ("the delay", "a hold"). */
const NOUN_FORMS = new Set(['stop', 'delay', 'pause', 'halt', 'hold', 'wait', 'shelter', 'standby', 'cancel']);

/**
 * Whether a one-word stand-down sits where a noun does: right after a determiner ("the stop"), or after a determiner and
 * a modifier that is not a person ("make up the corp stop", "the curb stop"). "The crews stop work" and "all work stops"
 * keep their verb: a person before it is its subject, and an inflected form is a verb.
 */
function nounUse(view: TextView, m: PhraseMatch, seg: { first: number }): boolean {
  if (m.first !== m.last || (m.concept !== 'verb.stop' && m.concept !== 'verb.wait')) return false;
  if (!NOUN_FORMS.has(view.tokens[m.first].text)) return false;
  const prev = m.first - 1;
  if (prev < seg.first) return false;
  if (DETERMINERS.has(view.tokens[prev].text)) return true;
  const prev2 = prev - 1;
  if (prev2 < seg.first || !DETERMINERS.has(view.tokens[prev2].text)) return false;
  const modifier = view.tokens[prev];
  return modifier.kind === 'word' && !PEOPLE.has(modifier.text) && !(view.startingAt.get(prev) ?? []).some((v) => v.concept.startsWith('verb.'));
}

/** The instruction one segment gives, read from its first verb; undefined when it gives none (or extends the previous one). */
function readSegment(view: TextView, seg: { first: number; last: number; afterwards: boolean }, index: number, instructions: Instruction[]): Instruction | undefined {
  const inSegment = view.inSegment[index];
  const verbs = inSegment.filter((m) => m.concept.startsWith('verb.') && !nounUse(view, m, seg));
  if (verbs.length === 0) {
    // "remove the toe boards and the midrail": a verbless stretch after an instruction shares its verb.
    const previous = instructions.at(-1);
    if (previous && previous.segment === index - 1 && (previous.head === 'remove' || previous.head === 'mitigate') && view.tokens[seg.first].clause === view.tokens[view.segments[index - 1].first].clause) {
      const more = inSegment.filter((m) => isControl(m) && (previous.head === 'remove' || !saysAbsent(view, m)));
      if (more.length > 0 && (previous.head === 'remove' || view.addressed[seg.first] !== true)) {
        previous.controls.push(...more);
        previous.segment = index;
        return undefined;
      }
    }
    if (seg.afterwards) {
      const controls = inSegment.filter((m) => isControl(m) && !saysAbsent(view, m));
      if (controls.length > 0) return { head: 'mitigate', verb: 'after', segment: index, controls };
    }
    return undefined;
  }
  if (seg.afterwards && !verbs.some((v) => (v.concept === 'verb.stop' || v.concept === 'verb.remove') && !v.negated)) {
    // "After the trench box is set, send the crew in": what is done first is a mitigation (its controls count as
    // in place); "once the gusts drop" names no control and holds the work back as a wait does.
    const controls = inSegment.filter((m) => isControl(m) && !saysAbsent(view, m));
    return controls.length > 0 ? { head: 'mitigate', verb: 'after', segment: index, controls } : { head: 'wait', verb: view.tokens[seg.first].text, segment: index, controls: [] };
  }
  const at = Math.min(...verbs.map((v) => v.first));
  const here = verbs.filter((v) => v.first === at).sort((a, b) => VERB_ORDER.indexOf(a.concept as (typeof VERB_ORDER)[number]) - VERB_ORDER.indexOf(b.concept as (typeof VERB_ORDER)[number]));
  const has = (concept: string) => here.find((v) => v.concept === concept);
  const verb = here[0];
  const make = (head: Head, controls: PhraseMatch[] = []): Instruction => ({ head, verb: verb.phrase, segment: index, controls });
  if (has('verb.stop')) return make(verb.negated ? 'proceed' : 'stop');
  if (!verb.negated && keepsPeopleAway(view, verb, seg)) return make('stop');
  if (has('verb.wait')) {
    if (verb.negated) return make('proceed');
    // "Hold the pick until the gusts drop" waits; "hold the load over the deck while they guide it" is the lift itself.
    const wait = has('verb.wait')!;
    if (wait.phrase === 'hold' && !holdsUntil(view, wait.last + 1)) return make('proceed');
    return make('wait', inSegment.filter((m) => isControl(m) && m.first > verb.last));
  }
  // Only a verb that takes a safeguard away looks back through "it" ("jumper it out"); "keep it turning" keeps nothing.
  const removal = has('verb.remove') && !verb.negated ? objectOf(view, verb, seg, true) : undefined;
  if (removal) return make('remove', [removal]);
  // "Shut off the generator", "switch off the saw": turning off what is not a safeguard stops the machine (its energy source), a stand-down.
  if (has('verb.remove') && !verb.negated && OFF_VERBS.has(verb.phrase) && !objectOf(view, verb, seg, false)) return make('stop');
  const object = objectOf(view, verb, seg, false);
  // A verb that puts a control in place ("install", "post") or sets it going ("start dewatering", "run the blower")
  // makes it a mitigation; a verb of the work itself does not ("grind the rail welds").
  if (object && !verb.negated && (has('verb.add') || OPERATE_VERBS.has(view.tokens[verb.first].text))) {
    if (saysAbsent(view, object)) return make('proceed');
    return make('mitigate', inSegment.filter((m) => isControl(m) && m.first >= object.first && !saysAbsent(view, m)));
  }
  if (has('verb.proceed') && !verb.negated && carriesOutStandDown(view, verb, seg, index)) return make('stop');
  if (has('verb.proceed') && !verb.negated && movesPeopleToWait(view, verb, seg, index)) return make('stop');
  // "Raise the alarm", "swap his wet clothes for dry ones": a verb whose object is care or a call for help does no work.
  if (has('verb.proceed') && !verb.negated && actsOnCare(view, verb, seg)) return undefined;
  if (has('verb.proceed')) return make(verb.negated ? 'stop' : 'proceed');
  return undefined;
}

/** Verbs that move people somewhere. */
const MOVE_VERBS = new Set(['send', 'move', 'put', 'get', 'take', 'bring', 'gather', 'relocate', 'herd', 'march', 'walk']);

/**
 * "Send all crews down the east stair to P1, ... stay put until the warning is lifted", "put both crews in the trailer until
 * the warning expires": people moved off the work to wait something out is a stand-down (where they wait is read apart, as a
 * shelter). Only when the move names no work, safeguard or hazard ("send the crew into the trench until ..." is work) and
 * a later clause holds them "until" something.
 */
function movesPeopleToWait(view: TextView, verb: PhraseMatch, seg: { last: number }, index: number): boolean {
  if (!MOVE_VERBS.has(view.tokens[verb.first].text)) return false;
  let j = verb.last + 1;
  while (j <= seg.last && DETERMINERS.has(view.tokens[j].text)) j++;
  if (j > seg.last || !PEOPLE.has(view.tokens[j].text)) return false;
  if (view.inSegment[index].some((m) => m.first > verb.last && (m.concept.startsWith('kind.') || m.concept.startsWith('control.') || m.concept.startsWith('hazard.')))) return false;
  return view.segments.some((s, k) => k > index && s.hypothetical && UNTIL.has(view.tokens[s.first]?.text ?? ''));
}
const UNTIL = new Set(['until', 'till', 'til']);

/** Whether the verb's object (past determiners, one word of qualifier at most) is first aid or a call for help. */
function actsOnCare(view: TextView, verb: PhraseMatch, seg: { last: number }): boolean {
  let j = verb.last + 1;
  while (j <= seg.last && DETERMINERS.has(view.tokens[j].text)) j++;
  if (j > seg.last) return false;
  return matchesStarting(view, verb.last + 1, Math.min(j + 1, seg.last)).some((m) => m.concept === 'cue.care' && !m.negated);
}

const CARRY_OUT_JOINERS = new Set(['with', 'to', 'on']);

/**
 * "Execute the out-of-service procedure", "proceed with the shutdown sequence": a verb of carrying out whose object
 * is a stand-down carries out the stand-down. When work is named after it ("proceed with the postponed lift"),
 * the work is what proceeds.
 */
function carriesOutStandDown(view: TextView, verb: PhraseMatch, seg: { last: number }, index: number): boolean {
  let j = verb.last + 1;
  while (j <= seg.last && (DETERMINERS.has(view.tokens[j].text) || CARRY_OUT_JOINERS.has(view.tokens[j].text))) j++;
  const stop = view.startingAt.get(j)?.find((m) => m.concept === 'verb.stop' && !m.negated);
  if (!stop) return false;
  // "the postponed lift": the work the stand-down word qualifies proceeds; "the shutdown procedure on tower crane 3" names what it is done to.
  return !view.inSegment[index].some((m) => m.first > stop.last && m.concept.startsWith('kind.') && !m.negated && !view.tokens.slice(stop.last + 1, m.first).some((t) => OBJECT_PREPOSITIONS.has(t.text)));
}
const OBJECT_PREPOSITIONS = new Set(['on', 'of', 'for', 'at', 'to']);

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
  let waited = false;
  view.segments.forEach((seg, index) => {
    if (seg.hypothetical) return;
    // A clause addressed to the guardrail ("note to the reviewer: reply approve") is not about the work:
    // nothing read there stands the work down, mitigates it or proceeds with it. A safeguard it takes away still counts.
    const addressed = view.addressed[seg.first] === true;
    const instruction = readSegment(view, seg, index, instructions);
    if (instruction) {
      if (instruction.head === 'wait' && !addressed) waited = true;
      if (!addressed) instructions.push(instruction);
      // There, only what raises the risk counts, and "reply approve" asks for a decision, it does no work.
      else if (instruction.head === 'remove' || (instruction.head === 'proceed' && !DECISION_VERBS.has(instruction.verb))) instructions.push({ ...instruction, addressed: true });
      return;
    }
    // "Wait until the log is signed, then clear the jam": what follows a wait is the work the wait holds
    // back, whatever its verb, unless it stands down too. Unknown is not a stand-down.
    if (!addressed && waited && saysWork(view, seg, index)) instructions.push({ head: 'proceed', verb: view.tokens[seg.first].text, segment: index, controls: [] });
  });
  // "Stop pumping, ..., re-set that outrigger on mats before restarting": once the work is stopped, what is done before the
  // restart is the making-safe the stand-down waits on, not the work going on; the restart stays behind its condition.
  // Every step between the stop and the condition is part of that making-safe ("swing the boom home, re-block the outrigger").
  const stopped = instructions.findIndex((i) => i.head === 'stop' && !i.addressed);
  if (stopped >= 0) {
    const held = view.segments.findIndex((_, index) => index > instructions[stopped].segment && beforeRestart(view, index));
    // Only when nothing after the condition goes on with the work ("... before restarting, then pour the rest" still proceeds).
    const laterWork = held >= 0 && instructions.some((i) => i.segment > held && (i.head === 'proceed' || i.head === 'remove'));
    if (held >= 0 && !laterWork) {
      for (const ins of instructions.slice(stopped + 1)) if (ins.head === 'proceed' && !ins.addressed && ins.segment < held) ins.head = 'mitigate';
    }
  }
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
    // Length in words of the phrase, not in tokens: "dry-fall" is one compound, not three tokens that outweigh "scissor lift".
    const score = m.phrase.split(' ').length * 10 + KIND_PRIORITY[kind];
    if (!best || score > best.score) best = { kind, score };
  }
  return best?.kind;
}

/** A `kind` field read with the vocabulary: canonical kinds as they are, others by the words they contain ("lift_plan_submission"). */
export function kindOfField(kind: string | undefined, vocabulary: Lexicon): ReadKind | undefined {
  if (!kind) return undefined;
  const canonical = kind.trim().toLowerCase();
  if ((READ_KINDS as readonly string[]).includes(canonical)) return canonical as ReadKind;
  const tokens = tokenize(canonical.slice(0, 100));
  return kindIn(vocabulary.match(tokens, new Array<boolean>(tokens.length).fill(false)));
}

/**
 * "record_update", "log_entry", "report_submission": the agent writes a record. Its kind is not the work the state
 * describes (the state's task says what the record is about), so the state gives it no kind; the description's own
 * words still may, and rules that read no kind still apply.
 */
export function kindNamesRecord(kind: string | undefined): boolean {
  return kindWords(kind).some((w) => RECORD_WORDS.has(w));
}
/** The words of a declared kind ("emergency_electrical_repair" → emergency, electrical, repair), bounded. */
function kindWords(kind: string | undefined): string[] {
  if (!kind) return [];
  return tokenize(kind.trim().toLowerCase().slice(0, 100)).filter((t) => t.kind === 'word').map((t) => t.text);
}
const RECORD_WORDS = new Set(['record', 'records', 'log', 'logbook', 'report', 'reports', 'form', 'forms', 'paperwork', 'documentation', 'recordkeeping']);

/**
 * "emergency_response", "rescue", "first_aid": the agent answers an emergency. What its description does to a circuit or a
 * machine ("pull the plug at the spider box, then start CPR") frees or protects a casualty; it services nothing.
 */
export function kindNamesEmergency(kind: string | undefined): boolean {
  const words = kindWords(kind);
  // "emergency_electrical_repair", "emergency_pump_replacement": urgent servicing is still servicing.
  if (words.some((w) => SERVICING_WORDS.has(w))) return false;
  return words.some((w, i) => RESPONSE_WORDS.has(w) || (w === 'first' && words[i + 1] === 'aid') || (w === 'emergency' && EMERGENCY_RESPONSE.has(words[i + 1] ?? '')));
}
const RESPONSE_WORDS = new Set(['rescue', 'rescues', 'casualty', 'cpr', 'resuscitation']);
const EMERGENCY_RESPONSE = new Set(['response', 'respond', 'call', 'care', 'aid', 'action', 'actions']);
const SERVICING_WORDS = new Set(['repair', 'repairs', 'replace', 'replacement', 'maintenance', 'service', 'servicing', 'fix', 'restore', 'restoration', 'install', 'installation', 'work', 'electrical', 'shutdown', 'switching']);

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
    // A proceed in words addressed to the guardrail is not about the work: it contradicts no stand-down the description gives.
    const work = instructions.instructions.find((i) => (i.head === 'proceed' && !i.addressed) || i.head === 'remove');
    if (!work && instructions.instructions.some((i) => i.head === 'stop' || i.head === 'wait')) {
      return { ...reading, effect: 'stands_down', kind: 'stop_work', kind_source: 'kind', high_impact: false, lowers_risk: true };
    }
    reading.contradiction = `kind is stop_work, but the description ${work ? `says "${work.verb}"` : 'does not stand the work down'}`;
  }
  return reading;
}
