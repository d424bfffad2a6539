import { opens, type ReadContext } from './read-context.js';
import { isRecord } from './values.js';

/**
 * An account taken out of its organisation, and so out from under the organisation's guardrails: AWS Organizations
 * RemoveAccountFromOrganization / LeaveOrganization (the SCPs stop applying, the organisation trail and delegated
 * security services stop covering it; AWS Organizations User Guide, Removing a member account, and the example SCP
 * that denies organizations:LeaveOrganization), an Azure subscription moved to another directory (Microsoft Learn,
 * Transfer an Azure subscription to a different Microsoft Entra directory: role assignments and policies are lost),
 * a GCP project moved out of its organisation (gcloud beta projects move: organisation policies stop applying).
 */
const PATTERNS: readonly [RegExp, string][] = [
  [/\borganizations\s+(?:remove-account-from-organization|leave-organization)\b/, 'AWS account removed from its organization'],
  [/\b(?:removeaccountfromorganization|leaveorganization)\b/, 'AWS account removed from its organization'],
  [/\baz\s+account\s+(?:management-group\s+subscription\s+remove)\b/, 'Azure subscription removed from its management group'],
  [/\bgcloud\s+(?:beta\s+)?projects\s+move\b/, 'GCP project moved to another organisation or folder'],
];

function stringsOf(value: unknown, out: string[] = [], depth = 0): string[] {
  if (out.length >= 400 || depth > 8) return out;
  if (typeof value === 'string') out.push(value.slice(0, 20_000).toLowerCase());
  else if (Array.isArray(value)) for (const v of value) stringsOf(v, out, depth + 1);
  else if (isRecord(value)) for (const v of Object.values(value)) stringsOf(v, out, depth + 1);
  return out;
}

export function readOrgGuardrails(ctx: ReadContext, parameters: unknown): void {
  if (!isRecord(parameters)) return;
  for (const s of stringsOf(parameters)) {
    const hit = PATTERNS.find(([re]) => re.test(s));
    if (hit) {
      opens(ctx, 'org_guardrails_removed', `action.parameters: ${hit[1]}`, hit[1]);
      return;
    }
  }
}
