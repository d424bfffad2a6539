import type { Request } from 'express';
import type { z } from 'zod';
import { AppError } from '../errors.js';

/** Step one of every handler: the body against its schema, or a 400 naming each problem. */
export function parseBody<S extends z.ZodType>(schema: S, req: Request): z.infer<S> {
  if (!req.is('application/json')) throw new AppError('unsupported_media_type', 'send the body as application/json');
  const parsed = schema.safeParse(req.body);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(body)', message: i.message }));
    throw new AppError('validation_failed', errors.map((e) => `${e.path}: ${e.message}`).join('; '), { errors });
  }
  return parsed.data;
}
