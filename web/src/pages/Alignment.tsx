// Nomenclature alignment (seed activity A2): CMS concepts whose CITES
// counterpart differs in name, rank or boundary, or that have none.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api, csvUrl } from '../api';
import { useApi } from '../hooks';
import { ErrorMessage, Loading } from '../components/Status';
import ReportTable from '../components/ReportTable';
import { alignmentColumns, alignmentRows } from '../components/alignmentColumns';

export default function AlignmentPage() {
  const { t } = useTranslation();
  useEffect(() => { document.title = `${t('alignment.title')} · Concord`; }, [t]);
  const data = useApi((s) => api.alignment({}, s), []);
  const rows = data.data ? alignmentRows(data.data) : [];
  const { columns, groupKeys } = alignmentColumns(t);
  return (
    <section aria-labelledby="alignment-title">
      <h1 id="alignment-title">{t('alignment.title')}</h1>
      <p className="lead">{t('alignment.intro')}</p>
      <p><a href={csvUrl('/api/v1/alignment')} download>{t('alignment.fullCsv')}</a></p>
      {data.error ? <ErrorMessage error={data.error} /> : !data.data ? <Loading /> :
        <ReportTable rows={rows} columns={columns} groupKeys={groupKeys} filename="concord-alignment.csv" />}
    </section>
  );
}
