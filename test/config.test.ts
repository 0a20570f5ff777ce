// Configuration is read and validated once: a bad value is a clear error at start, never a NaN limit.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../src/config.js';

describe('loadConfig', () => {
  it('reads the defaults and the rate limits', () => {
    expect(loadConfig({})).toMatchObject({ port: 3000, host: '127.0.0.1', rateLimit: 600, rateLimitToken: 6000 });
    expect(loadConfig({ CONCORD_RATE_LIMIT: '1200', CONCORD_RATE_LIMIT_TOKEN: '20000' })).toMatchObject({ rateLimit: 1200, rateLimitToken: 20000 });
  });
  it('refuses a bad value, naming the variable and the value', () => {
    expect(() => loadConfig({ CONCORD_RATE_LIMIT: 'abc' })).toThrow(/CONCORD_RATE_LIMIT must be a whole number .* got 'abc'/);
    expect(() => loadConfig({ CONCORD_RATE_LIMIT_TOKEN: '0' })).toThrow(/CONCORD_RATE_LIMIT_TOKEN/);
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT must be a port number/);
    expect(() => loadConfig({ CONCORD_NAME_QUEUE: 'lots' })).toThrow(/CONCORD_NAME_QUEUE must be .* got 'lots'/);
    expect(() => loadConfig({ CONCORD_NAME_THREADS: '-1' })).toThrow(/CONCORD_NAME_THREADS/);
    expect(() => loadConfig({ CONCORD_PG_POOL: '0' })).toThrow(/CONCORD_PG_POOL/);
    expect(() => loadConfig({ CONCORD_INSECURE_COOKIES: 'yes please' })).toThrow(/CONCORD_INSECURE_COOKIES must be 1 or 0/);
  });
  it('reads every other variable Concord knows, here and nowhere else in src/', () => {
    expect(loadConfig({})).toMatchObject({ insecureCookies: false, readCache: true, nameQueue: 200, pgPool: 10, nameThreads: undefined, secret: undefined });
    expect(loadConfig({ CONCORD_INSECURE_COOKIES: '1', CONCORD_READ_CACHE: '0', CONCORD_NAME_THREADS: '0', CONCORD_SECRET: 's', SPECIESPLUS_TOKEN: 't' }))
      .toMatchObject({ insecureCookies: true, readCache: false, nameThreads: 0, secret: 's', speciesplusToken: 't' });
    const src = path.resolve(import.meta.dirname, '../src');
    const readers = (fs.readdirSync(src, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts') && f !== 'config.ts')
      .filter((f) => fs.readFileSync(path.join(src, f), 'utf8').includes('process.env'));
    expect(readers).toEqual([]);
  });
  it('reads the database timeouts and the shutdown waits, refusing nonsense', () => {
    expect(loadConfig({})).toMatchObject({ db: { statementTimeoutMs: 2000, longStatementTimeoutMs: 1_800_000, connectTimeoutMs: 2000 }, shutdownDelayMs: 0, shutdownTimeoutMs: 10_000 });
    expect(loadConfig({ CONCORD_DB_STATEMENT_TIMEOUT_MS: '500', CONCORD_SHUTDOWN_DELAY_MS: '0' })).toMatchObject({ db: { statementTimeoutMs: 500 }, shutdownDelayMs: 0 });
    expect(() => loadConfig({ CONCORD_DB_STATEMENT_TIMEOUT_MS: '2s' })).toThrow(/CONCORD_DB_STATEMENT_TIMEOUT_MS must be a whole number of milliseconds .* got '2s'/);
    expect(() => loadConfig({ CONCORD_DB_CONNECT_TIMEOUT_MS: '10' })).toThrow(/CONCORD_DB_CONNECT_TIMEOUT_MS .*100 or more/);
  });
  it('reads per-route and per-network rate limits and the trusted proxies', () => {
    const c = loadConfig({ CONCORD_RATE_LIMIT_ROUTES: 'POST /api/v1/names/match=60, /api/v1/exports/*=10', CONCORD_RATE_LIMIT_TRUSTED: '10.0.0.0/8=off,192.168.1.7=100000,::1=off', CONCORD_TRUST_PROXY: '127.0.0.1,10.1.0.0/16' });
    expect(c.rateLimitRoutes).toEqual([
      { method: 'POST', path: '/api/v1/names/match', prefix: false, limit: 60 },
      { method: null, path: '/api/v1/exports/', prefix: true, limit: 10 },
    ]);
    expect(c.rateLimitTrusted).toEqual([{ network: '10.0.0.0/8', limit: 'off' }, { network: '192.168.1.7', limit: 100000 }, { network: '::1', limit: 'off' }]);
    expect(c.trustProxy).toBe('127.0.0.1,10.1.0.0/16');
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(() => loadConfig({ CONCORD_RATE_LIMIT_ROUTES: '/api/v1/taxa' })).toThrow(/CONCORD_RATE_LIMIT_ROUTES: '\/api\/v1\/taxa' is not of the form/);
    expect(() => loadConfig({ CONCORD_RATE_LIMIT_ROUTES: 'FETCH /x=5' })).toThrow(/must name a route/);
    expect(() => loadConfig({ CONCORD_RATE_LIMIT_ROUTES: '/x=lots' })).toThrow(/=N .* or =off/);
    expect(() => loadConfig({ CONCORD_RATE_LIMIT_TRUSTED: '10.0.0.0/33=off' })).toThrow(/CONCORD_RATE_LIMIT_TRUSTED: '10.0.0.0\/33' is not an IP address/);
    expect(() => loadConfig({ CONCORD_TRUST_PROXY: 'nginx' })).toThrow(/CONCORD_TRUST_PROXY: 'nginx'/);
  });
});
