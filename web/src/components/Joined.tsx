// The status of a taxon in both conventions as every list shows it: the two
// badges, the name the other convention uses when it differs ("CMS: Uncia
// uncia"), and the CMS Agreements and MOUs on a line of their own.
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { asStatus, type Instrument, type JoinedStatus, type StatusReason } from '../api';
import { StatusBadges } from './Status';
import { formatDate } from '../i18n';
import { countryList, type CountryNamer } from '../countries';

/** Badges plus the counterpart's name when it is another name (or a higher taxon covering it). */
export function JoinedBadges({ s, self }: { s: JoinedStatus; self: string }) {
  const { t } = useTranslation();
  const others = (['CITES', 'CMS'] as const).map((c) => [c, c === 'CITES' ? s.cites_concept : s.cms_concept] as const)
    .filter(([, ref]) => ref && ref.relation !== 'self' && ref.full_name !== self);
  return (
    <>
      <StatusBadges cites={asStatus(s.cites_listing)} cms={asStatus(s.cms_listing)} />
      {others.map(([c, ref]) => (
        <span key={c} className="counterpart"> — {ref!.relation === 'included_in' && ref!.full_name.split(' ').length === 1
          ? t('joined.higherTaxon', { convention: c, name: ref!.full_name })
          : <>{t('joined.in', { convention: c, name: '' })}<Link to={`/taxa/${ref!.id}`}><em className="sci">{ref!.full_name}</em></Link></>}</span>
      ))}
      {s.cms_instruments.length ? <Instruments list={s.cms_instruments} compact /> : null}
    </>
  );
}

export function Instruments({ list, compact }: { list: Instrument[]; compact?: boolean }) {
  const { t, i18n } = useTranslation();
  if (!list.length) return compact ? null : <p className="instruments">{t('joined.noInstruments')}</p>;
  const name = (i: Instrument) => t(`instrument.${i.code}`, { defaultValue: i.name });
  const items = list.map((i) => (i.since && !compact ? t('joined.instrumentSince', { name: name(i), date: formatDate(i.since, i18n.language) }) : name(i)));
  return compact
    ? <span className="instruments"> · {t('joined.instruments')}: {items.join(', ')}</span>
    : <p className="instruments"><strong>{t('joined.instruments')}:</strong> {items.join('; ')}</p>;
}

/** One reason of a status, in the page's language, from its structured fields (the API's English text only as a last resort). */
export function reasonText(r: StatusReason, t: (k: string, o?: Record<string, unknown>) => string, lang: string, convention: string, country: CountryNamer): string {
  const date = r.effective_at ? formatDate(r.effective_at, lang) : '';
  const from = r.from?.name;
  const party = r.party ? country(r.party) : '';
  switch (r.kind) {
    case 'own': return date ? t('reason.ownSince', { appendix: r.appendix, date }) : t('reason.own', { appendix: r.appendix });
    case 'inherited': return date ? t('why2.inheritedSince', { from, appendix: r.appendix, date }) : t('why2.inherited', { from, appendix: r.appendix });
    case 'app3': return t('reason.app3', { appendix: r.appendix, party, date });
    case 'reservation': return t('reason.reservation', { appendix: r.appendix, party, date });
    case 'population': return `${t('status.appendix', { appendix: r.appendix })}: ${r.included?.length
      ? t('status.populationsOnly', { list: countryList(r.included, country, lang) })
      : t('status.populationsExcept', { list: countryList(r.excluded, country, lang) })}`;
    case 'excluded': return from ? t('why2.excluded', { from }) : t('why2.excludedNone');
    case 'deletion': return party ? t('why2.deletionParty', { appendix: r.appendix, party, date }) : t('why2.deletion', { appendix: r.appendix, date });
    case 'descendants': return t('why2.descendants', { appendices: (r.appendices ?? []).join('/') });
    case 'not_in_force': return t('why2.notInForce', { convention, date: formatDate(r.since, lang) });
    case 'via': return t(`why2.via.${r.relation}`, { convention, name: r.concept?.full_name ?? '' });
    case 'annotation': return r.hash_symbol ? t('why2.annotationHash', { symbol: r.hash_symbol, appendix: r.appendix }) : t('why2.annotation', { appendix: r.appendix });
    default: return r.text;
  }
}
