// Compression of in-memory responses (JSON answers, problem documents):
// synchronously, in one call. @fastify/compress turns every body into a
// stream through four stream layers, which on a 5 kB autocomplete answer
// cost more CPU than the query; it still compresses the streamed answers
// (NDJSON export, files), which this hook leaves alone.
import zlib from 'node:zlib';
import negotiate from '@fastify/accept-negotiator';
import type { FastifyReply, FastifyRequest } from 'fastify';

const ENCODINGS = ['br', 'gzip', 'deflate'] as const;
type Encoding = (typeof ENCODINGS)[number];

/** Content types worth compressing, parameters allowed ('; charset=utf-8'). */
export const COMPRESSIBLE = /^text\/|\+json\b|^application\/(json|x-ndjson)\b/;

export interface CompressOptions {
  /** Bodies below this many bytes go as they are (default 1024). */
  threshold: number;
  /** Bodies above this go to the streaming compressor instead (default 1 MB). */
  maxInMemory: number;
  brotliQuality: number;
}

function compressEncoded(body: Buffer, encoding: Encoding, brotliQuality: number): Buffer {
  if (encoding === 'br') {
    return zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: brotliQuality, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length } });
  }
  return encoding === 'gzip' ? zlib.gzipSync(body) : zlib.deflateSync(body);
}

/** An onSend hook: compress a string or Buffer body the client accepts compressed. */
export function compressInMemory(opts: CompressOptions) {
  return async (req: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown> => {
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    if (reply.getHeader('content-encoding') || req.headers['x-no-compression'] !== undefined) return payload;
    const accept = req.headers['accept-encoding'];
    if (!accept) return payload;
    const size = typeof payload === 'string' ? Buffer.byteLength(payload) : payload.length;
    if (size < opts.threshold || size > opts.maxInMemory) return payload;
    if (!COMPRESSIBLE.test(String(reply.getHeader('content-type') ?? 'application/json'))) return payload;
    const encoding = negotiate(accept.toLowerCase().replace(/\bx-gzip\b/g, 'gzip'), [...ENCODINGS]);
    if (!encoding) return payload;
    reply.header('content-encoding', encoding);
    reply.header('vary', mergeVary(reply.getHeader('vary')));
    reply.removeHeader('content-length');
    return compressEncoded(typeof payload === 'string' ? Buffer.from(payload) : payload, encoding, opts.brotliQuality);
  };
}

function mergeVary(current: unknown): string {
  const values = String(current ?? '').split(',').map((v) => v.trim()).filter(Boolean);
  if (values.some((v) => v === '*' || v.toLowerCase() === 'accept-encoding')) return values.join(', ');
  return [...values, 'Accept-Encoding'].join(', ');
}
