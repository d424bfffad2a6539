import { Router, type RequestHandler } from 'express';
import { checkpointOf, checkpointProblems, CheckpointSchema, type Checkpoint } from '../audit/checkpoint.js';
import type { AuditLedger } from '../audit/ledger.js';
import { inclusionProof } from '../audit/proof.js';
import { verifyAudit } from '../audit/verify.js';
import { AppError } from '../errors.js';

/** The routes this file serves, as the authorisation table names them: all of them are the auditor's. */
export type AuditRouteId = 'GET /v1/audit/verify' | 'POST /v1/audit/verify' | 'GET /v1/audit/checkpoint' | 'GET /v1/evaluations/:id/proof';

export interface AuditRouteDeps {
  ledger: AuditLedger;
  guard: (route: AuditRouteId) => RequestHandler;
}

/** A checkpoint as sent: the JSON itself, or `{checkpoint: …}`, or (in a query string) that JSON base64url-encoded. */
function parseCheckpoint(value: unknown): Checkpoint {
  let raw = value;
  if (typeof raw === 'string') {
    const text = raw.trim().startsWith('{') ? raw : Buffer.from(raw, 'base64url').toString('utf8');
    try {
      raw = JSON.parse(text);
    } catch {
      throw new AppError('invalid_checkpoint', 'the checkpoint is neither JSON nor base64url-encoded JSON');
    }
  }
  if (raw && typeof raw === 'object' && 'checkpoint' in raw) raw = (raw as { checkpoint: unknown }).checkpoint;
  const parsed = CheckpointSchema.safeParse(raw);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(checkpoint)', message: i.message }));
    throw new AppError('invalid_checkpoint', errors.map((e) => `${e.path}: ${e.message}`).join('; '), { errors });
  }
  const problems = checkpointProblems(parsed.data);
  if (problems.length > 0) throw new AppError('invalid_checkpoint', problems.join('; '), { problems });
  return parsed.data;
}

export function auditRoutes(deps: AuditRouteDeps): Router {
  const router = Router();

  router.get('/v1/audit/verify', deps.guard('GET /v1/audit/verify'), async (req, res) => {
    const checkpoint = req.query.checkpoint === undefined ? undefined : parseCheckpoint(String(req.query.checkpoint));
    res.json(await verifyAudit(deps.ledger, { checkpoint }));
  });

  router.post('/v1/audit/verify', deps.guard('POST /v1/audit/verify'), async (req, res) => {
    if (!req.is('application/json')) throw new AppError('unsupported_media_type', 'send the checkpoint as application/json');
    // An empty body is a plain verify, so the route works the day before the first checkpoint is kept.
    const empty = req.body === undefined || (typeof req.body === 'object' && req.body !== null && Object.keys(req.body).length === 0);
    res.json(await verifyAudit(deps.ledger, { checkpoint: empty ? undefined : parseCheckpoint(req.body) }));
  });

  router.get('/v1/audit/checkpoint', deps.guard('GET /v1/audit/checkpoint'), async (_req, res) => {
    const block = await deps.ledger.latestBlock();
    if (!block) throw new AppError('not_found', 'no block has been sealed yet');
    const key = (await deps.ledger.publicKeys()).get(block.key_id);
    if (!key) throw new AppError('not_found', `the public key ${block.key_id} of block ${block.height} is missing: run audit verify`);
    res.json(checkpointOf(block, key));
  });

  router.get('/v1/evaluations/:id/proof', deps.guard('GET /v1/evaluations/:id/proof'), async (req, res) => {
    const proof = await inclusionProof(deps.ledger, 'evaluations', String(req.params.id));
    if (!proof) throw new AppError('not_found', `no evaluation ${req.params.id}`);
    res.json(proof);
  });

  return router;
}
