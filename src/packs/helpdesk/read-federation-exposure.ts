import { factAt } from '../reading/reading.js';
import { gatheredFields, opens, type ReadContext } from './read-context.js';
import { isRecord, normKey, scalarText, treeStrings } from './values.js';

/**
 * Two trust readings over the whole request (bounded inputs):
 *
 * - A domain's federation repointed: an update (PATCH/PUT, Update-/Set-MgDomainFederationConfiguration,
 *   Set-MsolDomainFederationSettings) that sets the issuer or sign-in URIs to a host outside the federated domain and
 *   the organisation's own domains. Whoever runs that issuer, and holds its signing key, can mint sign-in tokens for any
 *   user of the domain (CISA AA21-008A, actors modified federation trusts and credentials; MITRE ATT&CK T1484.002). A
 *   certificate rollover that keeps the issuer on the organisation's own host is not this shape.
 * - A device left on its vendor default login made reachable from anywhere: a change another reader found open to the
 *   internet, while the ticket records that the target still uses the factory or vendor default credentials (CISA, FBI,
 *   EPA and DOE, Primary Mitigations to Reduce Cyber Threats to Operational Technology, 2024: change default passwords,
 *   remove OT connections to the public internet; ETSI EN 303 645 provision 5.1-1; OWASP IoT Top 10 I1).
 */

const URI_KEYS = new Set(['issueruri', 'passivesigninuri', 'activesigninuri', 'signouturi', 'metadataexchangeuri', 'issuer', 'ssourl', 'signinurl']);
const URI_FLAGS = /-(issueruri|passivesigninuri|activesigninuri|passivelogonuri|activelogonuri|signouturi|metadataexchangeuri)\s+["']?([^\s"']{4,200})/gi;

const base = (host: string): string => {
  const labels = host.toLowerCase().split('.').filter(Boolean);
  const n = labels.length >= 3 && /^(co|com|org|net|ac|gov)$/.test(labels.at(-2) ?? '') && (labels.at(-1) ?? '').length === 2 ? 3 : 2;
  return labels.slice(-n).join('.');
};
const hostOf = (uri: string): string | undefined => /^[a-z]+:\/\/([^/:\s]+)/i.exec(uri.trim())?.[1]?.toLowerCase();

function readFederationRepointed(ctx: ReadContext, parameters: Record<string, unknown>): void {
  const texts = treeStrings(parameters).filter((t) => t.length <= 20_000);
  const all = texts.join('\n');
  const rest = /federationconfiguration|federationsettings/i.test(all) && /\b(patch|put)\b/i.test(`${all} ${scalarText(parameters.method) ?? ''}`);
  const command = /\b(update|set)-mgdomainfederationconfiguration\b|\bset-msoldomainfederationsettings\b|\bset-adfsproperties\b/i.test(all);
  if (!rest && !command) return;
  const domain =
    /\/domains\/([a-z0-9.-]+\.[a-z]{2,})\//i.exec(all)?.[1] ??
    /-(?:domainid|domainname)\s+["']?([a-z0-9.-]+\.[a-z]{2,})/i.exec(all)?.[1] ??
    scalarText(Object.entries(parameters).find(([k]) => /^(domain|domainname|domainid)$/.test(normKey(k)))?.[1]);
  if (!domain) return;
  const uris: string[] = [];
  const walk = (v: unknown, depth: number): void => {
    if (depth > 6 || uris.length > 20) return;
    if (Array.isArray(v)) for (const x of v.slice(0, 50)) walk(x, depth + 1);
    else if (isRecord(v)) for (const [k, x] of Object.entries(v).slice(0, 100)) (URI_KEYS.has(normKey(k)) && typeof x === 'string' ? uris.push(x) : walk(x, depth + 1));
  };
  walk(parameters, 0);
  for (const m of all.matchAll(URI_FLAGS)) uris.push(m[2]);
  const own = new Set([base(domain), ...[...ctx.orgDomains].map(base)]);
  const outside = uris.map(hostOf).find((h): h is string => h !== undefined && !own.has(base(h)));
  if (outside) opens(ctx, 'idp_trust_added', `action.parameters: federation of ${domain.toLowerCase()} repointed to an issuer at ${outside} (outside the domain)`);
}

const DEFAULT_LOGIN = /\b(vendor|factory|manufacturer)\s+default\b|\bdefault\s+(password|login|credentials?|creds|admin|pin)\b|\b(admin|root|user)\s*\/\s*(admin|root|password|1234|12345|user)\b|\bnever (been )?changed\b/i;

function readDefaultLoginExposed(ctx: ReadContext): void {
  if (!ctx.opens.has('world_open') || factAt(ctx.b.facts, 'change.default_login_exposed') !== undefined) return;
  for (const [k, v] of Object.entries(gatheredFields(ctx)).slice(0, 60)) {
    const nk = normKey(k);
    if (!/login|password|credential|creds|passwd|logon/.test(nk) || /policy|expir|reset|manager|vault/.test(nk)) continue;
    const text = (scalarText(v) ?? '').slice(0, 200);
    if (!DEFAULT_LOGIN.test(text) || /\b(not|no longer|isn't|wasn't)\s+(the\s+)?(vendor\s+|factory\s+)?default\b|\bchanged from\b/i.test(text)) continue;
    opens(ctx, 'default_login_exposed', `state.information_gathered.${k} = ${text.slice(0, 60)} (reachable from anywhere after the change)`, `a device on its default login (${k}) opened to the internet`);
    return;
  }
}

export function readFederationAndExposure(ctx: ReadContext, parameters: unknown): void {
  if (!isRecord(parameters) || ctx.removing > 0) return;
  readFederationRepointed(ctx, parameters);
  readDefaultLoginExposed(ctx);
}
