/**
 * Keys for common names: case, accents, ligatures, punctuation and spacing
 * folded ("Léopard des neiges", "leopard des neiges", "Snow-Leopard" and
 * "snow leopard" meet). Pure.
 */

/** One key: lower case ASCII letters and digits (other scripts kept), single spaces. */
export function vernacularKey(name: string): string {
  let s = name;
  // eslint-disable-next-line no-control-regex
  if (/[^\x00-\x7f]/.test(s)) {
    s = s.replace(/ß/g, 'ss').replace(/[æÆ]/g, 'ae').replace(/[œŒ]/g, 'oe').replace(/[øØ]/g, 'o').replace(/[łŁ]/g, 'l')
      .normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  }
  return s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/**
 * Keys a recorded common name is found by: the whole name and, when the
 * source packed several names into one cell ("Hawks, Eagles"), each of them.
 */
export function vernacularKeys(name: string): string[] {
  const whole = vernacularKey(name);
  const out = whole ? [whole] : [];
  if (name.includes(',') || name.includes(';')) {
    for (const part of name.split(/[,;]/)) {
      const k = vernacularKey(part);
      if (k && !out.includes(k)) out.push(k);
    }
  }
  return out;
}
