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
});
