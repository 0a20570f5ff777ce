// Country helpers: the name in the UI language and Party membership dates,
// whatever of the API's membership shapes is present.
import type { Country } from './api';

export function countryLabel(c: Country, lang: string): string {
  return (lang === 'fr' ? c.nameFr : lang === 'es' ? c.nameEs : null) ?? c.nameEn ?? c.name;
}

export function partySince(c: Country, convention: 'CITES' | 'CMS'): { party: boolean; since: string | null } {
  const m = c.memberships?.find((x) => x.convention === convention);
  if (m) return { party: true, since: m.entryIntoForce };
  const v = convention === 'CITES' ? c.cites : c.cms;
  return v ? { party: Boolean(v.party), since: v.since ?? null } : { party: false, since: null };
}
