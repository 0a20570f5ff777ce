// HTTP behaviour every route shares: ETag / If-None-Match, gzip and brotli,
// CORS for reading, rate limits (higher with an API token, per route and per
// trusted network, shared by the servers of a PostgreSQL database), request ids.
import zlib from 'node:zlib';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import etag from '@fastify/etag';
import compress from '@fastify/compress';
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import { problems } from './problems.js';
import { validToken } from '../auth/repository.js';
import { hashSecret } from '../auth/tokens.js';
import { loadConfig, type Config } from '../config.js';
import { COMPRESSIBLE, compressInMemory } from './compression.js';
import { limitRules, sharedStore } from './rateLimits.js';

export interface RateLimitOptions {
  /** Requests a minute without a token (default CONCORD_RATE_LIMIT or 600). */
  max?: number;
  /** Requests a minute with a valid API token (default CONCORD_RATE_LIMIT_TOKEN or 6000). */
  tokenMax?: number;
  /** Window in ms (default one minute). */
  timeWindow?: number;
  /** Per-route and per-network limits (default CONCORD_RATE_LIMIT_ROUTES and CONCORD_RATE_LIMIT_TRUSTED). */
  rules?: Pick<Config, 'rateLimitRoutes' | 'rateLimitTrusted'>;
}

export async function registerHttpBehaviour(app: FastifyInstance, opts: { rateLimit?: RateLimitOptions | false }): Promise<void> {
  app.addHook('onSend', async (req, reply) => { reply.header('X-Request-Id', req.id); });
  // PostgreSQL text cannot hold NUL: refuse it in any parameter before a query sees it.
  app.addHook('preValidation', async (req) => {
    for (const [where, values] of [['querystring', req.query], ['params', req.params]] as const) {
      for (const [k, v] of Object.entries((values ?? {}) as Record<string, unknown>)) {
        if ([v].flat().some((x) => typeof x === 'string' && (x.includes('\u0000') || x.includes('\uFFFD')))) {
          throw problems.badRequest(`${where} '${k}' must be text without NUL bytes or invalid UTF-8`, k);
        }
      }
    }
    // A JSON body: no NUL or other control characters (tab and line breaks are text) in any string, at any depth.
    if (req.body && typeof req.body === 'object') {
      const bad = controlCharacterAt(req.body, '');
      if (bad !== null) throw problems.badRequest(`body '${bad}' must be text without NUL bytes or other control characters`, bad);
    }
  });
  // Ajv coerces '1e400' to Infinity and lets it through as an "integer": catch non-finite numbers after coercion.
  app.addHook('preHandler', async (req) => {
    for (const [k, v] of Object.entries((req.query ?? {}) as Record<string, unknown>)) {
      if (typeof v === 'number' && !Number.isSafeInteger(v) && !Number.isFinite(v)) throw problems.badRequest(`querystring '${k}' must be a whole number, got ${v}`, k);
    }
  });
  // Security headers (OWASP ASVS 14.4), one precomputed set. @fastify/helmet gave the same headers
  // at half the cached taxon-detail throughput (2,170 vs 4,285 req/s, interleaved runs, docs/operations.md).
  app.addHook('onRequest', async (_req, reply) => { reply.headers(SECURITY_HEADERS); });
  await app.register(cors, { origin: '*', methods: ['GET', 'HEAD', 'OPTIONS'], exposedHeaders: ['Link', 'Total-Count', 'ETag', 'Retry-After', 'X-Request-Id'] });
  // ETag first so it hashes the body before compression turns it into a stream.
  await app.register(etag, { weak: true });
  app.addHook('onSend', compressInMemory({ threshold: 1024, maxInMemory: 1 << 20, brotliQuality: 4 }));
  await app.register(compress, {
    threshold: 1024,
    customTypes: COMPRESSIBLE, // with parameters: 'application/x-ndjson; charset=utf-8' went uncompressed
    encodings: ['br', 'gzip', 'deflate'],
    brotliOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } },
  });
  if (opts.rateLimit === false) return;
  const config = loadConfig();
  const max = opts.rateLimit?.max ?? config.rateLimit;
  const tokenMax = opts.rateLimit?.tokenMax ?? config.rateLimitToken;
  const rules = limitRules(opts.rateLimit?.rules ?? config);
  const tokens = new TokenCheck(app);
  // Which limit: a trusted network's (every route, per address), else a route's own (counted apart), else a token's or the public's.
  const timeWindow = opts.rateLimit?.timeWindow ?? 60_000;
  const per = timeWindow === 60_000 ? 'a minute' : `in ${timeWindow / 1000} s`;
  const ruleOf = (req: FastifyRequest) => rules.network(req.ip) ?? rules.route(req);
  await app.register(rateLimit, {
    global: true,
    timeWindow,
    // One count for every server on a PostgreSQL database; PGlite is one process's.
    ...(app.database.kind === 'postgres' ? { store: sharedStore(app.database) as never } : {}),
    // Probes are the load balancer's and the supervisor's: never limited.
    allowList: (req) => PROBES.has(req.url) || ruleOf(req)?.limit === 'off',
    max: async (req) => {
      const rule = ruleOf(req);
      if (rule) return rule.limit as number;
      return (await tokens.valid(req)) ? tokenMax : max;
    },
    keyGenerator: async (req) => {
      const rule = ruleOf(req);
      const who = rule?.id.startsWith('net:') || !(await tokens.valid(req)) ? `ip:${req.ip}` : `token:${tokens.hash(req)}`;
      return rule ? `${who}|${rule.id}` : who;
    },
    errorResponseBuilder: (req, ctx) => problems.tooManyRequests(
      `At most ${ctx.max} requests ${per} ${ruleOf(req) ? (ruleOf(req)!.id.startsWith('net:') ? 'from this network' : 'on this route') : tokens.given(req) ? 'with this token' : 'without a token; send X-Authentication-Token for a higher limit'}; retry after ${ctx.after}.`,
    ),
  });
}

const PROBES = new Set(['/health/live', '/health/ready']);

/**
 * API tokens of the tracker (api_tokens.token_hash = sha256 hex), cached for a minute; emptied
 * when the database notifies a change of tokens or users (a revocation, a user disabled), on any server.
 */
class TokenCheck {
  private cache = new Map<string, { ok: boolean; at: number }>();
  constructor(private app: FastifyInstance) {
    const unsubscribe = app.database.changes().subscribe((changed) => {
      if (changed === 'all' || changed.has('api_tokens') || changed.has('users')) this.cache.clear();
    });
    app.addHook('onClose', async () => { unsubscribe(); });
  }

  given(req: FastifyRequest): string | null {
    const h = req.headers['x-authentication-token'] ?? req.headers.authorization?.replace(/^Bearer\s+/i, '');
    return typeof h === 'string' && h.length > 0 && h.length <= 200 ? h : null;
  }

  hash(req: FastifyRequest): string {
    return hashSecret(this.given(req) ?? '');
  }

  async valid(req: FastifyRequest): Promise<boolean> {
    if (!this.given(req)) return false;
    const key = this.hash(req);
    const hit = this.cache.get(key);
    if (hit && Date.now() - hit.at < 60_000) return hit.ok;
    let ok = false;
    try {
      ok = (await validToken(this.app.database.db, this.given(req)!)) !== null; // the repository's check: a disabled user's token counts for nothing
    } catch { ok = false; } // no tracker tables yet: every token counts as absent
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(key, { ok, at: Date.now() });
    return ok;
  }
}

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** The path of the first string holding a control character, or null. */
function controlCharacterAt(value: unknown, at: string, depth = 0): string | null {
  if (typeof value === 'string') return CONTROL.test(value) ? (at || '(body)') : null;
  if (!value || typeof value !== 'object' || depth > 32) return null;
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const found = controlCharacterAt(v, at ? `${at}.${k}` : k, depth + 1);
    if (found !== null) return found;
  }
  return null;
}

/** A CSP allowing only our own scripts, no framing, nosniff, no referrer to other sites (HSTS is the TLS front's). */
const SECURITY_HEADERS = {
  'content-security-policy': ["default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data:", "connect-src 'self'",
    "font-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'"].join('; '),
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'cross-origin-resource-policy': 'cross-origin', // the API is read from other sites (CORS)
} as const;
