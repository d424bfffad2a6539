/**
 * What kind of database failure an error is, as one stable word. A driver's message carries host
 * names, user names, paths and sometimes SQL; an answer (even the operator's /readyz) carries only
 * this, and the message goes to the log.
 */
export type DatabaseProblem =
  | 'connection_refused'
  | 'host_not_found'
  | 'timeout'
  | 'connection_lost'
  | 'authentication_failed'
  | 'database_missing'
  | 'shutting_down'
  | 'starting_up'
  | 'out_of_resources'
  | 'unavailable';

const BY_ERRNO: Record<string, DatabaseProblem> = {
  ECONNREFUSED: 'connection_refused',
  ENOTFOUND: 'host_not_found',
  EAI_AGAIN: 'host_not_found',
  ETIMEDOUT: 'timeout',
  ECONNRESET: 'connection_lost',
  EPIPE: 'connection_lost',
  ENOSPC: 'out_of_resources',
};

export function databaseProblem(err: unknown): DatabaseProblem {
  const e = (err ?? {}) as { code?: unknown; message?: unknown };
  const code = typeof e.code === 'string' ? e.code : '';
  if (code in BY_ERRNO) return BY_ERRNO[code];
  // SQLSTATE classes (PostgreSQL appendix A).
  if (code.startsWith('28')) return 'authentication_failed';
  if (code === '3D000') return 'database_missing';
  if (code === '57P01' || code === '57P02') return 'shutting_down';
  if (code === '57P03') return 'starting_up';
  if (code.startsWith('53')) return 'out_of_resources';
  if (code === '57014') return 'timeout';
  if (code.startsWith('08')) return 'connection_lost';
  // Errors re-thrown without their code still name it in the text (`connect ECONNREFUSED …`).
  const message = typeof e.message === 'string' ? e.message.toLowerCase() : '';
  for (const [errno, problem] of Object.entries(BY_ERRNO)) if (message.includes(errno.toLowerCase())) return problem;
  if (message.includes('timeout')) return 'timeout';
  if (message.includes('connection terminated') || message.includes('not queryable')) return 'connection_lost';
  return 'unavailable';
}
