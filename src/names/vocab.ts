/** Word lists of the grammar: rank markers, author particles, annotations. */

/** Infraspecific rank markers → normalised form. */
export const INFRA_RANKS: Record<string, string> = {
  'subsp.': 'subsp.', 'subsp': 'subsp.', 'ssp.': 'subsp.', 'subspec.': 'subsp.', 'subspecies': 'subsp.',
  'var.': 'var.', 'var': 'var.', 'variety': 'var.', 'varietas': 'var.', 'subvar.': 'subvar.',
  'f.': 'f.', 'fo.': 'f.', 'fo': 'f.', 'fa': 'f.', 'fa.': 'f.', 'forma': 'f.', 'forma.': 'f.', 'form.': 'f.', 'fm.': 'f.', 'fm': 'f.', 'fma.': 'f.',
  'subf.': 'subf.', 'morph.': 'morph.', 'st.': 'st.', 'prol.': 'prol.', 'convar.': 'convar.', 'cv.': 'cv.',
  'agamosp.': 'agamosp.', 'agamossp.': 'agamossp.', 'agamovar.': 'agamovar.',
  'nvar.': 'nvar.', 'nothof.': 'nothof.', 'nothosubsp.': 'nothosubsp.', 'nothossp.': 'nothossp.', 'nothovar.': 'nothovar.',
  'natio': 'natio', 'nat': 'nat', 'nat.': 'nat.', 'ab.': 'ab.', '*': '*', 'pv.': 'pv.', 'pathovar.': 'pathovar.',
  'race': 'race', 'lusus': 'lusus', 'mut.': 'mut.', 'aberr.': 'aberr.', 'subvar': 'subvar.',
};

/** Ranks above species that join two uninomials ("Cordia sect. Salimori"). */
export const UNINOMIAL_RANKS: Record<string, string> = {
  'trib.': 'trib.', 'tr.': 'trib.', 'tr': 'trib.', 'subtrib.': 'subtrib.', 'subtr.': 'subtrib.', 'subtr': 'subtrib.',
  'supertrib.': 'supertrib.', 'fam.': 'fam.', 'subfam.': 'subfam.', 'sect.': 'sect.', 'sect': 'sect.', 'subsect.': 'subsect.',
  'ser.': 'ser.', 'subser.': 'subser.', 'subgen.': 'subgen.', 'subg.': 'subgen.', 'subgenus': 'subgen.',
  'div.': 'div.', 'div': 'div', 'nothosect.': 'nothosect.', 'nothoser.': 'nothoser.', 'nothosubgen.': 'nothosubgen.',
  'unr.': 'unr.', 'gen.': 'gen.',
};

/** Lower-case particles that start an author's name (de Candolle, von Heyden). */
export const AUTHOR_PREFIXES = new Set([
  'ab', 'af', 'al', 'bis', 'd', "d'", 'd.', 'da', 'dal', 'dalla', 'das', 'de', 'degli', 'dei', 'del', 'della', 'delle', 'dem', 'den', 'der',
  'des', 'di', 'do', 'dos', 'du', 'e', 'el', 'la', 'las', 'le', 'lo', 'los', 'mac', 'mc', 'st.', 'ten', 'ter', 'v', 'v.', 'van',
  'vander', 'ver', 'von', 'zu', 'zur', 'i', 'v.d.', 'vd', 'y', "'t", "in't", 't',
]);

/** Particles that, right after a genus, are real specific epithets (Semiothisa da Dyar). */
export const EPITHET_NOT_PREFIX = new Set(['dela', 'da', 'den', 'des', 'dos', 'du', 'la', 'van', 'zu', 'bis', 'ab']);

/** Words that end the parseable part of a name: the rest is an annotation (tail). */
export const STOP_WORDS = new Set([
  'sensu', 'sensu.', 'sec.', 'sec', 'non', 'nec', 'fide', 'vide', 's.l.', 's.str.', 's.lat.', 's.s.', 'p.p.', 'pro', 'nom.', 'nomen',
  'comb.', 'hort.', 'ht.', 'ined.', 'ined', 'auct.', 'auct', 'group', 'species', 'complex', 'clade', 'environmental',
  'enrichment', 'culture', 'clone', 'str.', 'strain', 'serovar', 'serotype', 'ms', 'nov', 'nov.', 'of', 'emend', 'sp.nov.',
  'spec.', 'cf', 'cf.', 'aff.', 'aff', 'nr.', 'nr', 'sp.', 'sp', 'spp.', 'spp', 'near', 'ex', 'not', 'syn.', 'syn', 'nomen.', 'synonym',
  'pl.', 'fig.', 'tab.', 'p.', 'var.nov.', 'stat.', 'status', 'partim', 'nud.', 'illeg.', 'ssp', 'non-', 'spec', 'stat',
]);

/** Upper-case annotation words (Auct., MS, Nomen). */
export const STOP_WORDS_CASED = new Set(['Auct.', 'Auct', 'MS', 'Ms', 'Nomen', 'CF', 'Bold', 'BOLD', 'Approved', 'Syn.', 'Sensu']);

/** Markers of approximate names ("Sphingomonas sp. 37"). */
export const APPROX = new Set(['sp.', 'sp', 'spp.', 'spp', 'nr.', 'nr', 'aff.', 'aff', 'near', 'sp.nov.', 'indet.', 'indet']);
export const COMPARISON = new Set(['cf.', 'cf']);

export const GREEK_LETTERS = new Set(['α', 'β', 'γ', 'δ', 'ε', 'ζ', 'η', 'θ', 'ι', 'κ', 'λ', 'μ', 'ν', 'ξ', 'ο', 'π', 'ρ', 'σ', 'τ', 'υ', 'φ', 'χ', 'ψ', 'ω']);

/** Latin numerals for legacy numeric epithet prefixes ("4-gibbus" → quadrigibbus). */
export const LATIN_NUMBERS: Record<string, string> = {
  '1': 'uni', '2': 'bi', '3': 'tri', '4': 'quadri', '5': 'quinque', '6': 'sex', '7': 'septem', '8': 'octo', '9': 'novem', '10': 'decem',
  '11': 'undecim', '12': 'duodecim', '13': 'tredecim', '14': 'quatuordecim', '15': 'quindecim', '16': 'sedecim', '17': 'septendecim',
  '18': 'octodecim', '19': 'novemdecim', '20': 'viginti', '21': 'vigintiuno', '22': 'vigintiduo', '23': 'vigintitria', '24': 'vigintiquatuor',
  '25': 'vigintiquinque', '26': 'vigintisex', '27': 'vigintiseptem', '28': 'vigintiocto', '30': 'triginta', '40': 'quadraginta', '50': 'quinquaginta',
};
