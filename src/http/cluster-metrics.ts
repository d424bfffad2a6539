import cluster from 'node:cluster';
import { AggregatorRegistry, type Registry } from 'prom-client';

/**
 * /metrics under WORKERS > 1. A scrape reaches one worker, which holds only its own counts; the primary holds no
 * metrics but can ask every worker for theirs (prom-client's AggregatorRegistry, over the cluster's IPC channel), so the
 * worker that got the scrape asks the primary, and the answer is the sum over the workers, as one replica's would be.
 */

const REQUEST = 'foresight:cluster-metrics-req';
const RESPONSE = 'foresight:cluster-metrics-res';
/** Past prom-client's own 5 s wait for the workers, the worker gives up on the primary. */
const ASK_TIMEOUT_MS = 7_000;

interface MetricsReply {
  type: typeof RESPONSE;
  id: number;
  text?: string;
  error?: string;
}

/**
 * In a worker: this registry is the one the primary's aggregator collects. prom-client answers the primary's requests
 * only once an AggregatorRegistry has been built in the process (its constructor adds the worker's IPC listener).
 */
export function shareWithCluster(registry: Registry): void {
  if (!cluster.isWorker) return;
  new AggregatorRegistry();
  AggregatorRegistry.setRegistries([registry]);
}

/** In the primary: answers a worker's request with the metrics of every worker, summed. */
export function serveClusterMetrics(): void {
  const aggregator = new AggregatorRegistry();
  cluster.on('message', (worker, message: { type?: string; id?: number }) => {
    if (message?.type !== REQUEST || typeof message.id !== 'number') return;
    const id = message.id;
    aggregator.clusterMetrics().then(
      (text) => worker.isConnected() && worker.send({ type: RESPONSE, id, text } satisfies MetricsReply),
      (err: Error) => worker.isConnected() && worker.send({ type: RESPONSE, id, error: err.message } satisfies MetricsReply),
    );
  });
}

let nextId = 1;

/** In a worker: the whole cluster's metrics text, from the primary; rejects when the primary does not answer in time. */
export function clusterMetricsText(): Promise<string> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    const onMessage = (message: MetricsReply) => {
      if (message?.type !== RESPONSE || message.id !== id) return;
      clearTimeout(timer);
      process.off('message', onMessage);
      if (message.error !== undefined || message.text === undefined) reject(new Error(`the cluster's metrics could not be gathered: ${message.error ?? 'no text'}`));
      else resolve(message.text);
    };
    const timer = setTimeout(() => {
      process.off('message', onMessage);
      reject(new Error('the primary did not answer with the cluster metrics in time'));
    }, ASK_TIMEOUT_MS);
    process.on('message', onMessage);
    process.send!({ type: REQUEST, id });
  });
}

export const inCluster = (): boolean => cluster.isWorker && typeof process.send === 'function';
