import { ROLES, type ApiKey, type Role } from '../keys/key-store.js';

/**
 * How much of a route a role gets:
 * - `all`: everything the route serves;
 * - `own`: only what this key itself created (an agent's own evaluations);
 * - `its_domains`: a supervisor's domains (every domain when the key is not scoped);
 * - `without_rule_text`: the policy's thresholds and the schemas, not the hard rules' source;
 * - `details`: an open route, with the details only this role sees;
 * - `summary`: an open route, without its details.
 */
export type Scope = 'all' | 'own' | 'its_domains' | 'without_rule_text' | 'details' | 'summary';

export interface RouteAccess {
  /** What the route is for (the README's matrix shows it). */
  purpose: string;
  /** An open route answers without a key; `anonymous` is what it then shows. */
  anonymous?: Scope;
  /** The roles that may use the route and how much of it each gets; a role not listed is refused. */
  roles: Partial<Record<Role, Scope>>;
}

const everyRole = (scope: Scope): Record<Role, Scope> => Object.fromEntries(ROLES.map((r) => [r, scope])) as Record<Role, Scope>;

/**
 * The one authorisation table: the routes read it through `auth.guard(route)`, the README's role
 * matrix is rendered from it (and a test keeps the two equal), and the role-matrix test walks it.
 * A route that is mounted but missing here fails that test.
 */
export const ROUTE_ACCESS = {
  'POST /v1/evaluate': { purpose: 'ask before acting', roles: { agent: 'all' } },
  'GET /v1/evaluations/:id': {
    purpose: 'one stored evaluation, whole; personal data shown to auditors and to a supervisor who may sign it, else masked',
    roles: { agent: 'own', supervisor: 'its_domains', auditor: 'all' },
  },
  // Filters and scopes run in the query itself: a key never pages through rows it may not see.
  'GET /v1/evaluations': {
    purpose: 'find evaluations by filters, with cursor paging; summaries, personal data masked but for auditors',
    roles: { agent: 'own', supervisor: 'its_domains', auditor: 'all' },
  },
  'GET /v1/evaluations/export': { purpose: 'every evaluation that matches, streamed as JSONL or CSV', roles: { auditor: 'all' } },
  // Erasure is a data-protection duty of whoever checks the record (README "Personal data"); the admin manages keys, not records.
  'POST /v1/evaluations/:id/erase': { purpose: "erase an evaluation's personal data, on the record; verify stays clean", roles: { auditor: 'all' } },
  'POST /v1/personal-data/erase': { purpose: "erase one data subject's personal data across evaluations, on the record", roles: { auditor: 'all' } },
  'GET /v1/domains': { purpose: 'the domains and their thresholds', roles: everyRole('all') },
  'GET /v1/domains/:domain': {
    purpose: 'a domain: policy and state schema',
    roles: { ...everyRole('all'), agent: 'without_rule_text' },
  },
  'GET /v1/audit/verify': { purpose: 'verify the audit trail', roles: { auditor: 'all' } },
  'POST /v1/audit/verify': { purpose: 'verify the audit trail against a checkpoint kept elsewhere', roles: { auditor: 'all' } },
  'GET /v1/audit/checkpoint': { purpose: 'the newest signed checkpoint, to keep elsewhere', roles: { auditor: 'all' } },
  'GET /v1/evaluations/:id/proof': { purpose: "an evaluation's inclusion proof", roles: { auditor: 'all' } },
  'POST /v1/evaluations/:id/override': {
    purpose: 'sign off on an escalation: approve, deny or request changes, with a reason',
    roles: { supervisor: 'its_domains' },
  },
  'POST /v1/evaluations/:id/revoke-approval': {
    purpose: 'revoke an approval in force, with a reason',
    roles: { supervisor: 'its_domains', auditor: 'all' },
  },
  'POST /v1/evaluations/:id/check': {
    purpose: 'whether the approval covers this exact action',
    roles: { agent: 'own', supervisor: 'its_domains', auditor: 'all' },
  },
  'POST /v1/evaluations/:id/outcome': {
    purpose: "report what really happened; an agent's own reports are counted apart",
    roles: { agent: 'own', supervisor: 'its_domains', auditor: 'all' },
  },
  // Supervisors see the calibration of the domains they review: how far to trust the model they override.
  'GET /v1/domains/:domain/calibration': {
    purpose: 'predicted rates against reported outcomes, per policy and world-model version',
    roles: { supervisor: 'its_domains', auditor: 'all' },
  },
  'POST /v1/evaluations/:id/replay': {
    purpose: "re-run with the stored seed and input under today's policy and model; a diff",
    roles: { auditor: 'all' },
  },
  'GET /metrics': { purpose: 'Prometheus metrics', roles: { operator: 'all' } },
  'POST /v1/admin/reload': { purpose: 'load the packs and policies again, checked first; a broken file keeps those in force', roles: { admin: 'all' } },
  'GET /healthz': { purpose: 'alive', anonymous: 'all', roles: everyRole('all') },
  'GET /openapi.json': { purpose: 'the API described (OpenAPI 3.1)', anonymous: 'all', roles: everyRole('all') },
  'GET /readyz': { purpose: 'ready to serve', anonymous: 'summary', roles: { ...everyRole('summary'), operator: 'details' } },
  // The review console (src/console): a browser signs in once and sends a session cookie; each page
  // admits no role that the API routes it stands on refuse (src/console/console-access.ts, tested).
  'GET /ui/': { purpose: 'console: the sign-in page, or the start page of a signed-in role', anonymous: 'all', roles: everyRole('all') },
  'GET /ui/assets/:file': { purpose: "console: its own stylesheet and script (nothing loads from elsewhere)", anonymous: 'all', roles: everyRole('all') },
  'POST /ui/sign-in': { purpose: 'console: exchange a key for a session cookie', roles: { supervisor: 'all', auditor: 'all' } },
  'POST /ui/sign-out': { purpose: 'console: end the session', roles: { supervisor: 'all', auditor: 'all' } },
  'GET /ui/queue': { purpose: 'console: pending escalations, oldest first', roles: { supervisor: 'its_domains' } },
  'GET /ui/evaluations': { purpose: 'console: find evaluations', roles: { supervisor: 'its_domains', auditor: 'all' } },
  'GET /ui/evaluations/export': { purpose: 'console: export what the search finds, as JSONL or CSV', roles: { auditor: 'all' } },
  'GET /ui/evaluations/:id': { purpose: 'console: one evaluation, its futures and its history', roles: { supervisor: 'its_domains', auditor: 'all' } },
  'POST /ui/evaluations/:id/sign-off': { purpose: 'console: sign off on an escalation, with a reason', roles: { supervisor: 'its_domains' } },
  'POST /ui/evaluations/:id/reviewing': { purpose: "console: the heartbeat of an open escalation (others see it is being reviewed)", roles: { supervisor: 'its_domains' } },
  'POST /ui/evaluations/:id/replay': { purpose: 'console: replay an evaluation and show the diff', roles: { auditor: 'all' } },
  'GET /ui/audit': { purpose: 'console: audit trail verify status and the last signed checkpoint', roles: { auditor: 'all' } },
  'GET /ui/calibration': { purpose: 'console: reliability diagrams and Brier figures per domain and policy version', roles: { supervisor: 'its_domains', auditor: 'all' } },
} as const satisfies Record<string, RouteAccess>;

export type RouteId = keyof typeof ROUTE_ACCESS;

export const ROUTE_IDS = Object.keys(ROUTE_ACCESS) as RouteId[];

const table: Record<RouteId, RouteAccess> = ROUTE_ACCESS;

/** How much of `route` a caller gets; undefined when it must be refused. */
export function scopeOf(route: RouteId, role: Role | undefined): Scope | undefined {
  const access = table[route];
  return role === undefined ? access.anonymous : access.roles[role];
}

export function isOpen(route: RouteId): boolean {
  return table[route].anonymous !== undefined;
}

/** The roles a route admits, in the order of ROLES (for error messages). */
export function rolesOf(route: RouteId): Role[] {
  return ROLES.filter((r) => table[route].roles[r] !== undefined);
}

/** What a scoped read is about: who created it, and in which domain. */
export interface Owned {
  apiKeyId?: string | null;
  domain: string;
}

/** Whether a key may see one record of a route whose scope depends on the record. */
export function mayAccess(route: RouteId, key: ApiKey, record: Owned): boolean {
  switch (scopeOf(route, key.role)) {
    case 'all':
      return true;
    case 'own':
      // By key id, which rotation keeps: a rotated key still sees what it did before.
      return record.apiKeyId != null && record.apiKeyId === key.id;
    case 'its_domains':
      return key.domains === null || key.domains.includes(record.domain);
    default:
      return false;
  }
}

const CELL: Record<Scope, string> = {
  all: 'yes',
  own: 'its own',
  its_domains: 'its domains',
  without_rule_text: 'without rule text',
  details: 'with details',
  summary: 'status only',
};

/** The role matrix as a Markdown table: the README carries exactly this text. */
export function roleMatrixMarkdown(): string {
  const header = ['route', ...ROLES.map((r) => `\`${r}\``), 'no key'];
  const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`];
  for (const route of ROUTE_IDS) {
    const cells = [...ROLES.map((r) => scopeOf(route, r)), scopeOf(route, undefined)].map((s) => (s ? CELL[s] : '–'));
    lines.push(`| \`${route}\` (${table[route].purpose}) | ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}
