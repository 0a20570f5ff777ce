// Search keys: lower case, accents folded, ligatures spelt out, spaces single.
const LIGATURES: Record<string, string> = { æ: 'ae', Æ: 'ae', œ: 'oe', Œ: 'oe', ß: 'ss' };

export function nameKey(name: string): string {
  return name
    .replace(/[æÆœŒß]/g, (c) => LIGATURES[c] ?? c)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
