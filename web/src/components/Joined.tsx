// The status of a taxon in both conventions as every list shows it: the two
// badges, the name the other convention uses when it differs ("CMS: Uncia
// uncia"), and the CMS Agreements and MOUs on a line of their own.
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { asStatus, type Instrument, type JoinedStatus, type StatusReason } from '../api';
import { StatusBadges } from './Status';
import { formatDate } from '../i18n';

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
  const items = list.map((i) => (i.since && !compact ? t('joined.instrumentSince', { name: i.name, date: formatDate(i.since, i18n.language) }) : i.name));
  return compact
    ? <span className="instruments"> · {t('joined.instruments')}: {items.join(', ')}</span>
    : <p className="instruments"><strong>{t('joined.instruments')}:</strong> {items.join('; ')}</p>;
}

/** One reason of a status, in the page's language, from its structured fields (the API's English text only as a last resort). */
export function reasonText(r: StatusReason, t: (k: string, o?: Record<string, unknown>) => string, lang: string, convention: string): string {
  const date = r.effectiveAt ? formatDate(String(r.effectiveAt), lang) : null;
  const from = (r.from as { name?: string } | null | undefined)?.name;
  const list = (v: unknown) => (Array.isArray(v) ? v.join(', ') : '');
  switch (r.kind) {
    case 'own': return date ? t('reason.ownSince', { appendix: r.appendix, date }) : t('reason.own', { appendix: r.appendix });
    case 'inherited': return date ? t('why2.inheritedSince', { from, appendix: r.appendix, date }) : t('why2.inherited', { from, appendix: r.appendix });
    case 'app3': return t('reason.app3', { appendix: r.appendix, party: r.party ?? '', date: date ?? '' });
    case 'reservation': return t('reason.reservation', { appendix: r.appendix, party: r.party ?? '', date: date ?? '' });
    case 'population': return (r.included as string[] | undefined)?.length ? `${t('status.appendix', { appendix: r.appendix })}: ${t('status.populationsOnly', { list: list(r.included) })}` : `${t('status.appendix', { appendix: r.appendix })}: ${t('status.populationsExcept', { list: list(r.excluded) })}`;
    case 'excluded': return from ? t('why2.excluded', { from }) : t('why2.excludedNone');
    case 'deletion': return t('why2.deletion', { appendix: r.appendix, date: date ?? '' });
    case 'descendants': return t('why2.descendants', { appendices: list(r.appendices) });
    case 'not_in_force': return t('why2.notInForce', { convention, date: formatDate(String(r.since), lang) });
    case 'via': {
      const c = r.concept as { full_name: string } | undefined;
      return t(`why2.via.${String(r.relation)}`, { convention, name: c?.full_name ?? '' });
    }
    case 'annotation': return r.hashSymbol ? t('why2.annotationHash', { symbol: r.hashSymbol, appendix: r.appendix }) : t('why2.annotation', { appendix: r.appendix });
    default: return r.text;
  }
}
