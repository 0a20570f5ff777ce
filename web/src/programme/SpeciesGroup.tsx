// A shared-species group: each taxon's concepts in both taxonomies with their
// CITES and CMS listing, and the activities about the group.
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useJson } from './hooks';

interface Concept { id: number; taxonomy: string; fullName: string; authorYear: string | null; rank: string; nameStatus: string; cites: string | null; cms: string | null }
interface Group { group: { slug: string; name: string; description: string }; taxa: { name: string; commonName: string | null; concepts: Concept[] }[]; activities: { programme: string; code: string; text: string; status: string }[] }

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
            ? [<tr key={tx.name}><th scope="row"><i>{tx.name}</i>{tx.commonName ? ` (${tx.commonName})` : ''}</th><td colSpan={3}>{t('programme.group.noConcept')}</td></tr>]
            : tx.concepts.map((c) => (
              <tr key={`${tx.name}-${c.id}`}>
                <th scope="row"><Link to={`/taxa/${c.id}`}><i>{c.fullName}</i></Link> {c.authorYear ?? ''}{tx.commonName ? ` (${tx.commonName})` : ''}</th>
                <td>{c.taxonomy}</td><td>{c.taxonomy === 'CITES' ? listing(c.cites) : '—'}</td><td>{c.taxonomy === 'CMS' ? listing(c.cms) : '—'}</td>
              </tr>
            )))}
        </tbody>
      </table>
      <h2>{t('programme.group.activities')}</h2>
      <ul>{data.activities.map((a) => <li key={`${a.programme}-${a.code}`}><Link to={`/programme/${a.programme}/activities/${a.code}`}>{a.programme} {a.code}</Link> ({t(`programme.status.${a.status}`)}) {a.text}</li>)}</ul>
    </article>
  );
}
