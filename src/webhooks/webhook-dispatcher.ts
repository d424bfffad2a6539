import type { Logger } from '../logger.js';
import type { DeliveryStore } from './delivery-store.js';
import { SIGNATURE_HEADER, signatureHeader } from './webhook-signature.js';

export type WebhookEventType = 'escalation.awaiting_review' | 'escalation.decided';

export interface WebhookEvent {
  id: string;
  type: WebhookEventType;
  evaluationId: string;
  /** The JSON body sent, whole (it carries `id` and `type` as well). */
  body: Record<string, unknown>;
}

export interface WebhookDispatcherOptions {
  /** Signs every delivery; without it nothing is sent (an unsigned webhook could be forged by anyone). */
  secret?: string;
  /** Attempts per event, the first included. */
  maxAttempts: number;
  /** The wait before the second attempt; it doubles for each one after, up to `maxDelayMs`. */
  retryBaseMs: number;
  maxDelayMs?: number;
  /** How long one attempt may take before it counts as failed. */
  timeoutMs: number;
  deliveries: DeliveryStore;
  logger: Logger;
  fetch?: typeof fetch;
}

/**
 * Sends signed webhook events in the background: `send` returns at once, so no answer waits for a
 * receiver. A failed attempt (an error, a timeout, any status but 2xx) is retried with exponential
 * backoff up to `maxAttempts`; every attempt is recorded. Retries live in this process: a replica
 * that stops gives up the retries it still had pending (each recorded attempt shows where it stopped).
 */
export class WebhookDispatcher {
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly inFlight = new Set<Promise<void>>();
  private readonly aborter = new AbortController();
  private stopped = false;
  private warnedNoSecret = false;

  constructor(private readonly opts: WebhookDispatcherOptions) {}

  send(url: string | undefined, event: WebhookEvent): void {
    if (!url || this.stopped) return;
    if (!this.opts.secret) {
      if (!this.warnedNoSecret) this.opts.logger.warn({ url: new URL(url).host }, 'a webhook URL is set but WEBHOOK_SECRET is not: nothing is sent');
      this.warnedNoSecret = true;
      return;
    }
    this.attempt(url, event, 1);
  }

  private attempt(url: string, event: WebhookEvent, n: number): void {
    const run = this.deliver(url, event, n).finally(() => this.inFlight.delete(run));
    this.inFlight.add(run);
  }

  private async deliver(url: string, event: WebhookEvent, n: number): Promise<void> {
    const body = JSON.stringify(event.body);
    const timestamp = Math.floor(Date.now() / 1000);
    const started = performance.now();
    let statusCode: number | null = null;
    let error: string | null = null;
    try {
      const res = await (this.opts.fetch ?? fetch)(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'foresight-webhooks/1',
          [SIGNATURE_HEADER]: signatureHeader(this.opts.secret!, timestamp, body),
          'Foresight-Event': event.type,
          'Foresight-Delivery': event.id,
          'Foresight-Attempt': String(n),
        },
        body,
        redirect: 'manual',
        signal: AbortSignal.any([AbortSignal.timeout(this.opts.timeoutMs), this.aborter.signal]),
      });
      statusCode = res.status;
      // Drain the body so the connection can be reused; its content is the receiver's business.
      await res.arrayBuffer().catch(() => undefined);
      if (res.status < 200 || res.status >= 300) error = `HTTP ${res.status}`;
    } catch (err) {
      error = (err as Error).name === 'TimeoutError' ? `no answer within ${this.opts.timeoutMs} ms` : ((err as Error).message || String(err));
    }
    const delivered = error === null;
    await this.opts.deliveries
      .record({ eventId: event.id, eventType: event.type, evaluationId: event.evaluationId, url, attempt: n, statusCode, error, delivered, durationMs: Math.round((performance.now() - started) * 10) / 10 })
      .catch((err) => this.opts.logger.warn({ err, event: event.id }, 'a webhook delivery attempt could not be recorded'));
    if (delivered || this.stopped) return;
    if (n >= this.opts.maxAttempts) {
      this.opts.logger.warn({ event: event.id, type: event.type, attempts: n, error }, 'webhook not delivered; giving up');
      return;
    }
    const delay = Math.min(this.opts.retryBaseMs * 2 ** (n - 1), this.opts.maxDelayMs ?? 300_000);
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.attempt(url, event, n + 1);
    }, delay);
    timer.unref();
    this.timers.add(timer);
  }

  /** Stops retrying and waits (bounded by the attempt timeout) for attempts already under way. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.aborter.abort();
    await Promise.allSettled([...this.inFlight]);
  }
}
