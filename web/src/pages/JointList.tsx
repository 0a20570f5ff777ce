// Joint list (seed activity C5): species listed by both conventions, a CMS
// concept and its CITES counterpart each. The appendix filters are the API's
// (the same rows as `concord joint-list` and GET /api/v1/joint-list for the
// same values: CMS Appendix I includes species in I and II); the other
// columns filter the rows shown.
import { useEffect } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api, csvUrl } from '../api';
import { useApi } from '../hooks';
import { ErrorMessage, Loading } from '../components/Status';
import ReportTable from '../components/ReportTable';
import { alignmentColumns, alignmentRows } from '../components/alignmentColumns';

const CMS = ['any', 'I', 'II', 'I+II', 'agreement', 'all'] as const;
const CITES = ['any', 'I', 'II', 'III', 'split', 'none', 'all'] as const;

export default function JointListPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const cms = (CMS as readonly string[]).includes(params.get('cms') ?? '') ? params.get('cms')! : 'any';
  const cites = (CITES as readonly string[]).includes(params.get('cites') ?? '') ? params.get('cites')! : 'any';
  useEffect(() => { document.title = `${t('joint.title')} · Concord`; }, [t]);
  const data = useApi((s) => api.jointList({ cms, cites }, s), [cms, cites]);
  const rows = data.data ? alignmentRows(data.data) : [];
  const { columns, groupKeys } = alignmentColumns(t);
  const set = (k: 'cms' | 'cites', v: string) => { const next = new URLSearchParams(params); if (v === 'any') next.delete(k); else next.set(k, v); setParams(next); };
  return (
    <section aria-labelledby="joint-title">
      <h1 id="joint-title">{t('joint.title')}</h1>
      <p className="lead">{t('joint.intro')}</p>
      <fieldset className="filters">
        <legend>{t('joint.appendices')}</legend>
        <label>{t('search.cms_appendix')}
          <select value={cms} onChange={(e) => set('cms', e.target.value)}>
            {CMS.map((v) => <option key={v} value={v}>{t(`joint.cms.${v.replace('+', '_')}`)}</option>)}
          </select>
        </label>
        <label>{t('search.cites_appendix')}
          <select value={cites} onChange={(e) => set('cites', e.target.value)}>
            {CITES.map((v) => <option key={v} value={v}>{t(`joint.cites.${v}`)}</option>)}
          </select>
        </label>
      </fieldset>
      <p><a href={csvUrl('/api/v1/joint-list', { cms, cites })} download>{t('joint.fullCsv')}</a></p>
      {data.error ? <ErrorMessage error={data.error} /> : !data.data ? <Loading /> :
        <ReportTable rows={rows} columns={columns} groupKeys={groupKeys} filename="concord-joint-list.csv" />}
    </section>
  );
}
