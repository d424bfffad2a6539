/**
 * The one catalogue of errors: each has a stable code, an HTTP status, and whether it is
 * operational (expected in normal running) or a bug. `http/problem.ts` turns them into problem+json.
 */
export const ERRORS = {
  invalid_json: { status: 400, title: 'The body is not valid JSON', operational: true },
  validation_failed: { status: 400, title: 'The request does not match the schema', operational: true },
  payload_too_large: { status: 413, title: 'The body is over the size limit', operational: true },
  unsupported_media_type: { status: 415, title: 'The body must be application/json', operational: true },
  unauthenticated: { status: 401, title: 'A valid API key is required', operational: true },
  forbidden: { status: 403, title: 'The API key lacks the role this route needs', operational: true },
  not_found: { status: 404, title: 'Not found', operational: true },
  unknown_domain: { status: 404, title: 'Unknown domain', operational: true },
  conflict: { status: 409, title: 'Conflict', operational: true },
  not_reviewable: { status: 409, title: 'Only an escalation can be signed off', operational: true },
  already_decided: { status: 409, title: 'The review is decided; only a recorded revocation changes an approval', operational: true },
  self_approval: { status: 403, title: 'Whoever asked for an evaluation cannot sign off on it', operational: true },
  duplicate_sign_off: { status: 409, title: 'This person has already signed off on this evaluation', operational: true },
  override_not_allowed: { status: 409, title: 'The policy does not allow this escalation to be overridden', operational: true },
  not_revocable: { status: 409, title: 'Only an approval in force can be revoked', operational: true },
  idempotency_key_reused: { status: 409, title: 'The Idempotency-Key was already used with a different body', operational: true },
  nothing_to_erase: { status: 409, title: 'The evaluation holds no value its domain marks personal', operational: true },
  already_erased: { status: 409, title: 'The personal values of this evaluation are already erased', operational: true },
  overloaded: { status: 503, title: 'The service is at capacity; retry shortly', operational: true },
  rate_limited: { status: 429, title: 'Too many requests with this API key; retry after Retry-After seconds', operational: true },
  deadline_exceeded: { status: 503, title: 'The request did not finish within its deadline, so it is not approved', operational: true },
  audit_unavailable: { status: 503, title: 'The evaluation could not be stored, so it is not approved', operational: true },
  reload_rejected: { status: 422, title: 'The packs or policies on disk did not load; those in force keep serving', operational: true },
  invalid_checkpoint: { status: 400, title: 'The audit checkpoint is malformed or does not hold together', operational: true },
  database_unavailable: { status: 503, title: 'The database is unavailable; retry shortly', operational: true },
  not_ready: { status: 503, title: 'Not ready', operational: true },
  metrics_unavailable: { status: 503, title: "The workers' metrics could not be gathered; retry shortly", operational: true },
  internal: { status: 500, title: 'Internal error', operational: false },
} as const;

export type ErrorCode = keyof typeof ERRORS;

export class AppError extends Error {
  readonly status: number;
  readonly operational: boolean;
  constructor(
    readonly code: ErrorCode,
    readonly detail?: string,
    readonly extra?: Record<string, unknown>,
    options?: { cause?: unknown },
  ) {
    super(detail ?? ERRORS[code].title, options);
    this.name = 'AppError';
    this.status = ERRORS[code].status;
    this.operational = ERRORS[code].operational;
  }
}
