import net from 'node:net';

/**
 * How the database looks while the proxy is down:
 * - `refuse`: new connections are reset at once (a stopped server, a closed port);
 * - `blackhole`: new connections are accepted and never answered (a partition, a dropped route).
 * Connections already open are destroyed (the server went away), or with `stall`, kept open while
 * nothing passes either way (a partition: no FIN, no RST, only silence).
 */
export type DownMode = 'refuse' | 'blackhole';
export type ExistingConnections = 'destroy' | 'stall';

export interface TcpProxy {
  readonly port: number;
  /** `url` with its host and port replaced by the proxy's. */
  urlFor(url: string): string;
  down(mode?: DownMode, existing?: ExistingConnections): void;
  up(): void;
  /** Connections piped to the target now. */
  readonly piped: number;
  close(): Promise<void>;
}

/**
 * A TCP proxy on loopback between the service and a real server, to take the server away and give
 * it back without stopping it (other tests share it).
 */
export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  let mode: DownMode | 'up' = 'up';
  const piped = new Set<net.Socket>();
  const held = new Set<net.Socket>();
  const pairs = new Map<net.Socket, net.Socket>();

  const server = net.createServer((client) => {
    client.on('error', () => {});
    if (mode === 'refuse') return void client.resetAndDestroy();
    if (mode === 'blackhole') {
      held.add(client);
      client.on('close', () => held.delete(client));
      return;
    }
    const upstream = net.connect(target.port, target.host);
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
    for (const s of [client, upstream]) {
      piped.add(s);
      s.on('close', () => {
        piped.delete(s);
        (s === client ? upstream : client).destroy();
      });
    }
    pairs.set(client, upstream);
    client.on('close', () => pairs.delete(client));
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as net.AddressInfo).port;

  return {
    port,
    urlFor(url) {
      const u = new URL(url);
      u.hostname = '127.0.0.1';
      u.port = String(port);
      return u.toString();
    },
    down(m = 'refuse', existing = 'destroy') {
      mode = m;
      if (existing === 'destroy') for (const s of [...piped]) s.destroy();
      else
        for (const [client, upstream] of pairs) {
          // Whatever arrives is dropped on the floor, in both directions.
          client.unpipe(upstream);
          upstream.unpipe(client);
          for (const s of [client, upstream]) {
            s.on('data', () => {});
            held.add(s);
          }
        }
    },
    up() {
      mode = 'up';
      // Whoever waited on a blackholed connection sees it fail now, as after a partition heals.
      for (const s of [...held]) s.destroy();
    },
    get piped() {
      return piped.size / 2;
    },
    async close() {
      mode = 'refuse';
      for (const s of [...piped, ...held]) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
