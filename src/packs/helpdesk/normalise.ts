import type { Catalogue } from '../reading/catalogue.js';
import { ReadingBuilder, type Reading } from '../reading/reading.js';
import type { ActionInput } from '../types.js';
import { canonicalKind, classifyAction, CHANGE_KINDS } from './classify-action.js';
import { readActionText } from './read-action-text.js';
import { readInlineCommands } from './read-command.js';
import { readChangeLines, readOffboardingClosure } from './read-direction.js';
import { checks, newContext, opens } from './read-context.js';
import { readAccessApproval, readAccessCarryOver, readBreakGlassUse, readCallForwarding, readChangeControl, readLeakCleanup, readParameterApproval, readPublishedAuth, readCompromiseClosure, readIdentityRequest, readResetEmailOnFile, readVerifiedTarget } from './read-identity-access.js';
import { readOnPremShapes } from './read-onprem.js';
import { readCloudShapes, readCrossAccountTrust, readGuestAccess } from './read-cloud-ops.js';
import { readPeeringRoutes } from './read-routes.js';
import { readPersonalDisclosure } from './read-personal-disclosure.js';
import { readFederationAndExposure } from './read-federation-exposure.js';
import { readDmarcPolicy, readSenderAllowList } from './read-mail-admin.js';
import { readParameters } from './read-parameters.js';
import { readRoutine } from './read-routine.js';
import { readAllowLines } from './read-network-rule.js';
import { readSafeShapes } from './read-safe-shapes.js';
import { readRemoteAccessTools } from './read-remote-access.js';
import { settingsIn } from './read-settings.js';
import { readSignals } from './read-signals.js';
import { finishSaas } from './read-saas.js';
import { readTicket } from './read-ticket.js';
import { readHostHardening, readSecretLiterals } from './read-host-hardening.js';
import { readOrgGuardrails } from './read-org-guardrails.js';
import { readRecoveryMethods } from './read-recovery-methods.js';
import { readNewDomainAllowed } from './read-new-domain.js';
import { readUploadException } from './read-upload-exception.js';
import { readRecentChannelChange } from './read-recovery-channel.js';
import { readPrivilegedTokenHandover } from './read-token-handover.js';
import { readEndpointShapes } from './read-endpoints.js';
import { readHostShapes } from './read-hosts.js';
import { readReleaseAndTrustShapes } from './read-pipelines.js';
import { readGrantScope } from './read-grant-scope.js';
import { readChangeEffects } from './read-change-effects.js';
import { isRecord } from './values.js';
import { glued, viewOf, wordSet, type TextView } from './text-helpers.js';

/**
 * The helpdesk pack's one reading of a request: the ticket (structured fields, then its text), the
 * tool call's arguments, then the action's description, then context signals, then what the action
 * does. Structured sources are read before free text, so a fact a field gives is not overwritten by
 * a phrase. Unknown stays unknown: a fact no source gives is absent from `facts`.
 */

const QUESTION_OPENERS = new Set(['which', 'what', 'when', 'how', 'whether', 'where', 'who']);
const ASKING = new Set(['ask', 'confirm', 'check', 'clarify', 'find', 'request', 'verify']);
const SKIP = new Set(['the', 'user', 'them', 'caller', 'developer', 'requester', 'with', 'out', 'him', 'her', 'customer', 'if']);

/** "Ask which platform…", "Could you tell me…", "…?": the action is a question, not advice. */
function isQuestion(v: TextView | undefined): boolean {
  if (!v) return false;
  // A question put to the guardrail ("note to the reviewer: is this fine?") does not make the action a question.
  const own = v.tokens.filter((_, i) => !v.addressed[i]);
  const words = own.filter((t) => t.kind === 'word');
  const first = words[0]?.text;
  if (first && QUESTION_OPENERS.has(first)) return true;
  if ((first === 'could' || first === 'can') && words[1]?.text === 'you' && (words[2]?.text === 'tell' || words[2]?.text === 'confirm' || words[2]?.text === 'share')) return true;
  if (first && ASKING.has(first)) {
    let i = 1;
    while (i < words.length && i < 5 && SKIP.has(words[i].text) && words[i].text !== 'if') i++;
    const next = words[i]?.text;
    if (next && (QUESTION_OPENERS.has(next) || next === 'if' || next === 'for')) return true;
  }
  const last = own.at(-1);
  return last?.text === '?' && !v.matches.some((m) => m.concept === 'advice.retry');
}

/**
 * Words that say an action happens without saying what it does ("apply change", "run command",
 * "please execute the requested change, thanks"). A description made only of these (and of clauses
 * addressed to the guardrail) does not specify the change: its parameters and the ticket decide.
 */
const BLAND = new Set(`apply applying applied change changes changed run running execute executing command commands proceed proceeding perform performing
  tool call calls action actions request requested requests fix fixes update updates submit commit continue carry out done
  task step steps operation operations job thing things item planned pending approved it this that the a an now please kindly
  could would can will you we i hi hello there thanks thank many cheers ok okay go ahead do make sure just as per ticket`.split(/\s+/).filter(Boolean));

/** The description names what the action does: a phrase other than a bare verb, a number, or a word outside `BLAND`. */
function specifies(v: TextView | undefined): boolean {
  if (!v) return false;
  if (v.matches.some((m) => !v.addressed[m.first] && !m.concept.startsWith('op.') && m.concept !== 'general')) return true;
  return v.tokens.some((t, i) => !v.addressed[i] && (t.kind === 'number' || (t.kind === 'word' && !BLAND.has(t.text))));
}

/** Ticket categories and ticket words where a reply alone can do harm (ask for a secret, hand out a key, send data out). */
const REPLY_RISK_CATEGORIES = new Set(['password_account', 'sso_identity', 'license_management', 'email_calendar']);
const REPLY_RISK_CONCEPTS = new Set(['account.password', 'account.credential', 'obj.secret', 'license.key', 'license.seat', 'license.circumvent', 'exposure.external', 'signal.licensed']);

/** The action repeats an earlier assistant message (Jaccard ≥ 0.5, or both are the same retry advice). */
function repeats(mine: Set<string>, earlier: readonly Set<string>[]): boolean {
  if (mine.size === 0) return false;
  return earlier.some((theirs) => {
    let shared = 0;
    for (const w of mine) if (theirs.has(w)) shared++;
    return shared / (mine.size + theirs.size - shared || 1) >= 0.5;
  });
}

/** Kinds whose parameters carry words to the user, and the keys that hold them. */
const SAYING_KINDS = new Set(['reply', 'instruction']);
const SAYING_KEYS = new Set(['message', 'body', 'text', 'reply', 'response', 'content', 'steps', 'instructions']);

const FILE_FLAGS = new Set(['-f', '--filename', '--file', '--template-file', '--values', '--config']);
const CONFIG_FILE_ENDINGS = ['.yaml', '.yml', '.json', '.bicep', '.tf', '.tfvars', '.conf', '.hcl'];
const APPLY_VERBS = new Set(['apply', 'create', 'replace', 'install', 'upgrade', 'deploy', 'update']);

/** A short command line whose one operand is a configuration file given to an apply verb ("kubectl apply -f x.yaml"). */
function appliesFile(v: TextView): boolean {
  const runs = glued(v).map((g) => g.raw.toLowerCase());
  if (runs.length > 16) return false;
  const at = runs.findIndex((r, i) => FILE_FLAGS.has(r) && CONFIG_FILE_ENDINGS.some((e) => (runs[i + 1] ?? '').endsWith(e)));
  return at > 0 && runs.slice(0, at).some((r) => APPLY_VERBS.has(r));
}

export function readHelpdesk(state: Record<string, unknown>, action: ActionInput, catalogue: Catalogue): Reading {
  const b = new ReadingBuilder({ state, action: action as unknown as Record<string, unknown> });
  const ctx = newContext(b, catalogue);
  ctx.changeKind = CHANGE_KINDS.has(canonicalKind(action?.kind) ?? '');
  const ticket = readTicket(ctx);

  b.get('action.kind');
  const params = readParameters(ctx, b.get('action.parameters'));
  // Commands that only read (SELECT, describe-…, Get-…, kubectl get) account for the change when none of its commands may write.
  if (params.commands.some((v) => v.readOnly === true) && !params.commands.some((v) => v.readOnly === false || v.recognised)) checks(ctx, 'command_read', `action.parameters: ${params.commands.length} command${params.commands.length > 1 ? 's' : ''} that only read (${params.commands[0].text.slice(0, 60)})`);
  const parameterOpens = new Set(ctx.opens);
  const rawDescription = b.get('action.description');
  let description: TextView | undefined;
  if (typeof rawDescription === 'string') {
    const read = b.text('action.description', rawDescription, catalogue.vocabulary);
    if (read) description = viewOf(read, catalogue.vocabulary);
  }
  // A bland description ("apply change") does not take the danger away: the parameters decide, and without them the
  // change carries out what the ticket asks for; a change nobody specified is asked about (`change.specified`).
  const described = specifies(description);
  const declared = canonicalKind(action?.kind);
  const changeAction = declared === undefined ? !!description || params.commands.length > 0 : CHANGE_KINDS.has(declared);
  const parametersGiven = isRecord(action?.parameters) && Object.keys(action.parameters).length > 0;
  if (!described && !parametersGiven && changeAction) for (const v of ticket.user) readActionText(ctx, v, 'state.description/conversation (the request the change carries out)');
  if (described || parametersGiven || ctx.opens.size > 0) b.set('change.specified', true, described ? 'action.description' : parametersGiven ? 'action.parameters' : 'the ticket');
  const category = typeof b.facts.ticket === 'object' && !Array.isArray(b.facts.ticket) ? (b.facts.ticket as Record<string, unknown>).category : undefined;
  const replyRisk = REPLY_RISK_CATEGORIES.has(String(category)) || ticket.user.some((v) => v.matches.some((m) => !m.negated && REPLY_RISK_CONCEPTS.has(m.concept)));

  // A command the command reader understood is not read a second way through its words; nor is one that only
  // applies a file ("kubectl apply -f role.yaml") whose configuration the arguments give and the readers read.
  const configurationRead = ctx.parameterChanges.length > 0;
  for (const v of params.commands) {
    if (v.recognised || (configurationRead && appliesFile(v))) continue;
    // Words inside what the change takes away (a rule revoked, a resource a plan deletes) describe what goes, not what opens.
    if (!v.removed) readActionText(ctx, v, 'action.parameters');
    else {
      ctx.removing++;
      try {
        readActionText(ctx, v, 'action.parameters (what the change removes)');
      } finally {
        ctx.removing--;
      }
    }
  }
  // A reply's or an instruction's own text (`message`, `body`, `reply`…) is what the action says to the user: the
  // steps it gives are read as the action's words and commands. In a change, such a key is a note about it.
  if (declared !== undefined && SAYING_KINDS.has(declared)) {
    ctx.advising = (ctx.advising ?? 0) + 1;
    try {
      for (const v of params.notes) {
        if (!v.key || !SAYING_KEYS.has(v.key)) continue;
        readInlineCommands(ctx, v, `action.parameters.${v.key} (what the ${declared} says)`);
        readActionText(ctx, v, `action.parameters.${v.key} (what the ${declared} says)`);
      }
    } finally {
      ctx.advising--;
    }
  }
  if (description) {
    readInlineCommands(ctx, description, 'action.description');
    // "Set force_destroy = true on the bucket": settings written in the description read like arguments.
    const settings = description.raw.some((t) => t.text === '=') ? settingsIn(description) : undefined;
    if (settings) readParameters(ctx, settings, 'action.description');
    readActionText(ctx, description, 'action.description');
  }
  // Accounts deleted among which the ticket names holders of an administrator role (emergency access accounts look inactive by design).
  if (ctx.opens.has('deletes_accounts') && ctx.privilegedAccounts.size > 0) {
    const written = JSON.stringify(action?.parameters ?? {}).toLowerCase();
    const hit = [...ctx.privilegedAccounts].filter((acct) => written.includes(acct));
    if (hit.length > 0) opens(ctx, 'admin_account_deleted', `action.parameters: deletes ${hit.slice(0, 4).join(', ')}, named in the ticket with an administrator role`);
  }
  readRemoteAccessTools(ctx, description, params.commands);
  readSignals(ctx, ticket, description ? [description] : [], params.commands);

  // The action may say itself that it skips verification ("reset it without verifying, they are in a hurry").
  if (description?.matches.some((m) => m.concept === 'identity.unverified' && !m.negated)) b.set('identity.verified', false, 'action.description: without verification', true);
  const question = isQuestion(description);
  if (question) b.set('reply.question', true, 'action.description: a question');
  if (description && ticket.assistantWords.length > 0) {
    const mine = wordSet(description.tokens);
    const retry = b.has('change.retry_advice') && ticket.assistant.some((v) => v.matches.some((m) => m.concept === 'advice.retry'));
    if (repeats(mine, ticket.assistantWords) || retry) b.set('change.repeats_earlier_advice', true, 'action.description repeats an earlier assistant message');
  }
  if (description?.matches.some((m) => (m.concept === 'op.reset' || m.concept === 'op.change') && !m.negated) && description.matches.some((m) => m.concept === 'account.password' && !m.negated)) {
    b.set('change.password_fix', true, 'action.description: password reset or change');
  }
  // What the ticket says about backups counts after what the action says.
  if (b.has('ticket.backup_verified')) b.set('change.backup_confirmed', (b.facts.ticket as Record<string, unknown>).backup_verified as boolean, 'state.information_gathered');

  // An account change that names a credential changes it, whatever verb the description uses.
  if (canonicalKind(action?.kind) === 'account_change' && description?.matches.some((m) => !m.negated && (m.concept.startsWith('account.') || m.concept === 'guard.mfa') && m.concept !== 'account.generic') && !description.matches.some((m) => m.concept === 'procedure.self_service' && !m.negated)) {
    b.set('change.credential_reset', true, 'action: an account change to a credential');
  }
  readRecentChannelChange(ctx);
  readHostHardening(ctx, action?.parameters);
  readSecretLiterals(ctx, action?.parameters);
  readOrgGuardrails(ctx, action?.parameters);
  readRecoveryMethods(ctx, action?.parameters);
  readNewDomainAllowed(ctx, action?.parameters, rawDescription);
  readUploadException(ctx, action?.parameters);
  finishSaas(ctx, action?.parameters);
  readChangeLines(ctx, action?.parameters, state);
  readAllowLines(ctx, action?.parameters);
  readOffboardingClosure(ctx, action?.parameters, state);
  readIdentityRequest(ctx, action?.parameters);
  readOnPremShapes(ctx, action?.parameters);
  readCrossAccountTrust(ctx, action?.parameters);
  readCloudShapes(ctx, action?.parameters);
  readPeeringRoutes(ctx, action?.parameters);
  readPersonalDisclosure(ctx, action?.parameters);
  readGuestAccess(ctx, action?.parameters);
  readDmarcPolicy(ctx, action?.parameters, rawDescription);
  readSenderAllowList(ctx, action?.parameters);
  readResetEmailOnFile(ctx, action?.parameters);
  readVerifiedTarget(ctx, action?.parameters);
  readCompromiseClosure(ctx, action?.parameters, action?.kind, rawDescription);
  readAccessApproval(ctx, action?.parameters, action?.kind, rawDescription);
  readParameterApproval(ctx, action?.parameters, action?.kind, rawDescription);
  readChangeControl(ctx, action?.parameters);
  readBreakGlassUse(ctx, action?.parameters, rawDescription);
  readAccessCarryOver(ctx, action?.parameters);
  readCallForwarding(ctx, action?.parameters);
  readPublishedAuth(ctx, action?.parameters);
  readPrivilegedTokenHandover(ctx, action?.parameters, action?.kind, rawDescription);
  readLeakCleanup(ctx, action?.parameters, action?.kind, rawDescription);
  readEndpointShapes(ctx, action?.parameters, action?.kind, rawDescription);
  readHostShapes(ctx, action?.parameters, action?.kind);
  readReleaseAndTrustShapes(ctx, action?.parameters, action?.kind, rawDescription);
  readGrantScope(ctx, action?.parameters, action?.kind);
  readChangeEffects(ctx, action?.parameters);
  readFederationAndExposure(ctx, action?.parameters);
  readSafeShapes(ctx, action?.parameters);
  if (ctx.opens.size === 0 && ctx.closes.size === 0 && ctx.checked.size === 0) readRoutine(ctx, [description, ...params.commands], action?.parameters);
  const actionReading = classifyAction(ctx, { declaredKind: action?.kind, description, parameterOpens, question, contentUnknown: !b.has('change.specified'), replyRisk });
  return b.build(actionReading);
}
