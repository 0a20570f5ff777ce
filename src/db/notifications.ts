// Change notifications from the database, so every server empties its caches
// within moments of a write made anywhere (another server, a CLI import): the
// migration's triggers NOTIFY concord_changes with the table's name; one
// dedicated connection a process LISTENs. While it is down (connecting,
// network lost) `live` is false and the caches fall back to polling; when it
// is back everyone is told 'all', since notifications may have been missed.
import type pg from 'pg';

/** The tables a statement changed, or 'all' when the feed cannot say (it was down). */
export type Changed = ReadonlySet<string> | 'all';

export interface ChangeFeed {
  /** True while notifications arrive: a cache may then skip its own polling. */
  readonly live: boolean;
  subscribe(fn: (changed: Changed) => void): () => void;
  close(): Promise<void>;
}

export const CHANGES_CHANNEL = 'concord_changes';

/** A feed that never says anything (PGlite: one process; the caches poll). */
export function silentFeed(): ChangeFeed {
  return { live: false, subscribe: () => () => undefined, close: async () => undefined };
}

const RETRY_MS = 1000;
const HEARTBEAT_MS = 5000;

export function listenFeed(connect: () => pg.Client): ChangeFeed {
  const subscribers = new Set<(changed: Changed) => void>();
  let client: pg.Client | null = null;
  let live = false;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;
  let heartbeat: NodeJS.Timeout | undefined;
  const tell = (changed: Changed) => { for (const fn of subscribers) fn(changed); };

  const lost = (c: pg.Client) => {
    if (client !== c) return;
    client = null;
    live = false;
    clearInterval(heartbeat);
    c.end().catch(() => undefined);
    if (!closed) retry = setTimeout(open, RETRY_MS);
  };

  async function open(): Promise<void> {
    const c = connect();
    client = c;
    c.on('error', () => lost(c));
    c.on('end', () => lost(c));
    c.on('notification', (m) => { if (m.channel === CHANGES_CHANNEL) tell(new Set([m.payload ?? ''])); });
    try {
      await c.connect();
      await c.query(`LISTEN ${CHANGES_CHANNEL}`);
      if (closed || client !== c) { await c.end().catch(() => undefined); return; }
      live = true;
      tell('all'); // whatever changed while it was down
      // A black-holed network closes nothing: a query that never answers ends the client (its deadline).
      heartbeat = setInterval(() => { c.query('select 1').catch(() => lost(c)); }, HEARTBEAT_MS);
      heartbeat.unref();
    } catch {
      lost(c);
    }
  }

  void open();
  return {
    get live() { return live; },
    subscribe(fn) { subscribers.add(fn); return () => { subscribers.delete(fn); }; },
    async close() {
      closed = true;
      live = false;
      clearTimeout(retry);
      clearInterval(heartbeat);
      const c = client;
      client = null;
      await c?.end().catch(() => undefined);
    },
  };
}
