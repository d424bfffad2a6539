import type { ActionReading } from '../reading/reading.js';
import type { ReadContext } from './read-context.js';
import type { TextView } from './text-helpers.js';
import { normKey } from './values.js';

/**
 * What the action does. The kind the agent declares is read through aliases; without one, it is
 * inferred from the parameters (a change) or the description's leading verb. The effect is a
 * stand-down only for a handover to a person that changes nothing; a handover or a reply whose own
 * arguments change something contradicts itself. No word in the description switches a safeguard
 * off: "wait for approval, then proceed" still proceeds.
 */

export const CHANGE_KINDS = new Set(['config_change', 'account_change', 'permission_change', 'script']);
/** Kinds that change nothing by themselves: a message, steps for the user to follow, a question, a handover. */
const NON_CHANGE_KINDS = new Set(['reply', 'instruction', 'clarifying_question', 'escalate_to_human']);

const KIND_ALIASES: Readonly<Record<string, string>> = {
  reply: 'reply', message: 'reply', respond: 'reply', response: 'reply', answer: 'reply', chat: 'reply', suggestion: 'reply', advice: 'reply',
  instruction: 'instruction', instructions: 'instruction', guide: 'instruction', howto: 'instruction', walkthrough: 'instruction', steps: 'instruction',
  configchange: 'config_change', config: 'config_change', configuration: 'config_change', change: 'config_change', update: 'config_change', infrachange: 'config_change', apply: 'config_change', toolcall: 'config_change',
  accountchange: 'account_change', account: 'account_change', passwordreset: 'account_change', userchange: 'account_change', mfareset: 'account_change', credentialreset: 'account_change',
  permissionchange: 'permission_change', permission: 'permission_change', permissions: 'permission_change', iamchange: 'permission_change', accessgrant: 'permission_change', roleassignment: 'permission_change', grant: 'permission_change',
  script: 'script', command: 'script', runcommand: 'script', shell: 'script', cli: 'script', execute: 'script', automation: 'script', runbook: 'script',
  escalatetohuman: 'escalate_to_human', escalate: 'escalate_to_human', escalation: 'escalate_to_human', handover: 'escalate_to_human', handoff: 'escalate_to_human', transfer: 'escalate_to_human', humanhandoff: 'escalate_to_human',
  clarifyingquestion: 'clarifying_question', question: 'clarifying_question', ask: 'clarifying_question', clarify: 'clarifying_question',
};

const CHANGE_VERBS = new Set(['op.grant', 'op.remove', 'op.destroy', 'op.disable', 'op.enable', 'op.reset', 'op.restart', 'op.change', 'op.close', 'op.network']);

export function canonicalKind(kind: unknown): string | undefined {
  return typeof kind === 'string' ? KIND_ALIASES[normKey(kind)] : undefined;
}

/** The leading verb of the description (its first clause). */
function leadingVerb(v: TextView | undefined): string | undefined {
  const m = v?.matches.find((x) => x.concept.startsWith('op.') && !x.negated && x.clause === v.tokens[0]?.clause);
  return m?.concept;
}

const ADVISING_VERBS = new Set(['walk', 'guide', 'ask', 'tell', 'show', 'explain', 'advise', 'instruct', 'remind', 'help', 'coach']);
const ADVISED = new Set(['user', 'users', 'caller', 'callers', 'them', 'him', 'her', 'customer', 'requester', 'employee', 'staff']);

/** "Walk the user through …", "Ask the caller to …": the description says what the user is told to do (steps, not a change). */
function advisesUser(v: TextView | undefined): boolean {
  const t = v?.tokens;
  if (!t || t.length < 2 || !ADVISING_VERBS.has(t[0].text)) return false;
  return t.slice(1, 4).some((x) => ADVISED.has(x.text));
}

export interface ActionEvidence {
  declaredKind: unknown;
  description?: TextView;
  /** Hazards opened by the parameters (as opposed to the description). */
  parameterOpens: ReadonlySet<string>;
  question: boolean;
  /** Neither the description nor the parameters say what the action does. */
  contentUnknown: boolean;
  /** The ticket is one where a reply alone can do harm (credentials, licences, mail). */
  replyRisk: boolean;
}

export function classifyAction(ctx: ReadContext, e: ActionEvidence): ActionReading {
  const declared = canonicalKind(e.declaredKind);
  const lead = leadingVerb(e.description);
  let kind = declared;
  let kindSource: ActionReading['kind_source'] = declared ? 'kind' : 'unknown';
  if (!kind) {
    if (lead === 'op.handover') [kind, kindSource] = ['escalate_to_human', 'description'];
    else if (ctx.parameterChanges.length > 0) [kind, kindSource] = ['config_change', 'parameters'];
    else if (advisesUser(e.description)) [kind, kindSource] = ['instruction', 'description'];
    else if (lead && CHANGE_VERBS.has(lead)) [kind, kindSource] = ['config_change', 'description'];
    else if (e.question) [kind, kindSource] = ['clarifying_question', 'description'];
    else if (typeof e.declaredKind === 'string' && e.declaredKind.trim()) [kind, kindSource] = [normKey(e.declaredKind).slice(0, 40) || 'unknown', 'kind'];
    else kind = 'unknown';
  }
  const handover = kind === 'escalate_to_human' || (!CHANGE_KINDS.has(kind) && lead === 'op.handover');
  const opens = ctx.opens.size > 0;
  const parametersAct = ctx.parameterChanges.length > 0;

  let contradiction: string | undefined;
  if (declared && NON_CHANGE_KINDS.has(declared) && e.parameterOpens.size > 0) {
    contradiction = `kind says ${declared}, but the parameters change something: ${[...e.parameterOpens].join(', ')}`;
  } else if (handover && opens) {
    contradiction = `the action is a handover, but it also ${[...ctx.opens].join(', ')}`;
  }

  const standsDown = handover && !opens && !parametersAct;
  const effect: ActionReading['effect'] = standsDown ? 'stands_down' : ctx.closes.size > 0 && !opens ? 'mitigates_first' : 'proceeds';
  // A message whose content is unknown, in a ticket where a message can ask for a secret or hand out a key, is judged like a change.
  const unknownMessage = e.contentUnknown && e.replyRisk && kind === 'reply';
  // Unknown is not safe: a kind the pack does not know ("run_script", "device_action", or none at all) is
  // judged like a change; only a reply, steps for the user, a question or a handover is not one.
  const highImpact = !standsDown && (!NON_CHANGE_KINDS.has(kind) || opens || parametersAct || unknownMessage);
  const out: ActionReading = { effect, kind, kind_source: kindSource, high_impact: highImpact, lowers_risk: standsDown };
  if (contradiction) out.contradiction = contradiction;
  // A change no reader found a danger, a safeguard or a bounded shape in: approving it would rest on the model's rates
  // for the ticket alone, not on a reading of what the change does. The policy decides whether that escalates
  // (`unfamiliar.unaccounted`); the reading says it either way.
  if (highImpact && !opens && ctx.closes.size === 0 && ctx.checked.size === 0) out.unaccounted = 'no reader found what it opens, closes or bounds; what does this change open or close?';
  return out;
}
