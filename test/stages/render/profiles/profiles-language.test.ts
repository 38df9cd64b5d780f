/**
 * Profiles in French (`skillgap profiles --lang fr` on the 2022 sample wave, run into a temporary
 * folder): one region (Europe) and one country (France), PDF read back with pdf.js, HTML as text.
 *
 * - /Lang (fr-FR) in the PDF, `<html lang="fr-FR">` in the page;
 * - no English catalogue text left: every fragment (12 characters or more, between placeholders)
 *   of an English message that French words differently is absent (as
 *   test/stages/render/i18n/languages.test.ts checks the report), and the French headings are there;
 * - region, country and competency names in French (Europe → Europe, France → France are equal, so
 *   the checks use a competency whose French label differs and the profile heading);
 * - numbers with the decimal comma: the unit's published gaps as estimates.csv has them, printed
 *   "1,23"; no number with a decimal point remains;
 * - the PDF is tagged PDF/UA as the report is (test/helpers/pdf-structure.ts: headings nest, every
 *   Figure has alt text, every Table has TH, no untagged content);
 * - every Figure's /Alt is French, and the answers chart's is written from the unit's numbers (the
 *   largest top-two share of estimates.csv, "96 %"), not its title.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { profilesCommand, type ProfilesResult } from '../../../../commands/profiles-command.ts';
import { runCommand } from '../../../../commands/run-command.ts';
import { translator } from '../../../../stages/render/i18n/translator.ts';
import type { CompetencyFramework } from '../../../../contracts/types.ts';
import { englishFragments, englishFragmentsIn } from '../../../helpers/english-fragments.ts';
import { readPdfStructure, structureProblems } from '../../../helpers/pdf-structure.ts';
import { readPdf } from '../../../helpers/read-pdf.ts';
import { useTempDir } from '../../../helpers/temp-dir.ts';

const quiet = () => {};
const squash = (text: string) => text.replace(/\s+/g, ' ');
const fr = translator('fr');

/** Text a reader sees in a profile page, without scripts and styles. */
function htmlText(html: string): string {
  return squash(
    html
      .replace(/<script[\s\S]*?<\/script>/g, ' ')
      .replace(/<style[\s\S]*?<\/style>/g, ' ')
      .replace(/<[^>]+>/g, ' ')
      .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&'),
  );
}

describe('profiles in French', () => {
  const out = useTempDir('skillgap-profiles-fr-');
  let result: ProfilesResult;
  let estimates: { region: string; country: string; competency: string; population: string; measure: string; mean: string; top2_share: string; suppressed: string }[];
  let title: string;
  const rendered: { level: string; id: string; pdfBytes: Buffer; pdfText: string; html: string; htmlText: string }[] = [];

  beforeAll(async () => {
    await runCommand({ wave: '2022', out, only: ['ingest', 'normalise', 'analyse'], log: quiet });
    result = await profilesCommand({ wave: '2022', out, lang: 'fr', only: ['Europe', 'FR'], workers: 1, log: quiet });
    for (const profile of result.profiles) {
      const pdfBytes = readFileSync(profile.pdf);
      const html = readFileSync(profile.html, 'utf8');
      rendered.push({ level: profile.level, id: profile.id, pdfBytes, pdfText: squash((await readPdf(pdfBytes)).pages.join(' ')), html, htmlText: htmlText(html) });
    }
    estimates = Papa.parse<(typeof estimates)[number]>(readFileSync(join(out, '2022', 'analysis', 'estimates.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;
    title = (JSON.parse(readFileSync(join(import.meta.dirname, '../../../../data/raw/2022/wave.json'), 'utf8')) as { title: string }).title;
  }, 900_000);

  it('wrote one region and one country profile, of 2 to 4 pages as in English', () => {
    expect(result.profiles.map((profile) => [profile.level, profile.id])).toEqual([['region', 'Europe'], ['country', 'FR']]);
    for (const profile of result.profiles) expect([profile.id, profile.pages >= 2 && profile.pages <= 4]).toEqual([profile.id, true]);
  });

  it('declares French in the PDF (/Lang) and the page (lang attribute)', () => {
    for (const profile of rendered) {
      expect(profile.pdfBytes.toString('latin1')).toContain('/Lang (fr-FR)');
      expect(profile.html).toContain('<html lang="fr-FR">');
    }
  });

  it('leaves no English catalogue text, and the French text is there', () => {
    const fragments = englishFragments('fr');
    expect(fragments.filter(({ key }) => key.startsWith('profile.')).length).toBeGreaterThan(30);
    for (const profile of rendered) {
      // The wave's own title (wave.json) is English by design.
      for (const text of [profile.pdfText.split(title).join(' '), profile.htmlText.split(title).join(' ')]) {
        expect(englishFragmentsIn(text, fragments), `${profile.level} ${profile.id}`).toEqual([]);
        expect(text).toContain(fr.t('profile.gapsHeading'));
        expect(text).toContain(fr.t('profile.needsHeading'));
        expect(text).toContain(fr.t('profile.caveatsHeading'));
        expect(text).toContain(fr.t('profile.heading', { unit: profile.level === 'region' ? fr.region('Europe') : fr.country('FR', 'France') }));
      }
    }
  });

  it('names competencies in French', () => {
    const framework = JSON.parse(readFileSync(join(import.meta.dirname, '../../../../data/competencies.json'), 'utf8')) as CompetencyFramework;
    const cloud = framework.competencies.find((competency) => competency.id === 'cloud-security')!;
    expect(cloud.translations!.fr!.label).not.toBe(cloud.label);
    for (const profile of rendered) {
      for (const text of [profile.pdfText, profile.htmlText]) {
        expect(text).toContain(cloud.translations!.fr!.label);
        expect(text).not.toContain(cloud.label);
      }
    }
  });

  it('prints the unit’s published gaps with the decimal comma, and no decimal point', () => {
    for (const profile of rendered) {
      const published = estimates.filter((row) =>
        row.population === 'industry' && row.measure === 'gap_preparedness' && row.suppressed === 'false' &&
        (profile.level === 'country' ? row.country === profile.id : row.country === '' && row.region === profile.id));
      expect(published.length, `${profile.level} ${profile.id}`).toBeGreaterThan(3);
      for (const row of published) {
        const printed = Number(row.mean).toFixed(2).replace('.', ',').replace('-', '\u2212');
        expect(profile.pdfText, `${profile.id} ${row.competency}`).toContain(printed);
        expect(profile.htmlText).toContain(printed);
      }
      for (const text of [profile.pdfText, profile.htmlText.replace(/analysis\/estimates\.csv|\S+\.pdf/g, ' ')]) expect(text.match(/\d\.\d\d(?!\d)/g) ?? []).toEqual([]);
    }
  });

  it('is a tagged PDF/UA document as the report is', async () => {
    for (const profile of rendered) {
      const structure = await readPdfStructure(profile.pdfBytes);
      expect(structure.marked).toBe(true);
      expect(structure.lang).toBe('fr-FR');
      expect(structure.figures.length).toBeGreaterThanOrEqual(2);
      expect(structure.tables.length).toBeGreaterThanOrEqual(1);
      expect(structureProblems(structure), `${profile.level} ${profile.id}`).toEqual([]);
    }
  });
  it('describes each chart from the unit’s numbers in French: the answer charts name the largest top-two share of estimates.csv', async () => {
    const fragments = englishFragments('fr');
    for (const profile of rendered) {
      const { figures } = await readPdfStructure(profile.pdfBytes);
      const alts = figures.map((figure) => squash(figure.alt));
      for (const alt of alts) expect(englishFragmentsIn(alt.split(title).join(' '), fragments), `${profile.id}: ${alt}`).toEqual([]);
      // Not the chart's title any more: the answers chart says what it shows and its values.
      const answers = alts.find((alt) => alt.startsWith('Barres empilées divergentes des réponses de l’industrie'));
      expect(answers, profile.id).toBeDefined();
      const unitRows = estimates.filter((row) =>
        row.population === 'industry' && row.measure === 'importance' && row.suppressed === 'false' && row.top2_share !== '' &&
        (profile.level === 'country' ? row.country === profile.id : row.country === '' && row.region === profile.id));
      const framework = JSON.parse(readFileSync(join(import.meta.dirname, '../../../../data/competencies.json'), 'utf8')) as CompetencyFramework;
      const largestShare = Math.max(...unitRows.map((row) => Number(row.top2_share)));
      // fr-FR percent: the number, a narrow no-break space (a space once squashed), the sign; any of the competencies tied at the top.
      const expected = unitRows
        .filter((row) => Number(row.top2_share) === largestShare)
        .map((row) => `importance : ${framework.competencies.find((competency) => competency.id === row.competency)!.translations!.fr!.label}, ${Math.round(100 * largestShare)} %`);
      expect(expected.some((text) => answers!.includes(text)), `${profile.id}: ${answers} has none of ${expected.join(' | ')}`).toBe(true);
    }
  });
});
