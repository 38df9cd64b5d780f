import type { Random } from './random.ts';
import type { SurveyLanguage } from './answer-labels.ts';

/**
 * Fake personal data for the sample exports: realistic enough that ingest has to remove it, and
 * harmless because every value is reserved for documentation or fiction:
 * IPv4 documentation ranges 192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24 (RFC 5737), IPv6
 * 2001:db8::/32 (RFC 3849), e-mail domains example.org/.com/.net (RFC 2606), and telephone ranges
 * set aside for drama (Ofcom 020 7946 0xxx, NANP 555-01xx, ARCEP 01 99 00 xx xx, ACMA 0491 570 xxx).
 * Names are deliberately uncommon (so a test that searches outputs for them cannot hit an
 * ordinary word) and belong to nobody in particular.
 *
 * Every value handed out is recorded, so the truth file can list all of them and tests can prove
 * that none reaches out/.
 */
const FIRST_NAMES = [
  'Oluwaseun', 'Krzysztof', 'Thandiwe', 'Joaquín', 'Siobhan', 'Aigerim', 'Bogdana', 'Nnamdi', 'Ingeborg', 'Rafaela',
  'Tadeusz', 'Wanjiru', 'Yerlan', 'Mihaela', 'Esperanza', 'Kwabena', 'Dagny', 'Anneliese', 'Chidinma', 'Leopoldina',
  'Matthijs', 'Ximena', 'Zbigniew', 'Ifeoluwa',
];
const LAST_NAMES = [
  'Okonkwo', 'Wiśniewski', 'Van der Merwe', 'Haddad-Karimi', 'Nakashima', 'Fitzgerald-Moore', 'Abdykadyrov', 'Mensah-Bonsu',
  'Lindqvist', 'Castellanos', 'Przybylski', 'Oyelaran', 'Kowalczyk', 'Achterberg', 'Quispe-Mamani', 'Nyambura',
  'Ravindranath', 'Halvorsen', 'Bouchareb', 'Zielińska',
];

export interface PlantedPersonalData {
  ipAddresses: string[];
  firstNames: string[];
  lastNames: string[];
  emails: string[];
  phoneNumbers: string[];
  gpsCoordinates: string[];
  externalReferences: string[];
}

export interface PersonalDataFaker {
  ipv4(): string;
  /** An IPv4 address or, one time in eight, an IPv6 one. */
  ipAny(): string;
  person(): { firstName: string; lastName: string; email: string };
  /** An address typed into an open answer (not a recipient field). */
  typedEmail(): string;
  phone(): string;
  /** [latitude, longitude] as Qualtrics writes them (4 decimals, at least two integer digits). */
  coordinates(): [string, string];
  externalReference(): string;
  planted(): PlantedPersonalData;
}

const asciiSlug = (text: string): string =>
  text.normalize('NFD').replace(/\p{M}/gu, '').replace(/ł/g, 'l').toLowerCase().replace(/[^a-z]+/g, '-').replace(/^-|-$/g, '');

export function createPersonalDataFaker(random: Random): PersonalDataFaker {
  const sets: { [K in keyof PlantedPersonalData]: Set<string> } = {
    ipAddresses: new Set(), firstNames: new Set(), lastNames: new Set(), emails: new Set(),
    phoneNumbers: new Set(), gpsCoordinates: new Set(), externalReferences: new Set(),
  };
  const keep = (kind: keyof PlantedPersonalData, value: string): string => {
    sets[kind].add(value);
    return value;
  };
  const ipv4 = () => keep('ipAddresses', `${random.pick(['192.0.2', '198.51.100', '203.0.113'])}.${random.integer(1, 254)}`);
  const coordinate = (low: number, high: number): string => {
    let value = 0;
    do value = random.uniform(low, high);
    while (Math.abs(value) < 10);
    return value.toFixed(4);
  };
  return {
    ipv4,
    ipAny: () =>
      random.chance(1 / 8)
        ? keep('ipAddresses', `2001:db8:${random.integer(0x100, 0xfff).toString(16)}::${random.integer(0x1000, 0xffff).toString(16)}`)
        : ipv4(),
    person: () => {
      const firstName = keep('firstNames', random.pick(FIRST_NAMES));
      const lastName = keep('lastNames', random.pick(LAST_NAMES));
      const email = keep('emails', `${asciiSlug(firstName)}.${asciiSlug(lastName)}@example.org`);
      return { firstName, lastName, email };
    },
    typedEmail: () =>
      keep('emails', `${asciiSlug(random.pick(FIRST_NAMES)).charAt(0)}.${asciiSlug(random.pick(LAST_NAMES))}${random.integer(1, 99)}@${random.pick(['example.com', 'example.net'])}`),
    phone: () => {
      const two = () => String(random.integer(0, 99)).padStart(2, '0');
      const three = () => String(random.integer(0, 999)).padStart(3, '0');
      const formats = [
        () => `+44 20 7946 0${three()}`,
        () => `+1 202-555-01${two()}`,
        () => `+33 1 99 00 ${two()} ${two()}`,
        () => `+61 491 570 1${two()}`,
      ];
      return keep('phoneNumbers', random.pick(formats)());
    },
    coordinates: () => {
      const latitude = keep('gpsCoordinates', coordinate(-40, 62));
      const longitude = keep('gpsCoordinates', coordinate(-120, 150));
      return [latitude, longitude];
    },
    externalReference: () => keep('externalReferences', `CRM-${String(random.integer(0, 999999)).padStart(6, '0')}`),
    planted: () => ({
      ipAddresses: [...sets.ipAddresses].sort(),
      firstNames: [...sets.firstNames].sort(),
      lastNames: [...sets.lastNames].sort(),
      emails: [...sets.emails].sort(),
      phoneNumbers: [...sets.phoneNumbers].sort(),
      gpsCoordinates: [...sets.gpsCoordinates].sort(),
      externalReferences: [...sets.externalReferences].sort(),
    }),
  };
}

/** Phrases for the open question ("which skills do graduates most lack / what should change"). */
const OPEN_ANSWERS: Record<SurveyLanguage, readonly string[]> = {
  en: [
    'Hands-on incident handling. Graduates know the theory but have never worked a real alert.',
    'Cloud security, especially identity and logging in AWS and Azure.',
    'Report writing and explaining risk to managers.',
    'More practical labs, fewer lectures.',
    'They lack experience with SIEM tools and log analysis.',
    'Soft skills: communication and working in a team.',
    'Threat intelligence and understanding attacker behaviour.',
    'Internships with industry would help a lot.',
    'Basic networking is weak.\nAlso scripting (Python, PowerShell).',
    'Business understanding - why security matters to the organisation.',
    'Nothing in particular, our hires are generally well prepared.',
    'Secure coding and code review.',
    'n/a',
  ],
  fr: [
    'Plus de travaux pratiques et de stages en entreprise.',
    "La sécurité du cloud n'est presque pas enseignée.",
    'La communication écrite et orale reste faible.',
    "Réponse aux incidents : il faudrait des exercices de crise.",
  ],
  es: [
    'Más prácticas en laboratorio y colaboración con la industria.',
    'Falta formación en seguridad en la nube.',
    'Habilidades de comunicación y trabajo en equipo.',
  ],
  pt: [
    'Mais aulas práticas e parcerias com empresas.',
    'Segurança em nuvem e resposta a incidentes.',
  ],
};

/**
 * An answer to the open question: empty for most respondents; some write a phrase; a few add
 * their e-mail address or phone number, which ingest must redact.
 */
export function openAnswer(random: Random, faker: PersonalDataFaker, language: SurveyLanguage): string {
  if (!random.chance(0.45)) return '';
  let text = random.pick(OPEN_ANSWERS[language]);
  const contact = random.next();
  if (contact < 0.07) text += ` Happy to discuss: ${faker.typedEmail()}`;
  else if (contact < 0.12) text += ` Call me on ${faker.phone()} if useful.`;
  return text;
}
