import { checks, opens, type ReadContext } from './read-context.js';
import { flagValue, isRecord, normKey } from './values.js';

/**
 * Password reset or sign-in that security questions alone can pass: a methods policy (Entra self-service password
 * reset, an Okta recovery policy, a portal's reset settings) with security questions on and either one method
 * required or every other method off. Answers can be looked up or guessed (NIST SP 800-63B 5.1.1.2: verifiers shall
 * not use knowledge-based authentication or security questions; Microsoft Learn, Authentication methods for
 * self-service password reset: security questions are the least secure and belong with another method;
 * CISA AA23-320A: help-desk and recovery flows are the takeover path).
 */

const KBA_KEYS = new Set(['securityquestions', 'securityquestion', 'questions', 'question', 'kba', 'knowledgebased', 'knowledgebasedauthentication', 'secretquestion', 'secretquestions', 'recoveryquestion', 'recoveryquestions']);
const REQUIRED_KEYS = new Set(['numberofmethodsrequired', 'methodsrequired', 'requiredmethods', 'numberofrequiredmethods', 'methodcount', 'requirednumberofmethods', 'numberofauthenticationmethodsrequired']);
const ENABLE_KEYS = ['enabled', 'isenabled', 'state', 'status', 'enable', 'allowed'];

/** Whether a method entry is on: a flag, or an object whose enabled/state child says so. */
function methodOn(value: unknown): boolean | undefined {
  const flag = flagValue(value);
  if (flag !== undefined) return flag;
  if (!isRecord(value)) return undefined;
  for (const [k, v] of Object.entries(value)) if (ENABLE_KEYS.includes(normKey(k))) return flagValue(v) ?? (typeof v === 'string' ? /^(on|active|enabled|allow)/i.test(v) : undefined);
  return undefined;
}

function findRequired(obj: Record<string, unknown>): number | undefined {
  for (const [k, v] of Object.entries(obj)) if (REQUIRED_KEYS.has(normKey(k))) return Number(v);
  return undefined;
}

export function readRecoveryMethods(ctx: ReadContext, parameters: unknown): void {
  let nodes = 0;
  const visit = (value: unknown, ancestors: Record<string, unknown>[], depth: number): boolean => {
    if (++nodes > 2000 || depth > 8 || !isRecord(value)) return false;
    const entries = Object.entries(value);
    const kba = entries.find(([k, v]) => KBA_KEYS.has(normKey(k)) && methodOn(v) === true);
    if (kba) {
      const others = entries.filter(([k, v]) => !KBA_KEYS.has(normKey(k)) && methodOn(v) !== undefined);
      const allOthersOff = others.length > 0 && others.every(([, v]) => methodOn(v) === false);
      const required = [value, ...ancestors].map(findRequired).find((n) => n !== undefined);
      if (allOthersOff || required === 1) {
        opens(ctx, 'recovery_knowledge_only', `action.parameters: security questions are ${allOthersOff ? 'the only method left on' : 'enough on their own (one method required)'}`);
        return true;
      }
    }
    // The safe shape of the same policy: security questions off, or two methods required with two others on.
    const kbaOff = entries.some(([k, v]) => KBA_KEYS.has(normKey(k)) && methodOn(v) === false);
    const on = entries.filter(([k, v]) => !KBA_KEYS.has(normKey(k)) && methodOn(v) === true).length;
    const required = [value, ...ancestors].map(findRequired).find((n) => n !== undefined);
    if (!kba && on > 0 && (kbaOff || (required !== undefined && required >= 2 && on >= 2))) bounded = `${on} method${on > 1 ? 's' : ''} on${kbaOff ? ', security questions off' : ''}${required !== undefined ? `, ${required} required` : ''}`;
    for (const [, v] of entries) {
      for (const item of Array.isArray(v) ? v : [v]) if (visit(item, [value, ...ancestors], depth + 1)) return true;
    }
    return false;
  };
  let bounded: string | undefined;
  if (!visit(parameters, [], 0) && bounded) checks(ctx, 'recovery_methods_bounded', `action.parameters: ${bounded}`);
}
