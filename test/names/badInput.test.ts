/** Bad input never throws: it becomes parsed=false / NONE with a warning saying why. */
import { describe, expect, it } from 'vitest';
import { buildMatchIndex, parse } from '../../src/names/index.js';

const invalidUtf8 = Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1]).toString('utf8');
const binary = Buffer.from(Array.from({ length: 64 }, (_, i) => (i * 37) % 256)).toString('latin1');

const BAD: [string, string, RegExp][] = [
  ['empty', '', /empty/i],
  ['only spaces', '   \t ', /empty/i],
  ['10 kB line', 'Panthera leo '.repeat(800), /longer than/i],
  ['invalid UTF-8 (U+FFFD)', invalidUtf8, /UTF-8/],
  ['control characters', 'Panthera\u0000leo\u0007', /control/i],
  ['HTML markup only', '<div><script>alert(1)</script></div>', /not a scientific name|HTML/i],
  ['binary junk', binary, /control|UTF-8|not a scientific name/i],
  ['a sentence', 'the quick brown fox', /not a scientific name/i],
  ['numbers', '1234 5678', /not a scientific name/i],
];

describe('bad input', () => {
  const index = buildMatchIndex([{ taxonId: '1', scientificName: 'Panthera leo (Linnaeus, 1758)', status: 'accepted' }]);

  it.each(BAD)('%s → parsed=false with a warning', (_label, input, why) => {
    const p = parse(input);
    expect(p.parsed).toBe(false);
    expect(p.quality).toBe(0);
    expect(p.warnings.join('; ')).toMatch(why);
  });

  it.each(BAD)('%s → match NONE with a warning', (_label, input) => {
    const r = index.match(input);
    expect(r.matchType).toBe('NONE');
    expect(r.warnings.length).toBeGreaterThan(0);
  });

  it('a name in HTML italics is still read, with a warning (as gnparser)', () => {
    const p = parse('<i>Panthera leo</i> (Linnaeus, 1758)');
    expect(p.parsed).toBe(true);
    expect(p.canonical?.simple).toBe('Panthera leo');
    expect(p.warnings).toContain('HTML tags or entities in the name');
  });

  it('non-string input from JavaScript callers does not throw', () => {
    expect(parse(undefined as unknown as string).parsed).toBe(false);
    expect(index.match(null as unknown as string).matchType).toBe('NONE');
  });
});
