import { pino, type Logger, type DestinationStream } from 'pino';
import { scrubLogArguments } from './privacy/log-scope.js';

export type { Logger };

/**
 * Secrets and personal data never reach the logs: keys, auth headers and the request's
 * state (which may carry patient or employee details) are censored wherever they appear.
 */
const REDACT = [
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  'headers.authorization',
  '*.apiKey',
  '*.api_key',
  '*.key',
  '*.password',
  '*.state',
  '*.caller_demographics',
  '*.conversation_history',
  'state',
  'input',
];

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      redact: { paths: REDACT, censor: '[redacted]' },
      base: { service: 'foresight' },
      // The values a domain marks personal, wherever they travel (an error quoting the input): src/privacy/log-scope.ts.
      hooks: {
        logMethod(args, method) {
          method.apply(this, scrubLogArguments(args) as Parameters<typeof method>);
        },
      },
    },
    destination,
  );
}
