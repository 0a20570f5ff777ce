// Country helpers: the name in the UI language (from the knowledge base's
// country list, en/fr/es) and Party membership.
import { useTranslation } from 'react-i18next';
import { api, type Country, type Membership } from './api';
import { useApi } from './hooks';

export function countryLabel(c: Pick<Country, 'name'>, lang: string): string {
  return (lang === 'fr' ? c.name.fr : lang === 'es' ? c.name.es : null) ?? c.name.en;
}

export function partySince(c: Country, convention: 'CITES' | 'CMS'): Membership {
  return c.parties?.[convention] ?? { party: false, since: null };
}

/** A function naming an ISO code in the page's language; the code itself until the list has loaded or when unknown. */
export type CountryNamer = (iso2: string) => string;

export function useCountryNames(): CountryNamer {
  const { i18n } = useTranslation();
  const countries = useApi((s) => api.countries(s), []);
  const byIso2 = new Map((countries.data ?? []).map((c) => [c.iso2, c]));
  return (iso2) => { const c = byIso2.get(iso2.toUpperCase()); return c ? countryLabel(c, i18n.language) : iso2; };
}

/** ISO codes as a list of names in the page's language ("Botswana, Namibia and Zimbabwe"). */
export function countryList(codes: string[] | undefined, name: CountryNamer, lang: string): string {
  return new Intl.ListFormat(lang, { style: 'long', type: 'conjunction' }).format((codes ?? []).map(name));
}
