// Configuration is read and validated once: a bad value is a clear error at start, never a NaN limit.
import { describe, expect, it } from 'vitest';
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
  });
});
