// The CMS family's instruments: Agreements (binding treaties under Article
// IV.3) and Memoranda of Understanding (Article IV.4). They cover taxa, but
// they are not Appendices: a taxon's CMS listing is I, II or both, and its
// instruments are a list of their own. Names as the CMS Secretariat writes them.

export type InstrumentKind = 'agreement' | 'mou';

export interface Instrument {
  code: string;
  kind: InstrumentKind;
  /** Short name used on pages and in exports. */
  name: string;
  /** Full title. */
  title: string;
  /** How Species+ and other sources spell it. */
  aliases: string[];
}

export const INSTRUMENTS: readonly Instrument[] = [
  { code: 'AEWA', kind: 'agreement', name: 'AEWA', title: 'Agreement on the Conservation of African-Eurasian Migratory Waterbirds', aliases: ['AEWA'] },
  { code: 'EUROBATS', kind: 'agreement', name: 'EUROBATS', title: 'Agreement on the Conservation of Populations of European Bats', aliases: ['EUROBATS'] },
  { code: 'ACAP', kind: 'agreement', name: 'ACAP', title: 'Agreement on the Conservation of Albatrosses and Petrels', aliases: ['ACAP'] },
  { code: 'ASCOBANS', kind: 'agreement', name: 'ASCOBANS', title: 'Agreement on the Conservation of Small Cetaceans of the Baltic, North East Atlantic, Irish and North Seas', aliases: ['ASCOBANS'] },
  { code: 'ACCOBAMS', kind: 'agreement', name: 'ACCOBAMS', title: 'Agreement on the Conservation of Cetaceans of the Black Sea, Mediterranean Sea and contiguous Atlantic Area', aliases: ['ACCOBAMS'] },
  { code: 'WADDEN_SEA_SEALS', kind: 'agreement', name: 'Wadden Sea Seals Agreement', title: 'Agreement on the Conservation of Seals in the Wadden Sea', aliases: ['Wadden Sea Seals'] },
  { code: 'GORILLA', kind: 'agreement', name: 'Gorilla Agreement', title: 'Agreement on the Conservation of Gorillas and Their Habitats', aliases: ['Gorillas', 'Gorilla'] },
  { code: 'RAPTORS', kind: 'mou', name: 'Raptors MOU', title: 'Memorandum of Understanding on the Conservation of Migratory Birds of Prey in Africa and Eurasia', aliases: ['Raptors', 'Birds of Prey'] },
  { code: 'SHARKS', kind: 'mou', name: 'Sharks MOU', title: 'Memorandum of Understanding on the Conservation of Migratory Sharks', aliases: ['Sharks'] },
  { code: 'ATLANTIC_TURTLES', kind: 'mou', name: 'Atlantic Turtles MOU', title: 'Memorandum of Understanding concerning Conservation Measures for Marine Turtles of the Atlantic Coast of Africa', aliases: ['Marine Turtles Africa', 'CMS - Marine Turtles Africa'] },
  { code: 'IOSEA', kind: 'mou', name: 'IOSEA Marine Turtles MOU', title: 'Memorandum of Understanding on the Conservation and Management of Marine Turtles and their Habitats of the Indian Ocean and South-East Asia', aliases: ['Marine Turtles - IOSEA', 'CMS - Marine Turtles - IOSEA', 'IOSEA'] },
  { code: 'MONK_SEAL', kind: 'mou', name: 'Mediterranean Monk Seal MOU', title: 'Memorandum of Understanding concerning Conservation Measures for the Eastern Atlantic Populations of the Mediterranean Monk Seal', aliases: ['Mediterranean Monk Seal'] },
  { code: 'DUGONG', kind: 'mou', name: 'Dugong MOU', title: 'Memorandum of Understanding on the Conservation and Management of Dugongs and their Habitats throughout their Range', aliases: ['Dugong'] },
  { code: 'RUDDY_HEADED_GOOSE', kind: 'mou', name: 'Ruddy-headed Goose MOU', title: 'Memorandum of Understanding on the Conservation of the Ruddy-headed Goose', aliases: ['Ruddy-headed goose'] },
  { code: 'SAIGA', kind: 'mou', name: 'Saiga Antelope MOU', title: 'Memorandum of Understanding concerning Conservation, Restoration and Sustainable Use of the Saiga Antelope', aliases: ['Saiga antelope', 'Saiga'] },
  { code: 'SIBERIAN_CRANE', kind: 'mou', name: 'Siberian Crane MOU', title: 'Memorandum of Understanding concerning Conservation Measures for the Siberian Crane', aliases: ['Siberian Crane'] },
  { code: 'SLENDER_BILLED_CURLEW', kind: 'mou', name: 'Slender-billed Curlew MOU', title: 'Memorandum of Understanding concerning Conservation Measures for the Slender-billed Curlew', aliases: ['Slender-billed Curlew'] },
  { code: 'WEST_AFRICAN_ELEPHANTS', kind: 'mou', name: 'West African Elephants MOU', title: 'Memorandum of Understanding concerning Conservation Measures for the West African Populations of the African Elephant', aliases: ['West African Elephants'] },
  { code: 'BUKHARA_DEER', kind: 'mou', name: 'Bukhara Deer MOU', title: 'Memorandum of Understanding concerning the Conservation and Restoration of the Bukhara Deer', aliases: ['Bukhara Deer'] },
  { code: 'GREAT_BUSTARD', kind: 'mou', name: 'Great Bustard MOU', title: 'Memorandum of Understanding on the Conservation and Management of the Middle-European Population of the Great Bustard', aliases: ['Great Bustard'] },
  { code: 'AQUATIC_WARBLER', kind: 'mou', name: 'Aquatic Warbler MOU', title: 'Memorandum of Understanding concerning Conservation Measures for the Aquatic Warbler', aliases: ['Aquatic warbler'] },
  { code: 'HIGH_ANDEAN_FLAMINGOS', kind: 'mou', name: 'High Andean Flamingos MOU', title: 'Memorandum of Understanding on the Conservation of High Andean Flamingos and their Habitats', aliases: ['High Andean Flamingos'] },
  { code: 'GRASSLAND_BIRDS', kind: 'mou', name: 'Grassland Birds MOU', title: 'Memorandum of Understanding on the Conservation of Southern South American Migratory Grassland Bird Species and their Habitats', aliases: ['Grassland birds'] },
  { code: 'HUEMUL', kind: 'mou', name: 'Huemul MOU', title: 'Memorandum of Understanding between Argentina and Chile on the Conservation of the Southern Huemul', aliases: ['Huemul'] },
  { code: 'PACIFIC_CETACEANS', kind: 'mou', name: 'Pacific Islands Cetaceans MOU', title: 'Memorandum of Understanding for the Conservation of Cetaceans and their Habitats in the Pacific Islands Region', aliases: ['Pacific Islands Cetaceans'] },
  { code: 'WEST_AFRICAN_AQUATIC_MAMMALS', kind: 'mou', name: 'Western African Aquatic Mammals MOU', title: 'Memorandum of Understanding concerning the Conservation of the Manatee and Small Cetaceans of Western Africa and Macaronesia', aliases: ['Western African Aquatic Mammals'] },
];

const BY_CODE = new Map(INSTRUMENTS.map((i) => [i.code, i]));
const BY_ALIAS = new Map(INSTRUMENTS.flatMap((i) => [i.code, ...i.aliases].map((a) => [a.trim().toLowerCase(), i])));

/** The instrument a source names ('AEWA', 'Raptors', 'CMS - Marine Turtles - IOSEA'); undefined when unknown. */
export function instrumentOf(name: string | null | undefined): Instrument | undefined {
  const n = (name ?? '').trim().toLowerCase();
  return n ? BY_ALIAS.get(n) ?? BY_ALIAS.get(n.replace(/^cms\s*-\s*/, '')) : undefined;
}

export function instrumentByCode(code: string): Instrument | undefined {
  return BY_CODE.get(code);
}
