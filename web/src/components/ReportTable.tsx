// A filterable report table (joint list, nomenclature alignment): text filter,
// one select per categorical column, counts and a bar chart of the chosen
// grouping, CSV download of the rows shown.
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { downloadText, toCsv } from '../csv';
import { formatNumber } from '../i18n';
import BarChart from './BarChart';

export type Row = Record<string, string | number | boolean | null>;

export interface Column {
  key: string; label: string; link?: (r: Row) => string | null; filter?: boolean; sci?: boolean;
  /** The value in the reader's language (a code's label); the CSV keeps the code. */
  display?: (v: string) => string;
}

/** Flatten nested API objects into 'a.b' keys; arrays become '; '-joined text. */
export function flatten(obj: unknown, prefix = '', out: Row = {}): Row {
  if (obj === null || obj === undefined) { if (prefix) out[prefix] = null; return out; }
  if (Array.isArray(obj)) { out[prefix] = obj.map((x) => (typeof x === 'object' && x ? Object.values(x).join(' ') : String(x))).join('; '); return out; }
  if (typeof obj === 'object') {
    for (const [k, v] of Object.entries(obj as Record<string, unknown>)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
    return out;
  }
  out[prefix] = obj as string | number | boolean;
  return out;
}

export default function ReportTable({ rows, columns, filename, groupKeys, pageSize = 100 }: {
  rows: Row[]; columns: Column[]; filename: string; groupKeys: string[]; pageSize?: number;
}) {
  const { t, i18n } = useTranslation();
  const [text, setText] = useState('');
  const [filters, setFilters] = useState<Record<string, string>>({});
  const [group, setGroup] = useState(groupKeys[0] ?? '');
  const [limit, setLimit] = useState(pageSize);
  const filterCols = columns.filter((c) => c.filter);
  const options = useMemo(() => Object.fromEntries(filterCols.map((c) => [c.key,
    [...new Set(rows.map((r) => r[c.key]).filter((v) => v !== null && v !== '').map(String))].sort((a, b) => a.localeCompare(b, i18n.language))])),
  // eslint-disable-next-line react-hooks/exhaustive-deps
  [rows, columns]);
  const needle = text.trim().toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
  const shown = rows.filter((r) => Object.entries(filters).every(([k, v]) => !v || String(r[k] ?? '') === v)
    && (!needle || columns.some((c) => String(r[c.key] ?? '').toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').includes(needle))));
  const counts = new Map<string, number>();
  for (const r of shown) { const k = String(r[group] ?? '—') || '—'; counts.set(k, (counts.get(k) ?? 0) + 1); }
  const bars = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  const download = () => downloadText(filename, toCsv(columns.map((c) => c.key), shown.map((r) => columns.map((c) => r[c.key]))));
  const groupCol = columns.find((c) => c.key === group);
  const groupLabel = groupCol?.label ?? group;
  const shownAs = (c: Column | undefined, v: string) => (c?.display && v !== '—' ? c.display(v) : v === 'true' ? t('common.yes') : v === 'false' ? t('common.no') : v);
  return (
    <div className="report">
      <fieldset className="filters">
        <legend>{t('search.filters')}</legend>
        <label>{t('report.filterText')}
          <input type="search" value={text} onChange={(e) => { setText(e.target.value); setLimit(pageSize); }} />
        </label>
        {filterCols.map((c) => (
          <label key={c.key}>{c.label}
            <select value={filters[c.key] ?? ''} onChange={(e) => { setFilters({ ...filters, [c.key]: e.target.value }); setLimit(pageSize); }}>
              <option value="">{t('search.any')}</option>
              {options[c.key].map((o) => <option key={o} value={o}>{shownAs(c, o)}</option>)}
            </select>
          </label>
        ))}
      </fieldset>
      <p role="status" className="count">{t('report.count', { shown: formatNumber(shown.length, i18n.language), total: formatNumber(rows.length, i18n.language) })}</p>
      <button type="button" className="download" onClick={download}>{t('common.downloadCsv')}</button>
      {groupKeys.length ? (
        <section aria-labelledby="chart-title" className="chart-box">
          <h2 id="chart-title">{t('report.chartTitle', { group: groupLabel })}</h2>
          {groupKeys.length > 1 ? (
            <label>{t('report.groupBy')}{' '}
              <select value={group} onChange={(e) => setGroup(e.target.value)}>
                {groupKeys.map((k) => <option key={k} value={k}>{columns.find((c) => c.key === k)?.label ?? k}</option>)}
              </select>
            </label>
          ) : null}
          <BarChart data={bars.slice(0, 15).map(([k, n]) => [shownAs(groupCol, k), n] as [string, number])} title={t('report.chartTitle', { group: groupLabel })} />
        </section>
      ) : null}
      <div className="table-wrap">
        <table>
          <thead><tr>{columns.map((c) => <th key={c.key} scope="col">{c.label}</th>)}</tr></thead>
          <tbody>
            {shown.slice(0, limit).map((r, i) => (
              <tr key={i}>
                {columns.map((c) => {
                  const v = r[c.key];
                  const s = v === null || v === undefined ? '' : typeof v === 'number' ? formatNumber(v, i18n.language) : typeof v === 'boolean' ? t(v ? 'common.yes' : 'common.no') : shownAs(c, v);
                  const href = c.link?.(r);
                  const content = c.sci ? <em>{s}</em> : s;
                  return <td key={c.key}>{href ? <Link to={href}>{content}</Link> : content}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {shown.length > limit ? <button type="button" onClick={() => setLimit(limit + pageSize * 5)}>{t('report.showMore', { n: formatNumber(shown.length - limit, i18n.language) })}</button> : null}
    </div>
  );
}
