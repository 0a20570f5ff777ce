import { createHash, hash as oneShotHash } from 'node:crypto';

/** gnparser's namespace for name-string ids (UUID v5 of the verbatim name). */
export const GN_NAMESPACE = '90181196-fecf-5082-a4c1-411d4f314cda';

const NS_BYTES = Buffer.from(GN_NAMESPACE.replace(/-/g, ''), 'hex');
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function format(h: Uint8Array): string {
  return HEX[h[0]] + HEX[h[1]] + HEX[h[2]] + HEX[h[3]] + '-' + HEX[h[4]] + HEX[h[5]] + '-' +
    HEX[(h[6] & 0x0f) | 0x50] + HEX[h[7]] + '-' + HEX[(h[8] & 0x3f) | 0x80] + HEX[h[9]] + '-' +
    HEX[h[10]] + HEX[h[11]] + HEX[h[12]] + HEX[h[13]] + HEX[h[14]] + HEX[h[15]];
}

/** RFC 4122 UUID version 5 (SHA-1) of `name` in `namespace` (default: gnparser's). */
export function uuidV5(name: string, namespace: Buffer = NS_BYTES): string {
  if (namespace === NS_BYTES && typeof oneShotHash === 'function') {
    const buf = Buffer.allocUnsafe(16 + Buffer.byteLength(name, 'utf8'));
    NS_BYTES.copy(buf, 0);
    buf.write(name, 16, 'utf8');
    return format(oneShotHash('sha1', buf, 'buffer') as unknown as Uint8Array);
  }
  return format(createHash('sha1').update(namespace).update(name, 'utf8').digest());
}
