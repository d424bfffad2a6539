import type { ErrorRequestHandler, RequestHandler } from 'express';
import { isDatabaseUnavailable } from '../db/database.js';
import { AppError, ERRORS, type ErrorCode } from '../errors.js';
import type { Logger } from '../logger.js';

/** Body-parser failures carry a `type`; map them onto the catalogue. */
function fromParserError(err: { type?: string; status?: number; expose?: boolean }): AppError | undefined {
  if (err.type === 'entity.parse.failed') return new AppError('invalid_json', 'the body is not valid JSON');
  if (err.type === 'entity.too.large') return new AppError('payload_too_large');
  if (err.type === 'encoding.unsupported' || err.type === 'charset.unsupported') return new AppError('unsupported_media_type');
  // The router's: a path parameter that is not valid percent-encoding ('%zz'). Bad input, not a bug.
  if (err instanceof URIError && err.status === 400) return new AppError('validation_failed', 'the path is not valid percent-encoding', { errors: [{ path: '(path)', message: 'not valid percent-encoding' }] });
  // Any other body the reader refused as the client's fault: cut off, not the length it declared,
  // or not the compression its Content-Encoding names.
  if (err.status === 400 && err.expose === true) return new AppError('invalid_json', 'the body could not be read (cut off, not its declared length, or not validly compressed)');
  return undefined;
}

function problemBody(code: ErrorCode, detail: string | undefined, instance: string, requestId: string, extra?: Record<string, unknown>) {
  const { status, title } = ERRORS[code];
  return { type: `https://foresight.dev/problems/${code}`, title, status, code, ...(detail ? { detail } : {}), instance, request_id: requestId, ...extra };
}

/** The one handler that turns errors into application/problem+json. */
export function problemHandler(logger: Logger, onProblem: (code: ErrorCode) => void = () => {}): ErrorRequestHandler {
  return (err, req, res, _next) => {
    // A database outage on any route is the service's state, not a bug: 503, to be retried.
    const unavailable = !(err instanceof AppError) && isDatabaseUnavailable(err) ? new AppError('database_unavailable', undefined, undefined, { cause: err }) : undefined;
    const appError = err instanceof AppError ? err : (unavailable ?? fromParserError(err) ?? new AppError('internal', undefined, undefined, { cause: err }));
    if (unavailable && !res.headersSent) res.set('Retry-After', '1');
    const requestId = String(res.locals.requestId ?? '');
    onProblem(appError.code);
    if (!appError.operational) logger.error({ err, requestId }, 'unhandled error');
    if (res.headersSent) return;
    res
      .status(appError.status)
      .type('application/problem+json')
      .send(JSON.stringify(problemBody(appError.code, appError.operational ? appError.detail : undefined, req.originalUrl, requestId, appError.extra)));
  };
}

export const notFound: RequestHandler = (req, _res, next) => next(new AppError('not_found', `no route for ${req.method} ${req.path}`));
