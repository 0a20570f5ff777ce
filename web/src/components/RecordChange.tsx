// A Secretariat records a listing change by hand (its own convention's), e.g.
// a CoP decision newer than the data: POST /api/v1/taxa/{id}/listing-changes.
// Shown only to users who may; the status on the page follows at once.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaxonDetail } from '../api';
import { call, ProblemError, useMe } from '../programme/api';

const CHANGE_TYPES = ['ADDITION', 'DELETION', 'RESERVATION', 'RESERVATION_WITHDRAWAL'] as const;

export default function RecordChange({ taxon, onDone }: { taxon: TaxonDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const convention = taxon.taxonomy;
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<ProblemError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const may = me?.abilities.includes('listingChange.create') && (me.user?.role === 'admin' || me.user?.role === `${convention.toLowerCase()}_secretariat`);
  if (!may) return null;
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const codes = (k: string) => String(f.get(k) ?? '').split(/[\s,]+/).map((c) => c.trim().toUpperCase()).filter(Boolean);
    setError(null);
    try {
      const r = await call<{ cites_listing: string | null; cms_listing: string | null }>('POST', `/api/v1/taxa/${taxon.id}/listing-changes`, {
        convention, appendix: f.get('appendix'), change_type: f.get('change_type'), effective_at: f.get('effective_at'),
        party: String(f.get('party') ?? '').trim() || null, populations_included: codes('populations_included'), populations_excluded: codes('populations_excluded'),
        annotation: { en: String(f.get('annotation') ?? '') || null }, source_document: f.get('source_document'),
      });
      setDone(t('record.done', { listing: (convention === 'CITES' ? r.cites_listing : r.cms_listing) ?? t('status.notListed') }));
      setOpen(false);
      onDone();
    } catch (err) { setError(err instanceof ProblemError ? err : new ProblemError(0, String(err))); }
  };
  return (
    <section className="record-change" aria-labelledby="record-title">
      {done ? <p role="status">{done}</p> : null}
      {!open ? <button type="button" onClick={() => setOpen(true)}>{t('record.open', { convention })}</button> : (
        <form onSubmit={submit} noValidate>
          <h3 id="record-title">{t('record.title', { convention })}</h3>
          <p>{t('record.help')}</p>
          <label>{t('taxon.appendix')}
            <select name="appendix" defaultValue="II">{(convention === 'CITES' ? ['I', 'II', 'III'] : ['I', 'II']).map((a) => <option key={a}>{a}</option>)}</select>
          </label>
          <label>{t('taxon.change')}
            <select name="change_type" defaultValue="ADDITION">{CHANGE_TYPES.map((c) => <option key={c} value={c}>{t(`change.${c}`)}</option>)}</select>
          </label>
          <label>{t('record.effectiveAt')} <input type="date" name="effective_at" required /></label>
          <label>{t('record.party')} <input name="party" maxLength={2} pattern="[A-Za-z]{2}" /></label>
          <label>{t('record.populationsIncluded')} <input name="populations_included" /></label>
          <label>{t('record.populationsExcluded')} <input name="populations_excluded" /></label>
          <label>{t('record.annotation')} <textarea name="annotation" rows={2} /></label>
          <label>{t('record.source')} <input name="source_document" required maxLength={500} /></label>
          {error ? <p role="alert" className="banner error">{error.message}{error.parameter ? ` (${error.parameter})` : ''}</p> : null}
          <button type="submit">{t('record.submit')}</button> <button type="button" onClick={() => setOpen(false)}>{t('record.cancel')}</button>
        </form>
      )}
    </section>
  );
}
