// Darwin Core Archive: Taxon core + VernacularName and Distribution
// extensions (GBIF), meta.xml (DwC text guide) and eml.xml, zipped.
import { PassThrough, type Readable } from 'node:stream';
import yazl from 'yazl';
import type { Database } from '../db/client.js';
import type { TaxonDetailRow } from '../db/repositories/taxa.js';
import { streamTaxa } from './taxa.js';

const DWC = 'http://rs.tdwg.org/dwc/terms/';
const DC = 'http://purl.org/dc/terms/';
const GBIF = 'http://rs.gbif.org/terms/1.0/';

export interface DwcFile { location: string; rowType: string; columns: { name: string; term: string }[]; core: boolean }

export const DWCA_FILES: DwcFile[] = [
  {
    location: 'taxon.txt', rowType: `${DWC}Taxon`, core: true,
    columns: [
      ['taxonID', DWC], ['scientificName', DWC], ['scientificNameAuthorship', DWC], ['taxonRank', DWC], ['taxonomicStatus', DWC],
      ['acceptedNameUsageID', DWC], ['parentNameUsageID', DWC], ['kingdom', DWC], ['phylum', DWC], ['class', DWC], ['order', DWC],
      ['family', DWC], ['genus', DWC], ['datasetID', DWC], ['modified', DC], ['source', DC],
    ].map(([name, ns]) => ({ name, term: `${ns}${name}` })),
  },
  {
    location: 'vernacularname.txt', rowType: `${GBIF}VernacularName`, core: false,
    columns: [['taxonID', DWC], ['vernacularName', DWC], ['language', DC]].map(([name, ns]) => ({ name, term: `${ns}${name}` })),
  },
  {
    location: 'distribution.txt', rowType: `${GBIF}Distribution`, core: false,
    columns: [['taxonID', DWC], ['locationID', DWC], ['countryCode', DWC], ['locality', DWC], ['establishmentMeans', DWC], ['occurrenceStatus', DWC], ['occurrenceRemarks', DWC]]
      .map(([name, ns]) => ({ name, term: `${ns}${name}` })),
  },
];

const STATUS: Record<string, string> = { A: 'accepted', S: 'synonym', T: 'trade name', H: 'hybrid', N: 'not accepted' };

/** Tab-separated with no quoting (fieldsEnclosedBy=""), so tabs and line breaks inside values become spaces. */
const tsv = (fields: (string | number | null | undefined)[]) => `${fields.map((f) => (f == null ? '' : String(f).replace(/[\t\r\n]+/g, ' '))).join('\t')}\n`;

function establishment(tags: string[]): { means: string; status: string } {
  const t = new Set(tags);
  const means = t.has('REINTRODUCED') ? 'reintroduced' : t.has('INTRODUCED') || t.has('INTRODUCED (?)') ? 'introduced' : 'native';
  const status = t.has('EXTINCT') ? 'absent' : t.has('EXTINCT (?)') || t.has('DISTRIBUTION UNCERTAIN') || t.has('INTRODUCED (?)') ? 'doubtful' : 'present';
  return { means, status };
}

export function taxonLine(r: TaxonDetailRow): string {
  return tsv([r.id, r.full_name, r.author_year, r.rank.toLowerCase(), STATUS[r.name_status] ?? r.name_status, r.accepted_names[0]?.id ?? (r.name_status === 'A' ? r.id : null),
    r.parent_id, r.kingdom_name, r.phylum_name, r.class_name, r.order_name, r.family_name, r.genus_name, r.taxonomy_id,
    new Date(r.updated_at).toISOString(), r.source_file]);
}

export function metaXml(): string {
  const fileXml = (f: DwcFile) => {
    const tag = f.core ? 'core' : 'extension';
    const fields = f.columns.slice(1).map((c, i) => `    <field index="${i + 1}" term="${c.term}"/>`).join('\n');
    return `  <${tag} encoding="UTF-8" fieldsTerminatedBy="\\t" linesTerminatedBy="\\n" fieldsEnclosedBy="" ignoreHeaderLines="1" rowType="${f.rowType}">
    <files><location>${f.location}</location></files>
    <${f.core ? 'id' : 'coreid'} index="0"/>
${f.core ? `    <field index="0" term="${f.columns[0].term}"/>\n` : ''}${fields}
  </${tag}>`;
  };
  return `<?xml version="1.0" encoding="UTF-8"?>
<archive xmlns="http://rs.tdwg.org/dwc/text/" metadata="eml.xml">
${DWCA_FILES.map(fileXml).join('\n')}
</archive>
`;
}

const xmlEscape = (s: string) => s.replace(/[<>&"']/g, (c) => `&${({ '<': 'lt', '>': 'gt', '&': 'amp', '"': 'quot', "'": 'apos' } as Record<string, string>)[c]};`);

export function emlXml(opts: { pubDate: string; counts: { taxa: number; vernacular: number; distributions: number } }): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<eml:eml xmlns:eml="eml://ecoinformatics.org/eml-2.1.1" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="eml://ecoinformatics.org/eml-2.1.1 http://rs.gbif.org/schema/eml-gbif-profile/1.1/eml.xsd"
  packageId="concord-cites-cms-${opts.pubDate}" system="http://gbif.org" scope="system" xml:lang="en">
  <dataset>
    <title xml:lang="en">${xmlEscape('Concord: CITES and CMS taxon concepts, common names and distributions')}</title>
    <creator><organizationName>Concord</organizationName></creator>
    <metadataProvider><organizationName>Concord</organizationName></metadataProvider>
    <pubDate>${opts.pubDate}</pubDate>
    <language>en</language>
    <abstract><para>${xmlEscape(`Taxon concepts of the CITES and CMS taxonomies (datasetID), ${opts.counts.taxa} taxa, ${opts.counts.vernacular} common names, ${opts.counts.distributions} distributions. Built from Species+ data (UNEP-WCMC) and the conventions' own files; the source file of each taxon is in dc:source.`)}</para></abstract>
    <intellectualRights><para>${xmlEscape('Species+ data: UNEP-WCMC, Species+ terms of use (non-commercial use, attribution). ISO country codes: PDDL.')}</para></intellectualRights>
    <contact><organizationName>Concord</organizationName></contact>
  </dataset>
</eml:eml>
`;
}

/** Build the archive: one pass over the taxa, three tab-separated files, meta.xml and eml.xml. */
export async function buildDwca(database: Database): Promise<Readable> {
  const parts = DWCA_FILES.map((f) => [tsv(f.columns.map((c) => c.name))]);
  const counts = { taxa: 0, vernacular: 0, distributions: 0 };
  for await (const r of streamTaxa(database)) {
    parts[0].push(taxonLine(r));
    counts.taxa++;
    for (const c of r.common_names) { parts[1].push(tsv([r.id, c.name, c.language])); counts.vernacular++; }
    for (const d of r.distributions) {
      const e = establishment(d.tags ?? []);
      parts[2].push(tsv([r.id, `ISO3166-1:${d.iso2}`, d.iso2, d.name, e.means, e.status, (d.tags ?? []).join('; ')]));
      counts.distributions++;
    }
  }
  const zip = new yazl.ZipFile();
  const mtime = new Date();
  DWCA_FILES.forEach((f, i) => zip.addBuffer(Buffer.from(parts[i].join(''), 'utf8'), f.location, { mtime }));
  zip.addBuffer(Buffer.from(metaXml(), 'utf8'), 'meta.xml', { mtime });
  zip.addBuffer(Buffer.from(emlXml({ pubDate: mtime.toISOString().slice(0, 10), counts }), 'utf8'), 'eml.xml', { mtime });
  zip.end();
  return zip.outputStream.pipe(new PassThrough());
}
