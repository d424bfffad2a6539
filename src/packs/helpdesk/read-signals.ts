import type { ReadContext } from './read-context.js';
import type { TicketText } from './read-ticket.js';
import type { TextView } from './text-helpers.js';

/**
 * Context the catalogue's vocabulary names in the ticket and in the action: which environment the
 * change lands in, which clouds are involved, SSO, legacy and licence signals, the user's operating
 * system, and the shape of the action (organisation-wide scope, an approved procedure, admin rights,
 * steps written for an operating system). Each is a fact with the words it came from.
 */

const OS_CONCEPTS: ReadonlyArray<[string, string]> = [['os.windows', 'windows'], ['os.macos', 'macos'], ['os.linux', 'linux']];
const STEPS_CONCEPTS: ReadonlyArray<[string, string]> = [['steps.windows', 'windows'], ['steps.macos', 'macos'], ['steps.linux', 'linux']];
const CLOUD_CONCEPTS: ReadonlyArray<[string, string]> = [['cloud.aws', 'aws'], ['cloud.azure', 'azure'], ['cloud.gcp', 'gcp']];

const affirmedIn = (views: readonly TextView[], concept: string) => views.find((v) => v.matches.some((m) => m.concept === concept && !m.negated));
/** Names of things (an operating system, a cloud, SSO) are read whatever negation covers them: "will not start on my Ubuntu laptop" is still Ubuntu. */
const namedIn = (views: readonly TextView[], concept: string) => views.find((v) => v.matches.some((m) => m.concept === concept));
const where = (v: TextView, concept: string, source: string) => {
  const m = v.matches.find((x) => x.concept === concept && !x.negated) ?? v.matches.find((x) => x.concept === concept)!;
  return `${source}: "${v.text.slice(v.tokens[m.first].start, v.tokens[m.last].end)}"`;
};

const ENV_KEYS = new Set(['environment', 'env', 'stage', 'workspace', 'tier', 'account', 'project', 'subscription', 'cluster', 'namespace']);

function environment(ctx: ReadContext, views: readonly TextView[], source: string, strong = false, keyed = false): void {
  const prod = affirmedIn(views, 'env.production');
  if (prod) return ctx.b.set('context.production', true, where(prod, 'env.production', source), strong);
  // In arguments, only a field that names the environment says it is not production ("role/dev-analytics" in an ARN does not).
  const nonprod = affirmedIn(keyed ? views.filter((v) => ENV_KEYS.has((v as TextView & { key?: string }).key ?? '')) : views, 'env.nonproduction');
  if (nonprod) return ctx.b.set('context.production', false, where(nonprod, 'env.nonproduction', source));
  const endpoint = affirmedIn(views, 'env.endpoint');
  if (endpoint) ctx.b.set('context.production', false, where(endpoint, 'env.endpoint', source));
}

function clouds(views: readonly TextView[]): string[] {
  return CLOUD_CONCEPTS.filter(([c]) => namedIn(views, c)).map(([, name]) => name);
}

export function readSignals(ctx: ReadContext, ticket: TicketText, action: readonly TextView[], parameters: readonly TextView[]): void {
  const { b } = ctx;
  const actionViews = [...action, ...parameters];
  const ticketViews = [...ticket.user, ...ticket.assistant];
  // Where the change lands: the action's own words and arguments first, then what the ticket gathered, then its text.
  environment(ctx, parameters, 'action.parameters', true, true);
  environment(ctx, action, 'action.description');
  environment(ctx, ticket.info, 'state.information_gathered');
  environment(ctx, ticketViews, 'state.description/conversation');

  const ticketClouds = [...new Set([...clouds(ticketViews), ...clouds(ticket.info)])];
  for (const c of ticketClouds) b.add('context.clouds', c, 'ticket text');
  for (const c of clouds(actionViews)) b.add('change.clouds', c, 'action text');
  const cloudWords = affirmedIn([...ticketViews, ...actionViews], 'context.cloud');
  if (ticketClouds.length > 0 || cloudWords) b.set('context.cloud', true, cloudWords ? where(cloudWords, 'context.cloud', 'text') : 'ticket names a cloud');

  const flags: ReadonlyArray<[string, string, readonly TextView[]]> = [
    ['context.sso', 'signal.sso', [...ticketViews, ...ticket.info]],
    ['context.legacy', 'signal.legacy', [...ticketViews, ...ticket.info]],
    ['context.licensed', 'signal.licensed', ticketViews],
    ['context.password_problem', 'signal.password_problem', ticket.user],
    ['change.bulk_scope', 'scope.bulk', actionViews],
    ['change.standard_procedure', 'procedure.standard', actionViews],
    ['change.admin_privileges', 'admin.elevation', action],
    ['change.mentions_sso', 'signal.sso', action],
    ['change.license_addressed', 'signal.licensed', action],
    ['change.retry_advice', 'advice.retry', action],
  ];
  for (const [fact, concept, views] of flags) {
    const v = fact.startsWith('context.') ? namedIn(views, concept) : affirmedIn(views, concept);
    if (v) b.set(fact, true, where(v, concept, fact.startsWith('change.') ? 'action' : 'ticket'));
  }
  const self = affirmedIn(action, 'procedure.self_service');
  if (self) b.set('change.standard_procedure', true, where(self, 'procedure.self_service', 'action'));

  for (const [concept, os] of OS_CONCEPTS) {
    const stated = ticket.info.find((v) => ['os', 'operatingsystem', 'platform', 'deviceos', 'osversion'].includes((v as TextView & { key?: string }).key ?? ''));
    if (stated?.matches.some((m) => m.concept === concept)) b.set('user.os', os, `state.information_gathered: ${stated.text.slice(0, 40)}`);
  }
  const named = OS_CONCEPTS.filter(([c]) => namedIn(ticket.user, c));
  if (named.length === 1) b.set('user.os', named[0][1], where(namedIn(ticket.user, named[0][0])!, named[0][0], 'ticket'));
  for (const [concept, os] of STEPS_CONCEPTS) if (affirmedIn(action, concept)) b.add('change.instructed_os', os, where(affirmedIn(action, concept)!, concept, 'action'));
}
