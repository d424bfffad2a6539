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
    purpose: 'one stored evaluation, whole',
    roles: { agent: 'own', supervisor: 'its_domains', auditor: 'all' },
  },
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
  'GET /metrics': { purpose: 'Prometheus metrics', roles: { operator: 'all' } },
  'GET /healthz': { purpose: 'alive', anonymous: 'all', roles: everyRole('all') },
  'GET /readyz': { purpose: 'ready to serve', anonymous: 'summary', roles: { ...everyRole('summary'), operator: 'details' } },
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
