import type { ActionReading } from '../reading/reading.js';
import type { Token } from '../reading/text.js';
import { foldFieldName } from './field-aliases.js';
import { DISPOSITIONS, dispositionLevel, isDisposition } from './outcomes.js';
import type { TextRead } from './read-text.js';

/**
 * The triage action classifier. In this domain every action chooses a disposition, and the structured
 * `parameters.disposition` is the one the agent will act on; the description and the other tool-call
 * arguments are read only to see whether they say something else. Nothing in them can lower the risk:
 * only calling emergency services does (the highest-acuity choice), and not when the words contradict it.
 */

export interface ActionTexts {
  /** The description and every string argument in `parameters`, each tokenized and read once. */
  texts: { path: string; tokens: readonly Token[]; read: TextRead }[];
  /** `action.kind` as sent, if any. */
  kind?: string;
  /** `action.parameters.disposition` as sent, else `action.disposition`. */
  disposition: unknown;
  /** `action.disposition` when it is sent beside a different `parameters.disposition`. */
  conflicting?: unknown;
}

/** Phrases that settle on self-care outright, as opposed to advice that goes with any disposition ("fluids"). */
const FIRMLY_HOME = new Set(['home care', 'self care', 'self-care', 'selfcare', 'stay home', 'stay at home', 'close the call', 'no need to be seen', 'treat at home', 'watch and wait']);
const NEUTRAL_KINDS = new Set(['disposition', 'triagedisposition', 'question', 'ask', 'advice', 'recommendation', 'triage', 'setdisposition', 'recommenddisposition', 'followup', 'askquestion', 'clarify']);
const QUESTION_KINDS = new Set(['question', 'ask', 'askquestion', 'clarify', 'followup']);
const LEVEL_OF: Readonly<Record<string, number>> = Object.fromEntries(DISPOSITIONS.map((d, i) => [d, i]));

interface Mention {
  level: number;
  phrase: string;
  path: string;
}

/**
 * Disposition words in one text that are asserted: not negated ("no need for an ambulance"), and not
 * in a comma- or sentence-delimited segment that holds a condition ("call 999 if it gets worse").
 */
function mentions(path: string, tokens: readonly Token[], read: TextRead): Mention[] {
  const conditional = new Array<boolean>(tokens.length).fill(false);
  let start = 0;
  // "If it gets worse, call 999": a segment that opens with its condition makes the next one conditional too.
  let carry = false;
  // "If you vomit or feel faint: give the injection and call 999": a sentence that opened with its condition keeps it
  // across its colon, as what follows is the instruction for that case.
  let openedWithCondition = false;
  let sentenceStart = true;
  for (let i = 0; i <= tokens.length; i++) {
    const atComma = i < tokens.length && tokens[i].kind === 'symbol' && tokens[i].text === ',';
    const atColon = i < tokens.length && tokens[i].kind === 'break' && tokens[i].text === ':';
    const end = i === tokens.length || tokens[i].kind === 'break' || atComma;
    if (!end) continue;
    let hypothetical = carry;
    for (let j = start; j < i && !hypothetical; j++) hypothetical = read.hypothetical[j];
    if (hypothetical) for (let j = start; j < i; j++) conditional[j] = true;
    if (sentenceStart && start < i) openedWithCondition = read.hypothetical[start];
    if (start < i) sentenceStart = false;
    // "…, pauses in breathing, blue: seek help / 999": a colon right after a condition hands the instruction to that case too.
    carry = (atComma && start < i && read.hypothetical[start] && !carry) || (atColon && (openedWithCondition || (i > 0 && read.hypothetical[i - 1])));
    if (!atComma && !atColon) {
      sentenceStart = true;
      openedWithCondition = false;
    }
    start = i + 1;
  }
  const out: Mention[] = [];
  for (const m of read.matches) {
    if (!m.concept.startsWith('disposition.') || m.negated || conditional[m.first]) continue;
    const level = LEVEL_OF[m.concept.slice('disposition.'.length)];
    if (level !== undefined) out.push({ level, phrase: m.phrase, path });
  }
  return out;
}

export function classifyAction(input: ActionTexts): ActionReading {
  const disposition = isDisposition(input.disposition) ? input.disposition : undefined;
  const given = dispositionLevel(disposition);
  const all = input.texts.flatMap((t) => mentions(t.path, t.tokens, t.read));
  const described = all.reduce((max, m) => Math.max(max, m.level), -1);
  const strongest = all.find((m) => m.level === described);
  const firmlyHome = all.some((m) => m.level === 0 && FIRMLY_HOME.has(m.phrase));
  const contradictions: string[] = [];
  if (strongest && ((described >= 3 && given <= 1) || (described === 4 && given <= 2))) {
    contradictions.push(`${strongest.path} says "${strongest.phrase}" (${DISPOSITIONS[described]}) but parameters.disposition is ${disposition ?? 'missing'}`);
  }
  if (given >= 3 && firmlyHome && described <= 0) {
    contradictions.push(`the description settles on self-care but parameters.disposition is ${disposition}`);
  }
  if (input.conflicting !== undefined) contradictions.push(`action.disposition is ${String(input.conflicting)} but parameters.disposition is ${disposition ?? 'missing'}`);
  const kind = input.kind === undefined ? '' : foldFieldName(input.kind);
  if (kind !== '' && !NEUTRAL_KINDS.has(kind)) {
    const named = DISPOSITIONS.find((d) => foldFieldName(d) === kind);
    const kindLevel = named !== undefined ? LEVEL_OF[named] : kindWordsLevel(kind);
    if (kindLevel !== undefined && Math.abs(kindLevel - given) >= (named !== undefined ? 1 : 2)) {
      contradictions.push(`kind "${input.kind}" names ${DISPOSITIONS[kindLevel]} but parameters.disposition is ${disposition ?? 'missing'}`);
    }
  }
  const contradiction = contradictions.length > 0 ? contradictions.join('; ') : undefined;
  const reading: ActionReading = {
    effect: 'disposition',
    kind: QUESTION_KINDS.has(kind) ? 'question' : 'disposition',
    kind_source: input.kind !== undefined ? 'kind' : 'parameters',
    // Anything below the emergency department can send a time-critical presentation the wrong way.
    high_impact: given <= 2,
    lowers_risk: given === DISPOSITIONS.length - 1 && contradiction === undefined,
  };
  if (disposition !== undefined) reading.disposition = disposition;
  if (contradiction !== undefined) reading.contradiction = contradiction;
  return reading;
}

/** A kind such as "dispatch_ambulance" or "send_home", read from its folded name. */
function kindWordsLevel(kind: string): number | undefined {
  if (kind.includes('ambulance') || kind.includes('ems') || kind.includes('911') || kind.includes('999') || kind.includes('emergencyservices') || kind.includes('dispatch')) return 4;
  if (kind.includes('emergencydepartment') || kind.includes('emergencyroom') || kind.includes('hospital')) return 3;
  if (kind.includes('urgentcare') || kind.includes('walkin')) return 2;
  if (kind.includes('clinic') || kind.includes('gp') || kind.includes('appointment')) return 1;
  if (kind.includes('homecare') || kind.includes('selfcare') || kind.includes('sendhome') || kind.includes('closecall') || kind.includes('closethecall')) return 0;
  return undefined;
}
