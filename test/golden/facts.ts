// Golden facts: the programme's shared species (Annex 2, theme B) with their
// status in both conventions, each written from the source files:
// CITES from the 2017 Checklist's CurrentListing (TaxonId given), CMS from the
// Species+ 2013 CMS legislation (RecID given) and the COP11-COP14 amendments
// (cms-amendments-2014-2024/amendments.csv, COP given). A CMS family listed in
// Appendix II ("all migratory species of", Accipitridae RecID 5, Cheloniidae
// 7201, Dermochelyidae 7202, Falconidae 310) makes its Appendix I species I/II.

export interface GoldenFact {
  /** The accepted name a user finds (CITES's where the taxonomies differ). */
  name: string;
  /** The other taxonomy's (or the programme document's) name of the same species, when it differs. */
  alias?: string;
  cites: string | null;
  cms: string | null;
  /** The programme's species group (Annex 2) that names it or its higher taxon. */
  group: string;
  instruments?: string[];
}

export const GOLDEN: GoldenFact[] = [
  // CITES 4521 I/II; CMS 12392 II since 1979, West African Elephants MOU 2005.
  { name: 'Loxodonta africana', cites: 'I/II', cms: 'II', group: 'african-and-asian-elephant', instruments: ['WEST_AFRICAN_ELEPHANTS'] },
  // CITES 5690 I; CMS COP13 adds E. m. indicus to I (the species reads I through it).
  { name: 'Elephas maximus', cites: 'I', cms: 'I', group: 'african-and-asian-elephant' },
  // CITES 8572 II; CMS 14552 I (2009) + Accipitridae II.
  { name: 'Neophron percnopterus', cites: 'II', cms: 'I/II', group: 'african-eurasian-vultures' },
  // CITES II; CMS COP12 uplisted to I + Accipitridae II.
  { name: 'Trigonoceps occipitalis', cites: 'II', cms: 'I/II', group: 'african-eurasian-vultures' },
  { name: 'Necrosyrtes monachus', cites: 'II', cms: 'I/II', group: 'african-eurasian-vultures' },
  { name: 'Gyps africanus', cites: 'II', cms: 'I/II', group: 'african-eurasian-vultures' },
  { name: 'Gyps rueppellii', alias: 'Gyps rueppelli', cites: 'II', cms: 'I/II', group: 'african-eurasian-vultures' },
  // CITES 3973 II; CMS COP11 adds to II (2013: not in CMS).
  { name: 'Anguilla anguilla', cites: 'II', cms: 'II', group: 'anguillid-eels' },
  // CITES: the 2017 Checklist (7093) says I/II (its subspecies hodgsonii and nigrimontana in I); the newer
  // Species+ API response (2022) follows CoP18: those two are species of their own and Ovis ammon is II
  // from 2019-11-26. CMS 15733 II since 2012.
  { name: 'Ovis ammon', cites: 'II', cms: 'II', group: 'argali-sheep' },
  // CITES 10828 'Uncia uncia' I (Species+ 2022: Panthera uncia); CMS 22732 Uncia uncia I since 1986.
  { name: 'Panthera uncia', alias: 'Uncia uncia', cites: 'I', cms: 'I', group: 'big-cats' },
  // CITES 6353 I/II; CMS COP12 adds to II.
  { name: 'Panthera leo', cites: 'I/II', cms: 'II', group: 'big-cats' },
  // CITES 8619 I; CMS COP12 adds to II.
  { name: 'Panthera pardus', cites: 'I', cms: 'II', group: 'big-cats' },
  // CITES 8935 I; CMS 219 I since 2009 (except BW, NA, ZW).
  { name: 'Acinonyx jubatus', cites: 'I', cms: 'I', group: 'big-cats' },
  // CITES 6385 I; CMS COP13 adds to I and II.
  { name: 'Panthera onca', cites: 'I', cms: 'I/II', group: 'big-cats' },
  // CITES 7116, 3913 I; CMS 9404, 41800 I since 1979, Gorilla Agreement 2008.
  { name: 'Gorilla gorilla', cites: 'I', cms: 'I', group: 'great-apes', instruments: ['GORILLA'] },
  { name: 'Gorilla beringei', cites: 'I', cms: 'I', group: 'great-apes', instruments: ['GORILLA'] },
  // CITES 6692 I; CMS COP12 adds to I and II.
  { name: 'Pan troglodytes', cites: 'I', cms: 'I/II', group: 'great-apes' },
  // CITES 8333, 7106 I; neither in CMS.
  { name: 'Pan paniscus', cites: 'I', cms: null, group: 'great-apes' },
  { name: 'Pongo pygmaeus', cites: 'I', cms: null, group: 'great-apes' },
  // CITES I (11071, 10836, 7257, 6938, 5004); CMS I (1983/1986) + the family II.
  { name: 'Chelonia mydas', cites: 'I', cms: 'I/II', group: 'marine-turtles' },
  { name: 'Caretta caretta', cites: 'I', cms: 'I/II', group: 'marine-turtles' },
  { name: 'Eretmochelys imbricata', cites: 'I', cms: 'I/II', group: 'marine-turtles' },
  { name: 'Lepidochelys olivacea', cites: 'I', cms: 'I/II', group: 'marine-turtles' },
  { name: 'Lepidochelys kempii', cites: 'I', cms: 'I/II', group: 'marine-turtles' },
  // CITES 4552 I; CMS only through Cheloniidae II (its own row is the IOSEA MOU).
  { name: 'Natator depressus', cites: 'I', cms: 'II', group: 'marine-turtles', instruments: ['IOSEA'] },
  // CITES 4062 I; CMS 200202 I since 1983 + Dermochelyidae II.
  { name: 'Dermochelys coriacea', cites: 'I', cms: 'I/II', group: 'marine-turtles' },
  // CITES 8765 II; CMS 19832 II since 2002, Saiga MOU 2006.
  { name: 'Saiga tatarica', cites: 'II', cms: 'II', group: 'saiga-antelope', instruments: ['SAIGA'] },
  // CITES 10949 II; CMS 8449 II 1994 and I 2012 (except Mongolia).
  { name: 'Falco cherrug', cites: 'II', cms: 'I/II', group: 'saker-falcon', instruments: ['RAPTORS'] },
  // CITES 6257 II; CMS 19488 II 2000, COP12 adds to I.
  { name: 'Rhincodon typus', cites: 'II', cms: 'I/II', group: 'sharks-and-rays' },
  // CITES 11210, 5323 II; CMS 3855, 4292 I and II.
  { name: 'Carcharodon carcharias', cites: 'II', cms: 'I/II', group: 'sharks-and-rays' },
  { name: 'Cetorhinus maximus', cites: 'II', cms: 'I/II', group: 'sharks-and-rays' },
  // CITES 6417 I; CMS COP11 adds to I and II.
  { name: 'Pristis pristis', cites: 'I', cms: 'I/II', group: 'sharks-and-rays' },
  // CITES 10855 II; CMS COP11 adds to I and II.
  { name: 'Manta alfredi', cites: 'II', cms: 'I/II', group: 'sharks-and-rays' },
  // CITES 6544, 9171 II; CMS COP11 adds to II.
  { name: 'Sphyrna lewini', cites: 'II', cms: 'II', group: 'sharks-and-rays' },
  { name: 'Sphyrna mokarran', cites: 'II', cms: 'II', group: 'sharks-and-rays' },
  // CITES 11266 II; CMS 11200 II since 2009.
  { name: 'Lamna nasus', cites: 'II', cms: 'II', group: 'sharks-and-rays' },
  // CITES 3712 II; CMS COP13 adds to I.
  { name: 'Carcharhinus longimanus', cites: 'II', cms: 'I', group: 'sharks-and-rays' },
];
