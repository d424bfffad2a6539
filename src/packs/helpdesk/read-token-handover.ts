import { opens, gatheredFields, isExternalAddress, mailDomain, type ReadContext } from './read-context.js';
import { adminRoleKind } from './read-grants.js';
import { isRecord, normKey } from './values.js';

/**
 * An API token, key or client secret made for, or handed to, a party outside the organisation while it
 * carries an administrator's rights. A token minted in an administrator's session inherits that session's
 * privileges and has no scopes of its own (Okta Developer, Create an API token; GitHub Docs, personal access
 * tokens act with the user's rights); whoever holds it is that administrator (NIST SP 800-53 AC-6, least
 * privilege; CISA/NSA, Identity and Access Management recommended best practices for administrators). A
 * token from a scoped service account or an OAuth client with named scopes is the usual way, and is not this.
 */

const MAX_VALUES = 200;
const TOKEN_WORDS = ['apitoken', 'apikey', 'accesstoken', 'personalaccesstoken', 'clientsecret', 'serviceaccountkey', 'bearertoken', 'ssws', 'accesskey', 'authtoken', 'pat'];
const SHARE_KINDS = new Set(['secretshare', 'sharesecret', 'credentialshare', 'sharecredential', 'tokenshare', 'sharetoken', 'issuetoken', 'createtoken']);
const RECIPIENT_KEY_PARTS = ['deliver', 'recipient', 'sendto', 'shareto', 'sharewith', 'handto', 'giveto', 'contact', 'to'];
const OUTSIDER_WORDS = ['vendor', 'supplier', 'contractor', 'partner', 'thirdparty', 'thirdparties', 'external', 'consultant', 'agency', 'msp', 'integrator'];
const ACTOR_KEY_PARTS = ['createdby', 'creator', 'creatingadmin', 'issuedby', 'owner', 'signedinas', 'user', 'requester'];

/** Scalar leaves of a small object, as [normalised key, text]. */
function leaves(value: unknown, key = '', out: [string, string][] = [], depth = 0): [string, string][] {
  if (out.length >= MAX_VALUES || depth > 4) return out;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') out.push([normKey(key), String(value).slice(0, 300)]);
  else if (Array.isArray(value)) for (const v of value.slice(0, 50)) leaves(v, key, out, depth + 1);
  else if (isRecord(value)) for (const [k, v] of Object.entries(value)) leaves(v, k, out, depth + 1);
  return out;
}

const compactText = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '');

export function readPrivilegedTokenHandover(ctx: ReadContext, parameters: unknown, kind: unknown, description: unknown): void {
  if (!isRecord(parameters)) return;
  const params = leaves(parameters);
  // Who the token goes to: an address under a delivery key of the call. No recipient, nothing handed over.
  const delivery = params.filter(([k]) => RECIPIENT_KEY_PARTS.some((p) => k === p || (p.length > 2 && k.includes(p))));
  const recipients = delivery.filter(([, v]) => mailDomain(v) !== undefined).map(([, v]) => v);
  // A delivery written as a place of an outside party ("vendor onboarding form", "the partner's SaaS console"): handed out.
  const outsidePlace = delivery.map(([, v]) => v).find((v) => mailDomain(v) === undefined && OUTSIDER_WORDS.some((w) => compactText(v).includes(w)));
  if (recipients.length === 0 && !outsidePlace) return;
  const gathered = leaves(gatheredFields(ctx));
  const said = `${typeof description === 'string' ? description : ''} ${params.map(([k, v]) => `${k} ${v}`).join(' ')}`;
  const words = said.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
  const joined = compactText(said);
  const token = SHARE_KINDS.has(normKey(String(kind ?? ''))) || words.includes('token') || words.includes('tokens') || TOKEN_WORDS.some((w) => (w.length <= 4 ? words.includes(w) : joined.includes(w)));
  if (!token) return;

  const actorDomains = new Set([...params, ...gathered].filter(([k, v]) => ACTOR_KEY_PARTS.some((p) => k.includes(p)) && mailDomain(v) !== undefined).map(([, v]) => mailDomain(v)!));
  const ticketText = compactText(`${String(ctx.b.request.state?.description ?? '')} ${gathered.map(([k]) => k).join(' ')}`);
  const outsiderNamed = OUTSIDER_WORDS.some((w) => ticketText.includes(w));
  const outside = outsidePlace ?? recipients.find((r) => {
    const d = mailDomain(r)!;
    // The domain of the admin or user the call acts as is the organisation's own.
    if ([...actorDomains].some((a) => d === a || d.endsWith(`.${a}`))) return false;
    if (isExternalAddress(ctx, r)) return true;
    const holder = gathered.find(([, v]) => v === r)?.[0] ?? params.find(([, v]) => v === r)?.[0] ?? '';
    if (OUTSIDER_WORDS.some((w) => holder.includes(w))) return true;
    return outsiderNamed && actorDomains.size > 0 && ![...actorDomains].some((a) => d === a || d.endsWith(`.${a}`));
  });
  if (!outside) return;

  // The rights the token carries: an administrator role named for the session or account it is made from.
  // A service account's bindings are its rights too (`bindings: ClusterRoleBinding x -> cluster-admin`).
  const roleValues = [...gathered, ...params].filter(([k]) => k.includes('role') || k.includes('privilege') || k.includes('adminlevel') || k.includes('scope') || k.includes('binding'));
  const named = (v: string) => v.split(/\s*(?:->|→|=>|:)\s*|,\s*/).map((p) => p.trim()).filter(Boolean);
  const admin = roleValues.find(([, v]) => [v, ...named(v)].some((x) => adminRoleKind(ctx, x) === 'admin' || adminRoleKind(ctx, x.replace(/[_-]+/g, ' ')) === 'admin'));
  if (!admin) return;
  opens(ctx, 'privileged_token_to_third_party', `action.parameters: a token made with ${admin[1]} rights goes to ${outside}`, `${admin[1]} token to ${outside}`);
}
