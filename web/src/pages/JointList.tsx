// Joint list (seed activity C5): species listed by both conventions, a CMS
// concept and its CITES counterpart each.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api, csvUrl } from '../api';
import { useApi } from '../hooks';
import { ErrorMessage, Loading } from '../components/Status';
import ReportTable from '../components/ReportTable';
import { alignmentColumns, alignmentRows } from '../components/alignmentColumns';

export default function JointListPage() {
  const { t } = useTranslation();
  useEffect(() => { document.title = `${t('joint.title')} · Concord`; }, [t]);
  const data = useApi((s) => api.jointList({ cms: 'any', cites: 'any' }, s), []);
  const rows = data.data ? alignmentRows(data.data) : [];
  const { columns, groupKeys } = alignmentColumns(t);
  return (
    <section aria-labelledby="joint-title">
      <h1 id="joint-title">{t('joint.title')}</h1>
      <p className="lead">{t('joint.intro')}</p>
      <p><a href={csvUrl('/api/v1/joint-list', { cms: 'any', cites: 'any' })} download>{t('joint.fullCsv')}</a></p>
      {data.error ? <ErrorMessage error={data.error} /> : !data.data ? <Loading /> :
        <ReportTable rows={rows} columns={columns} groupKeys={groupKeys} filename="concord-joint-list.csv" />}
    </section>
  );
}
