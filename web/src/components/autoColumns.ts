// Columns for a report whose rows come from the API: known keys get a
// translated label and a link; categorical columns (few distinct values) get
// a filter and can group the chart.
import type { Column, Row } from './ReportTable';

const ID_KEY = /(^|\.)(id|taxonId|taxonConceptId)$/i;

export function autoColumns(rows: Row[], label: (key: string) => string, opts: { hide?: RegExp } = {}): { columns: Column[]; groupKeys: string[] } {
  const keys = [...new Set(rows.slice(0, 200).flatMap((r) => Object.keys(r)))].filter((k) => !ID_KEY.test(k) && !(opts.hide?.test(k)));
  const columns: Column[] = keys.map((key) => {
    const distinct = new Set(rows.map((r) => r[key])).size;
    const idKey = ['id', 'taxonId', 'taxonConceptId'].map((s) => key.includes('.') ? `${key.slice(0, key.lastIndexOf('.'))}.${s}` : s).find((k) => rows[0] && k in rows[0]);
    const isName = /name$/i.test(key) && !/common/i.test(key);
    return {
      key, label: label(key),
      filter: distinct > 1 && distinct <= 40 && !isName,
      sci: isName,
      link: isName && idKey ? (r: Row) => (r[idKey] ? `/taxa/${r[idKey]}` : null) : undefined,
    };
  });
  return { columns, groupKeys: columns.filter((c) => c.filter).map((c) => c.key) };
}
