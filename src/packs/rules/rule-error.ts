/** A rule that cannot be compiled: names the rule and the 1-based column so a policy author can find it. */
export class RuleError extends Error {
  readonly ruleId?: string;
  readonly column?: number;

  constructor(reason: string, where: { ruleId?: string | undefined; column?: number | undefined } = {}) {
    const prefix = where.ruleId === undefined ? '' : `rule ${where.ruleId}: `;
    const suffix = where.column === undefined ? '' : ` at column ${where.column}`;
    super(`${prefix}${reason}${suffix}`);
    this.name = 'RuleError';
    if (where.ruleId !== undefined) this.ruleId = where.ruleId;
    if (where.column !== undefined) this.column = where.column;
  }
}
