// Columns of the joint list and the nomenclature alignment report (both are
// rows of the alignment: a CMS concept and its CITES counterpart).
import type { Column, Row } from './ReportTable';
import { flatten } from './ReportTable';

export function alignmentRows(body: unknown): Row[] {
  return (Array.isArray(body) ? body : []).map((x) => flatten(x));
}

export function alignmentColumns(t: (k: string, o?: Record<string, unknown>) => string): { columns: Column[]; groupKeys: string[] } {
  const coded = (prefix: string) => (v: string) => t(`${prefix}.${v}`, { defaultValue: v });
  const taxonLink = (prefix: string) => (r: Row) => (r[`${prefix}.id`] ? `/taxa/${r[`${prefix}.id`]}` : null);
  const columns: Column[] = [
    { key: 'cms.name', label: t('col.cmsName'), sci: true, link: taxonLink('cms') },
    { key: 'cms.listing', label: t('col.cmsListing') },
    { key: 'cites.name', label: t('col.citesName'), sci: true, link: taxonLink('cites') },
    { key: 'cites.listing', label: t('col.citesListing') },
    { key: 'relation', label: t('col.relation'), filter: true, display: coded('relation') },
    { key: 'basis', label: t('col.basis'), filter: true, display: coded('basis') },
    { key: 'difference', label: t('col.difference'), filter: true, display: coded('difference') },
    { key: 'class', label: t('col.class'), filter: true },
    { key: 'order', label: t('col.order'), filter: true },
    { key: 'family', label: t('col.family') },
    { key: 'review', label: t('col.review'), filter: true },
  ];
  return { columns, groupKeys: ['class', 'difference', 'cites.listing', 'cms.listing', 'relation'] };
}
