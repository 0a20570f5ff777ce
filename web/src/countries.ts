// Country helpers: the name in the UI language and Party membership.
import type { Country, Membership } from './api';

export function countryLabel(c: Pick<Country, 'name'>, lang: string): string {
  return (lang === 'fr' ? c.name.fr : lang === 'es' ? c.name.es : null) ?? c.name.en;
}

export function partySince(c: Country, convention: 'CITES' | 'CMS'): Membership {
  return c.parties?.[convention] ?? { party: false, since: null };
}
