import type { RequestHandler, Response } from 'express';
import type { AppError } from '../errors.js';

// The Express methods a late handler would use to answer; after the deadline they do nothing.
const ANSWERING = ['status', 'set', 'header', 'location', 'type', 'json', 'send', 'end'] as const;

function dropLateAnswer(res: Response): void {
  const r = res as unknown as Record<string, unknown>;
  for (const m of ANSWERING) r[m] = () => res;
}

/**
 * Answers with `onTimeout()` once `ms` have passed without an answer, whatever the handler is still
 * waiting for (a database that stopped answering, a stuck model call). The handler runs on, and its
 * late answer is dropped: the caller has already been told not to act. The error goes through the
 * one problem handler, so it is counted and formatted like every other.
 */
export function requestDeadline(ms: number, onTimeout: () => AppError): RequestHandler {
  return (_req, res, next) => {
    const timer = setTimeout(() => {
      if (res.headersSent) return;
      next(onTimeout());
      if (res.headersSent) dropLateAnswer(res);
      else res.once('finish', () => dropLateAnswer(res));
    }, ms);
    res.once('close', () => clearTimeout(timer));
    next();
  };
}
