// Compression as clients see it: in-memory answers are compressed in one
// synchronous call (src/api/compression.ts), streamed answers by
// @fastify/compress; either way the body decodes to the same JSON, the ETag
// does not depend on the encoding and small answers go as they are.
import zlib from 'node:zlib';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { seedApiData } from './fixtures.js';
import { apiClient, type ApiClient } from './support.js';

const decode = (encoding: unknown, body: Buffer): string =>
  encoding === 'br' ? zlib.brotliDecompressSync(body).toString('utf8')
    : encoding === 'gzip' ? zlib.gunzipSync(body).toString('utf8')
      : encoding === 'deflate' ? zlib.inflateSync(body).toString('utf8') : body.toString('utf8');

describeEachDatabase('response compression', (get) => {
  let api: ApiClient;
  beforeAll(async () => { await seedApiData(get()); api = await apiClient(get()); }, 120_000);
  afterAll(async () => { await api?.app.close(); });

  it('negotiates br, gzip or deflate by the client\'s preference and q-values; the body and ETag are the same', async () => {
    const url = '/api/v1/taxa?name_status=any&per_page=50';
    const plain = await api.call(url);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.rawPayload.length).toBeGreaterThan(1024);
    for (const [accept, expected] of [['br', 'br'], ['gzip, deflate, br', 'br'], ['gzip', 'gzip'], ['br;q=0, gzip;q=0.5, deflate', 'deflate'], ['x-gzip', 'gzip'], ['identity', undefined], ['zstd', undefined]] as const) {
      const res = await api.app.inject({ url, headers: { 'accept-encoding': accept } });
      expect(res.statusCode, accept).toBe(200);
      expect(res.headers['content-encoding'], accept).toBe(expected);
      expect(decode(res.headers['content-encoding'], res.rawPayload), accept).toBe(plain.body);
      expect(res.headers.etag, accept).toBe(plain.headers.etag);
      if (expected) {
        expect(res.headers.vary, accept).toMatch(/accept-encoding/i);
        expect(res.rawPayload.length, accept).toBeLessThan(plain.rawPayload.length / 2);
      }
    }
    const notModified = await api.app.inject({ url, headers: { 'accept-encoding': 'br', 'if-none-match': plain.headers.etag as string } });
    expect(notModified.statusCode).toBe(304);
  });

  it('leaves small answers and x-no-compression requests uncompressed', async () => {
    const small = await api.app.inject({ url: '/health', headers: { 'accept-encoding': 'br' } });
    expect(small.rawPayload.length).toBeLessThan(1024);
    expect(small.headers['content-encoding']).toBeUndefined();
    const refused = await api.app.inject({ url: '/api/v1/taxa?name_status=any&per_page=50', headers: { 'accept-encoding': 'br', 'x-no-compression': '1' } });
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(refused.body).length).toBeGreaterThan(0);
  });

  it('still compresses streamed answers (the NDJSON export)', async () => {
    const res = await api.app.inject({ url: '/exports/ndjson', headers: { 'accept-encoding': 'gzip' } });
    expect(res.headers['content-encoding']).toBe('gzip');
    const lines = decode('gzip', res.rawPayload).trim().split('\n');
    expect(lines.length).toBeGreaterThan(10);
    expect(JSON.parse(lines[0]).id).toBeTypeOf('number');
  });
});
