// The API's documentation and the whole-data downloads (GET /exports/...), linked
// from the About page and the footer.
export interface Download { href: string; key: string; format: string }

export const DOWNLOADS: readonly Download[] = [
  { href: '/exports/checklist.csv?convention=cites', key: 'checklistCites', format: 'CSV' },
  { href: '/exports/checklist.csv?convention=cms', key: 'checklistCms', format: 'CSV' },
  { href: '/exports/dwca.zip', key: 'dwca', format: 'DwC-A' },
  { href: '/exports/ndjson', key: 'ndjson', format: 'NDJSON' },
];
