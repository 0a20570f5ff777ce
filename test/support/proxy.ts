// A TCP proxy in front of the PostgreSQL server that a test can stall: while
// stalled it holds every byte both ways without closing anything, as a
// black-holed network does (TCP keeps the connections open; nothing answers).
import net from 'node:net';

export interface StallableProxy {
  url: string;
  port: number;
  stall(): void;
  /** Deliver what was held and forward again. */
  resume(): void;
  close(): Promise<void>;
}

export async function startProxy(target: { host: string; port: number }, databaseUrl: string): Promise<StallableProxy> {
  let stalled = false;
  let held: [net.Socket, Buffer][] = [];
  const sockets = new Set<net.Socket>();
  const forward = (from: net.Socket, to: net.Socket) => {
    from.on('data', (chunk) => { if (stalled) held.push([to, chunk]); else to.write(chunk); });
    from.on('close', () => to.destroy());
    from.on('error', () => to.destroy());
  };
  const server = net.createServer((client) => {
    const upstream = net.connect(target.port, target.host);
    for (const s of [client, upstream]) { sockets.add(s); s.on('close', () => sockets.delete(s)); }
    forward(client, upstream);
    forward(upstream, client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  const url = new URL(databaseUrl);
  url.host = `127.0.0.1:${port}`;
  return {
    url: url.toString(),
    port,
    stall: () => { stalled = true; },
    resume: () => {
      stalled = false;
      for (const [to, chunk] of held) if (!to.destroyed) to.write(chunk);
      held = [];
    },
    close: () => new Promise<void>((resolve) => { for (const s of sockets) s.destroy(); server.close(() => resolve()); }),
  };
}
