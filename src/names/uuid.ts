import { createHash, hash as oneShotHash } from 'node:crypto';

/** gnparser's namespace for name-string ids (UUID v5 of the verbatim name). */
export const GN_NAMESPACE = '90181196-fecf-5082-a4c1-411d4f314cda';

const NS_BYTES = Buffer.from(GN_NAMESPACE.replace(/-/g, ''), 'hex');

/** RFC 4122 UUID version 5 (SHA-1) of `name` in `namespace`. */
export function uuidV5(name: string, namespace: Buffer = NS_BYTES): string {
  const hash = namespace === NS_BYTES && typeof oneShotHash === 'function'
    ? oneShotHash('sha1', Buffer.concat([NS_BYTES, Buffer.from(name, 'utf8')]), 'buffer')
    : createHash('sha1').update(namespace).update(name, 'utf8').digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.toString('hex', 0, 16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
