import http from 'node:http';
import https from 'node:https';
import { Readable } from 'node:stream';

export type Fetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

export interface KeepAliveFetch {
  fetch: Fetch;
  /** Destroys every pooled socket, idle or busy: nothing is left holding the process open. */
  close(): void;
}

function abortError(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('This operation was aborted', 'AbortError');
}

function bodyOf(body: RequestInit['body']): string | Uint8Array | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string' || body instanceof Uint8Array) return body;
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  throw new TypeError('keep-alive fetch sends only string or byte bodies');
}

function responseHeaders(raw: http.IncomingHttpHeaders): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else if (value !== undefined) headers.set(name, value);
  }
  return headers;
}

/**
 * A `fetch` over node:http with one keep-alive pool per backend. Node's global fetch shares a
 * process-wide pool that a backend cannot close; this one is owned, sized and closed with the adapter.
 */
export function createKeepAliveFetch(options: { maxSockets: number }): KeepAliveFetch {
  const agentOptions = { keepAlive: true, maxSockets: options.maxSockets, scheduling: 'lifo' as const };
  const agents = { http: new http.Agent(agentOptions), https: new https.Agent(agentOptions) };

  const fetchImpl: Fetch = (input, init = {}) =>
    new Promise<Response>((resolve, reject) => {
      const url = new URL(input instanceof Request ? input.url : input);
      const signal = init.signal ?? undefined;
      if (signal?.aborted) return reject(abortError(signal));
      const secure = url.protocol === 'https:';
      const body = bodyOf(init.body);
      const req = (secure ? https : http).request(url, {
        method: init.method ?? 'GET',
        headers: Object.fromEntries(new Headers(init.headers).entries()),
        agent: secure ? agents.https : agents.http,
      });
      let res: http.IncomingMessage | undefined;
      const onAbort = () => {
        const err = abortError(signal!);
        req.destroy(err instanceof Error ? err : undefined);
        res?.destroy(err instanceof Error ? err : undefined);
        reject(err);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      const detach = () => signal?.removeEventListener('abort', onAbort);
      req.on('error', (cause) => {
        detach();
        reject(new TypeError('fetch failed', { cause }));
      });
      req.on('response', (incoming) => {
        res = incoming;
        incoming.on('close', detach);
        const status = incoming.statusCode ?? 500;
        const nullBody = status === 204 || status === 304 || init.method === 'HEAD';
        const stream = nullBody ? null : (Readable.toWeb(incoming) as ReadableStream<Uint8Array>);
        if (nullBody) incoming.resume();
        resolve(new Response(stream, { status, statusText: incoming.statusMessage, headers: responseHeaders(incoming.headers) }));
      });
      req.end(body);
    });

  return {
    fetch: fetchImpl,
    close() {
      agents.http.destroy();
      agents.https.destroy();
    },
  };
}
