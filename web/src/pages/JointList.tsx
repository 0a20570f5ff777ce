// Joint list (seed activity C5): species listed by both conventions.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { useApi } from '../hooks';
import { ErrorMessage, Loading } from '../components/Status';
import ReportTable, { flatten, type Row } from '../components/ReportTable';
import { autoColumns } from '../components/autoColumns';

export function rowsOf(body: unknown): Row[] {
  const b = body as { items?: unknown[]; rows?: unknown[]; data?: unknown[] } | unknown[];
  const list = Array.isArray(b) ? b : b?.items ?? b?.rows ?? b?.data ?? [];
  return list.map((x) => flatten(x));
}

export default function JointListPage() {
  const { t } = useTranslation();
  useEffect(() => { document.title = `${t('joint.title')} · Concord`; }, [t]);
  const data = useApi((s) => api.jointList({}, s), []);
  const rows = data.data ? rowsOf(data.data) : [];
  const { columns, groupKeys } = autoColumns(rows, (k) => t(`col.${k}`, { defaultValue: k }));
  return (
    <section aria-labelledby="joint-title">
      <h1 id="joint-title">{t('joint.title')}</h1>
      <p className="lead">{t('joint.intro')}</p>
      {data.error ? <ErrorMessage error={data.error} /> : !data.data ? <Loading /> :
        <ReportTable rows={rows} columns={columns} groupKeys={groupKeys} filename="concord-joint-list.csv" />}
    </section>
  );
}
