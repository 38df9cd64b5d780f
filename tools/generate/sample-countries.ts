import type { SurveyLanguage } from './answer-labels.ts';

/**
 * The 66 countries of the sample waves (the IS3C survey reached 66 countries, BRIEF §1.1), with
 * their UN M49 region and the ways people type them into a free-text country question
 * (BRIEF §4.3). Spellings are weighted: most people write the usual English name.
 * `languages` gives the share of education respondents answering in French, Spanish or Portuguese;
 * `localName` is how they write the country in that language.
 */
export interface SampleCountry {
  alpha2: string;
  region: M49Region;
  /** [spelling, relative weight]. */
  spellings: readonly (readonly [string, number])[];
  /** Relative number of respondents. */
  weight: number;
  languages?: Partial<Record<SurveyLanguage, number>>;
  localName?: Partial<Record<SurveyLanguage, string>>;
}

export type M49Region = 'Africa' | 'Americas' | 'Asia' | 'Europe' | 'Oceania';
export const M49_REGIONS: readonly M49Region[] = ['Africa', 'Americas', 'Asia', 'Europe', 'Oceania'];
/** Region of respondents whose country cannot be recognised. */
export const UNKNOWN_REGION = 'Unknown';

const plain = (name: string): readonly (readonly [string, number])[] => [[name, 1]];

export const SAMPLE_COUNTRIES: readonly SampleCountry[] = [
  // Africa (13)
  { alpha2: 'NG', region: 'Africa', weight: 4, spellings: [['Nigeria', 9], ['nigeria', 1]] },
  { alpha2: 'KE', region: 'Africa', weight: 4, spellings: [['Kenya', 9], ['Kenya ', 1]] },
  { alpha2: 'ZA', region: 'Africa', weight: 3, spellings: [['South Africa', 8], ['South-Africa', 1]] },
  { alpha2: 'EG', region: 'Africa', weight: 2, spellings: plain('Egypt') },
  { alpha2: 'MA', region: 'Africa', weight: 2, spellings: plain('Morocco'), languages: { fr: 0.7 }, localName: { fr: 'Maroc' } },
  { alpha2: 'GH', region: 'Africa', weight: 3, spellings: plain('Ghana') },
  { alpha2: 'CI', region: 'Africa', weight: 2, spellings: [["Côte d'Ivoire", 3], ['Ivory Coast', 3], ["Cote d'Ivoire", 2], ['Cote dIvoire', 1]], languages: { fr: 0.9 }, localName: { fr: 'Côte d’Ivoire' } },
  { alpha2: 'SN', region: 'Africa', weight: 2, spellings: plain('Senegal'), languages: { fr: 0.9 }, localName: { fr: 'Sénégal' } },
  { alpha2: 'ET', region: 'Africa', weight: 1, spellings: plain('Ethiopia') },
  { alpha2: 'TN', region: 'Africa', weight: 1, spellings: plain('Tunisia'), languages: { fr: 0.8 }, localName: { fr: 'Tunisie' } },
  { alpha2: 'RW', region: 'Africa', weight: 1, spellings: plain('Rwanda') },
  { alpha2: 'UG', region: 'Africa', weight: 1, spellings: plain('Uganda') },
  { alpha2: 'CM', region: 'Africa', weight: 1, spellings: plain('Cameroon'), languages: { fr: 0.8 }, localName: { fr: 'Cameroun' } },
  // Americas (12)
  { alpha2: 'US', region: 'Americas', weight: 9, spellings: [['United States', 5], ['USA', 4], ['U.S.', 1], ['United States of America', 2], ['US', 1]] },
  { alpha2: 'CA', region: 'Americas', weight: 3, spellings: plain('Canada'), languages: { fr: 0.25 }, localName: { fr: 'Canada' } },
  { alpha2: 'MX', region: 'Americas', weight: 2, spellings: [['Mexico', 3], ['México', 1]], languages: { es: 0.9 }, localName: { es: 'México' } },
  { alpha2: 'BR', region: 'Americas', weight: 3, spellings: [['Brazil', 3], ['Brasil', 1]], languages: { pt: 0.9 }, localName: { pt: 'Brasil' } },
  { alpha2: 'AR', region: 'Americas', weight: 2, spellings: plain('Argentina'), languages: { es: 0.9 }, localName: { es: 'Argentina' } },
  { alpha2: 'CO', region: 'Americas', weight: 2, spellings: plain('Colombia'), languages: { es: 0.9 }, localName: { es: 'Colombia' } },
  { alpha2: 'CL', region: 'Americas', weight: 1, spellings: plain('Chile'), languages: { es: 0.9 }, localName: { es: 'Chile' } },
  { alpha2: 'PE', region: 'Americas', weight: 1, spellings: plain('Peru'), languages: { es: 0.9 }, localName: { es: 'Perú' } },
  { alpha2: 'JM', region: 'Americas', weight: 1, spellings: plain('Jamaica') },
  { alpha2: 'TT', region: 'Americas', weight: 1, spellings: [['Trinidad and Tobago', 2], ['Trinidad & Tobago', 1]] },
  { alpha2: 'CR', region: 'Americas', weight: 1, spellings: plain('Costa Rica'), languages: { es: 0.9 }, localName: { es: 'Costa Rica' } },
  { alpha2: 'BO', region: 'Americas', weight: 1, spellings: [['Bolivia', 2], ['Bolivia (Plurinational State of)', 1]], languages: { es: 0.9 }, localName: { es: 'Bolivia' } },
  // Asia (18)
  { alpha2: 'IN', region: 'Asia', weight: 6, spellings: [['India', 9], ['india', 1]] },
  { alpha2: 'CN', region: 'Asia', weight: 2, spellings: [['China', 4], ["People's Republic of China", 1]] },
  { alpha2: 'JP', region: 'Asia', weight: 2, spellings: plain('Japan') },
  { alpha2: 'KR', region: 'Asia', weight: 2, spellings: [['South Korea', 3], ['Korea, Republic of', 1], ['Republic of Korea', 1]] },
  { alpha2: 'ID', region: 'Asia', weight: 2, spellings: plain('Indonesia') },
  { alpha2: 'MY', region: 'Asia', weight: 2, spellings: plain('Malaysia') },
  { alpha2: 'SG', region: 'Asia', weight: 2, spellings: plain('Singapore') },
  { alpha2: 'PH', region: 'Asia', weight: 2, spellings: [['Philippines', 3], ['The Philippines', 1]] },
  { alpha2: 'VN', region: 'Asia', weight: 2, spellings: [['Viet Nam', 1], ['Vietnam', 2]] },
  { alpha2: 'TH', region: 'Asia', weight: 1, spellings: plain('Thailand') },
  { alpha2: 'PK', region: 'Asia', weight: 2, spellings: plain('Pakistan') },
  { alpha2: 'BD', region: 'Asia', weight: 2, spellings: plain('Bangladesh') },
  { alpha2: 'LK', region: 'Asia', weight: 1, spellings: plain('Sri Lanka') },
  { alpha2: 'TR', region: 'Asia', weight: 2, spellings: [['Türkiye', 2], ['Turkey', 3], ['Turkiye', 1]] },
  { alpha2: 'AE', region: 'Asia', weight: 1, spellings: [['United Arab Emirates', 2], ['UAE', 1]] },
  { alpha2: 'SA', region: 'Asia', weight: 1, spellings: plain('Saudi Arabia') },
  { alpha2: 'IL', region: 'Asia', weight: 1, spellings: plain('Israel') },
  { alpha2: 'KZ', region: 'Asia', weight: 1, spellings: plain('Kazakhstan') },
  // Europe (20)
  { alpha2: 'GB', region: 'Europe', weight: 6, spellings: [['United Kingdom', 4], ['UK', 4], ['U.K.', 1], ['Great Britain', 1], ['England', 1]] },
  { alpha2: 'DE', region: 'Europe', weight: 4, spellings: [['Germany', 6], ['Deutschland', 2], ['germany', 1]] },
  { alpha2: 'FR', region: 'Europe', weight: 3, spellings: plain('France'), languages: { fr: 0.9 }, localName: { fr: 'France' } },
  { alpha2: 'NL', region: 'Europe', weight: 4, spellings: [['Netherlands', 4], ['The Netherlands', 3], ['Holland', 1], ['Nederland', 1]] },
  { alpha2: 'PL', region: 'Europe', weight: 3, spellings: [['Poland', 5], ['Polska', 1]] },
  { alpha2: 'ES', region: 'Europe', weight: 2, spellings: [['Spain', 3], ['España', 1]], languages: { es: 0.9 }, localName: { es: 'España' } },
  { alpha2: 'IT', region: 'Europe', weight: 2, spellings: [['Italy', 4], ['Italia', 1]] },
  { alpha2: 'PT', region: 'Europe', weight: 2, spellings: plain('Portugal'), languages: { pt: 0.9 }, localName: { pt: 'Portugal' } },
  { alpha2: 'BE', region: 'Europe', weight: 2, spellings: plain('Belgium'), languages: { fr: 0.6 }, localName: { fr: 'Belgique' } },
  { alpha2: 'CH', region: 'Europe', weight: 1, spellings: [['Switzerland', 3], ['Schweiz', 1]], languages: { fr: 0.3 }, localName: { fr: 'Suisse' } },
  { alpha2: 'SE', region: 'Europe', weight: 1, spellings: plain('Sweden') },
  { alpha2: 'NO', region: 'Europe', weight: 1, spellings: plain('Norway') },
  { alpha2: 'FI', region: 'Europe', weight: 1, spellings: plain('Finland') },
  { alpha2: 'IE', region: 'Europe', weight: 1, spellings: plain('Ireland') },
  { alpha2: 'AT', region: 'Europe', weight: 1, spellings: plain('Austria') },
  { alpha2: 'CZ', region: 'Europe', weight: 1, spellings: [['Czechia', 1], ['Czech Republic', 2]] },
  { alpha2: 'RO', region: 'Europe', weight: 1, spellings: plain('Romania') },
  { alpha2: 'UA', region: 'Europe', weight: 1, spellings: plain('Ukraine') },
  { alpha2: 'GR', region: 'Europe', weight: 1, spellings: plain('Greece') },
  { alpha2: 'EE', region: 'Europe', weight: 1, spellings: plain('Estonia') },
  // Oceania (3): kept small on purpose, so small-cell suppression shows in the report.
  { alpha2: 'AU', region: 'Oceania', weight: 3, spellings: plain('Australia') },
  { alpha2: 'NZ', region: 'Oceania', weight: 1, spellings: plain('New Zealand') },
  { alpha2: 'FJ', region: 'Oceania', weight: 1, spellings: plain('Fiji') },
];

/** Entries no country matcher should accept: they must end up in region `Unknown` with a warning. */
export const UNRECOGNISABLE_COUNTRY_ENTRIES: readonly string[] = ['Europe', 'Planet Earth', 'xx', 'Various / remote'];
