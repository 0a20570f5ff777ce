// API rate limits: which limit a request falls under (a trusted network's, a
// route's own, a token's, the public's) and, on PostgreSQL, one count for all
// the servers on the database (rate_limit_hits, unlogged).
import net from 'node:net';
import type { FastifyRequest } from 'fastify';
import type { Config, Limit } from '../config.js';
import type { Database } from '../db/client.js';

export interface LimitRule { limit: Limit; id: string }

/** The limit of a trusted network (CONCORD_RATE_LIMIT_TRUSTED) and of a route (CONCORD_RATE_LIMIT_ROUTES), first match wins. */
export function limitRules(config: Pick<Config, 'rateLimitRoutes' | 'rateLimitTrusted'>) {
  const networks = config.rateLimitTrusted.map((t) => {
    const list = new net.BlockList();
    const [address, bits] = t.network.split('/');
    const family = net.isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (bits === undefined) list.addAddress(address, family); else list.addSubnet(address, Number(bits), family);
    return { list, limit: t.limit, id: `net:${t.network}` };
  });
  const routes = config.rateLimitRoutes.map((r) => ({ ...r, path: r.path.replace(/\{(\w+)\}/g, ':$1'), id: `route:${r.method ?? '*'} ${r.path}${r.prefix ? '*' : ''}` }));
  return {
    network(ip: string): LimitRule | null {
      const family = net.isIP(ip) === 6 ? 'ipv6' : 'ipv4';
      return networks.find((n) => n.list.check(ip, family)) ?? null;
    },
    route(req: FastifyRequest): LimitRule | null {
      const path = req.url.split('?')[0];
      const pattern = req.routeOptions.url ?? path;
      return routes.find((r) => (!r.method || r.method === req.method) && (r.prefix ? path.startsWith(r.path) : r.path === pattern || r.path === path)) ?? null;
    },
  };
}

type Incr = (key: string, cb: (err: Error | null, res?: { current: number; ttl: number }) => void, timeWindow: number, max: number) => void;

interface Count { key: string; window: number; known: number; pending: number; first: Promise<void> | null; learnedAt: number }

/** How often a server adds its hits to the shared count and learns the others'. */
const FLUSH_MS = 100;

/**
 * A @fastify/rate-limit store counting in fixed windows shared by every server on the database.
 * A key's first hit in a window, and its first after 100 ms without news, adds itself to the
 * database and learns the total (so a limit another server reached applies from that request);
 * hits in between count here and are added within 100 ms in one statement. A server may so
 * overshoot by the hits it took in the last 100 ms, never more.
 * When the database does not answer, the hits are counted here alone (the limit still holds per server).
 */
export function sharedStore(database: Database): new () => { incr: Incr; child(): unknown } {
  const counts = new Map<string, Count>();
  let timer: NodeJS.Timeout | null = null;
  let flushes = 0;

  async function add(rows: { key: string; window: number; hits: number }[]): Promise<Map<string, number>> {
    const res = await database.query<{ key: string; window_start: string; hits: number }>(
      `insert into rate_limit_hits (key, window_start, hits)
       select * from unnest($1::text[], $2::bigint[], $3::int[])
       on conflict (key, window_start) do update set hits = rate_limit_hits.hits + excluded.hits
       returning key, window_start, hits`,
      [rows.map((r) => r.key), rows.map((r) => r.window), rows.map((r) => r.hits)]);
    return new Map(res.map((r) => [`${r.window_start}:${r.key}`, Number(r.hits)]));
  }

  async function flush(): Promise<void> {
    timer = null;
    const now = Date.now();
    const batch: [string, Count, number][] = [];
    for (const [id, c] of counts) {
      if (c.pending > 0 && !c.first) { batch.push([id, c, c.pending]); c.pending = 0; }
      else if (!c.pending && !c.first && c.window < now - 120_000) counts.delete(id); // past windows (the longest is minutes)
    }
    if (!batch.length) return;
    try {
      const totals = await add(batch.map(([, c, hits]) => ({ key: c.key, window: c.window, hits })));
      for (const [id, c, hits] of batch) c.known = totals.get(id) ?? c.known + hits;
    } catch {
      for (const [, c, hits] of batch) c.known += hits;
    }
    for (const [, c] of batch) c.learnedAt = Date.now();
    // Now and then forget windows long past (any server may).
    if (++flushes % 200 === 0) await database.query('delete from rate_limit_hits where window_start < $1', [now - 3_600_000]).catch(() => undefined);
  }

  const later = () => { timer ??= setTimeout(() => { void flush(); }, FLUSH_MS); timer.unref(); };

  return class SharedStore {
    incr(key: string, cb: Parameters<Incr>[1], timeWindow: number): void {
      const now = Date.now();
      const window = Math.floor(now / timeWindow) * timeWindow;
      const ttl = window + timeWindow - now;
      const id = `${window}:${key}`;
      let c = counts.get(id);
      if (!c) { c = { key, window, known: 0, pending: 0, first: null, learnedAt: 0 }; counts.set(id, c); }
      const count = c;
      if (count.first) { // the database is being asked: wait for its total
        const mine = ++count.pending;
        count.first.then(() => cb(null, { current: count.known + mine, ttl }), () => undefined);
        return;
      }
      if (now - count.learnedAt >= FLUSH_MS) { // new or not heard of for 100 ms: add this hit and learn the total
        const hits = count.pending + 1;
        count.pending = 0;
        count.first = add([{ key, window, hits }])
          .then((t) => { count.known = t.get(id) ?? count.known + hits; }, () => { count.known += hits; })
          .finally(() => { count.first = null; count.learnedAt = Date.now(); if (count.pending) later(); });
        count.first.then(() => cb(null, { current: count.known, ttl }), () => undefined);
        return;
      }
      count.pending++;
      later();
      cb(null, { current: count.known + count.pending, ttl });
    }

    child() { return new SharedStore(); }
  };
}
