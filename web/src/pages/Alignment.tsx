// Nomenclature alignment (seed activity A2): where CMS and CITES names differ.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api, csvUrl } from '../api';
import { useApi } from '../hooks';
import { ErrorMessage, Loading } from '../components/Status';
import ReportTable from '../components/ReportTable';
import { autoColumns } from '../components/autoColumns';
import { rowsOf } from './JointList';

export default function AlignmentPage() {
  const { t } = useTranslation();
  useEffect(() => { document.title = `${t('alignment.title')} · Concord`; }, [t]);
  const data = useApi((s) => api.alignment({}, s), []);
  const rows = data.data ? rowsOf(data.data) : [];
  const { columns, groupKeys } = autoColumns(rows, (k) => t(`col.${k}`, { defaultValue: k }));
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
