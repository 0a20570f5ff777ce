// A shared-species group: each taxon's concepts in both taxonomies with their
// CITES and CMS listing, and the activities about the group.
import type { Answer } from './api';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useJson } from './hooks';

type Group = Answer<'/api/v1/species-groups/{slug}'>;
type Ref = Group['taxa'][number]['concepts'][number]['cites_concept'];

export default function SpeciesGroupPage() {
  const { t } = useTranslation();
  const { slug } = useParams();
  const { data, error } = useJson<Group>(`/api/v1/species-groups/${slug}`);
  if (error) return <p role="alert">{error.message}</p>;
  if (!data) return <p aria-live="polite">{t('programme.loading')}</p>;
  const listing = (v: string | null) => v ?? t('programme.group.notListed');
  return (
    <article>
      <h1>{t('programme.group.title', { name: data.group.name })}</h1>
      <p>{data.group.description}</p>
      <table>
        <thead><tr><th scope="col">{t('programme.group.taxon')}</th><th scope="col">{t('programme.group.taxonomy')}</th><th scope="col">{t('programme.group.cites')}</th><th scope="col">{t('programme.group.cms')}</th></tr></thead>
        <tbody>
          {data.taxa.flatMap((tx) => tx.concepts.length === 0
            ? [<tr key={tx.name}><th scope="row"><i>{tx.name}</i>{tx.common_name ? ` (${tx.common_name})` : ''}</th><td colSpan={3}>{t('programme.group.noConcept')}</td></tr>]
            : tx.concepts.map((c) => {
              // The status in each convention, and the name that convention uses when it is another one.
              const other = (ref: Ref | null) => (ref && ref.relation !== 'self' && ref.full_name !== c.full_name ? <> ({t('joined.in', { convention: ref === c.cites_concept ? 'CITES' : 'CMS', name: '' })}<Link to={`/taxa/${ref.id}`}><i>{ref.full_name}</i></Link>)</> : null);
              return (
                <tr key={`${tx.name}-${c.id}`} className={c.under ? 'under' : undefined}>
                  <th scope="row">{c.under ? '↳ ' : ''}<Link to={`/taxa/${c.id}`}><i>{c.full_name}</i></Link> {c.author_year ?? ''}{!c.under && tx.common_name ? ` (${tx.common_name})` : ''}</th>
                  <td>{c.taxonomy}</td>
                  <td>{listing(c.cites_listing)}{other(c.cites_concept)}</td>
                  <td>{listing(c.cms_listing)}{other(c.cms_concept)}{c.cms_instruments.length ? ` · ${c.cms_instruments.map((i) => t(`instrument.${i.code}`, { defaultValue: i.name })).join(', ')}` : ''}</td>
                </tr>
              );
            }))}
        </tbody>
      </table>
      <h2>{t('programme.group.activities')}</h2>
      <ul>{data.activities.map((a) => <li key={`${a.programme}-${a.code}`}><Link to={`/programme/${a.programme}/activities/${a.code}`}>{a.programme} {a.code}</Link> ({t(`programme.status.${a.status}`)}) {a.text}</li>)}</ul>
    </article>
  );
}
