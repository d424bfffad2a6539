/** One attempt to deliver one event, as recorded. */
export interface DeliveryAttempt {
  eventId: string;
  eventType: string;
  evaluationId: string;
  url: string;
  attempt: number;
  statusCode: number | null;
  error: string | null;
  delivered: boolean;
  durationMs: number;
}

/** The log of webhook deliveries: every attempt, failed or not, appended. */
export interface DeliveryStore {
  record(attempt: DeliveryAttempt): Promise<void>;
  /** The attempts made for an evaluation's events, oldest first. */
  attemptsFor(evaluationId: string): Promise<(DeliveryAttempt & { attemptedAt: Date })[]>;
}
