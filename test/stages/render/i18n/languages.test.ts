/**
 * The 2022 sample wave rendered in French, Spanish and Portuguese (`--lang` through the run
 * command, into a temporary folder; ingest, normalise and analyse run once and are reused, since
 * the language is a parameter of the render stage only). Per language, reading report.pdf back with
 * pdf.js and report.html's text:
 *
 * - the PDF's /Lang and the page's `lang` attribute are the language's tag;
 * - no English catalogue text is left: every fragment (between placeholders, 12 characters or
 *   more) of an English message that differs from the language's message is absent;
 * - no competency label or description is left in English where the language's differs;
 * - numbers use the locale's decimal comma: the Global cloud-security gap, 1.80 in English, is
 *   printed "1,80" (and its interval "1,70 … 1,91"), and no number with a decimal point remains.
 *
 * Left out of the text checks, because they are English by design: the methodology chapter
 * (docs/methods.md, printed as the reference text with a note saying so), appendix B (file names,
 * package versions, the wave config as JSON), the wave's own title (wave.json), the pipeline's
 * warnings (CLI diagnostics stay English), and the names, versions and sources of the frameworks
 * and their units (NICE, ECSF, CSEC2017 and CyBOK publish them in English).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../../../commands/run-command.ts';
import { en } from '../../../../stages/render/i18n/en.ts';
import { catalogue } from '../../../../stages/render/i18n/catalogue.ts';
import { translator } from '../../../../stages/render/i18n/translator.ts';
import type { Language } from '../../../../contracts/languages.ts';
import type { AnalysisResult, CompetencyFramework, Warning } from '../../../../contracts/types.ts';
import { readPdf } from '../../../helpers/read-pdf.ts';
import { useTempDir } from '../../../helpers/temp-dir.ts';

const root = resolve(import.meta.dirname, '../../../..');
const LANGS = ['fr', 'es', 'pt'] as const satisfies readonly Language[];
const quiet = () => {};

interface Rendered {
  stages: { stage: string; ran: boolean; reason: string }[];
  pdfBytes: Buffer;
  pdfPages: string[];
  html: string;
}

const squash = (text: string) => text.replace(/\s+/g, ' ');

/** Text a reader sees in report.html, without scripts, styles and the English-by-design sections. */
function htmlText(html: string): string {
  return squash(
    html
      .replace(/<script[\s\S]*?<\/script>/g, ' ')
      .replace(/<style[\s\S]*?<\/style>/g, ' ')
      .replace(/<section id="methodology"[\s\S]*?<\/section>/, ' ')
      .replace(/<section id="provenance"[\s\S]*?<\/section>/, ' ')
      .replace(/<table class="data-table" data-table-name="table-warnings">[\s\S]*?<\/table>/, ' ')
      .replace(/<[^>]+>/g, ' ')
      .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&'),
  );
}

/** The PDF's text without the methodology chapter and appendix B (found by their headings, after the contents page). */
function pdfText(pages: string[], lang: Language): string {
  const { t } = translator(lang);
  const flat = pages.map(squash);
  const methodology = flat.findIndex((page, index) => index > 1 && page.includes(t('report.methodology.englishOnly')));
  const quality = flat.findIndex((page, index) => index > methodology && page.includes(t('report.chapter.quality')));
  const provenance = flat.findIndex((page, index) => index > quality && page.includes(t('report.chapter.provenance')));
  expect([methodology > 1, quality > methodology, provenance > quality]).toEqual([true, true, true]);
  return flat.filter((_, index) => index < methodology || (index >= quality && index < provenance)).join(' ');
}

/** English proper names the text may hold: the wave title, warnings, frameworks and their units. */
function englishByDesign(analysis: AnalysisResult, title: string, warnings: Warning[]): string[] {
  const frameworks = (analysis.frameworks ?? []).flatMap((rollup) => [
    rollup.name, rollup.version, rollup.source,
    ...[...rollup.units, ...rollup.unmappedUnits].flatMap((unit) => [unit.name, unit.id]),
  ]);
  return [title, ...warnings.map((warning) => warning.message), ...frameworks].filter((text) => text.length > 2).sort((a, b) => b.length - a.length);
}

const withoutAll = (text: string, remove: string[]) => remove.reduce((rest, phrase) => rest.split(squash(phrase)).join(' '), text);

/** The fragments of English messages that the language translates differently, long enough to be unambiguous. */
function englishFragments(lang: Language): { key: string; fragment: string }[] {
  const local = catalogue(lang) as Record<string, string>;
  const localText = Object.values(local).join('\n');
  return Object.entries(en).flatMap(([key, text]) =>
    text === '' || text === local[key]
      ? []
      : text
          .split(/\{\w+\}|\*\*/)
          .map((fragment) => fragment.trim())
          .filter((fragment) => fragment.length >= 12 && !localText.includes(fragment))
          .map((fragment) => ({ key, fragment })),
  );
}

describe('the 2022 sample wave in French, Spanish and Portuguese', () => {
  const out = useTempDir('skillgap-i18n-');
  const rendered = {} as Record<(typeof LANGS)[number], Rendered>;
  let analysis: AnalysisResult;
  let framework: CompetencyFramework;
  let wave: { title: string };
  let warnings: Warning[];

  beforeAll(async () => {
    await runCommand({ wave: '2022', out, only: ['ingest', 'normalise', 'analyse'], log: quiet });
    for (const lang of LANGS) {
      const result = await runCommand({ wave: '2022', out, lang, log: quiet });
      const pdfBytes = readFileSync(join(out, '2022', 'report.pdf'));
      rendered[lang] = { stages: result.stages, pdfBytes, pdfPages: (await readPdf(pdfBytes)).pages, html: readFileSync(join(out, '2022', 'report.html'), 'utf8') };
    }
    analysis = JSON.parse(readFileSync(join(out, '2022', 'analysis', 'analysis.json'), 'utf8')) as AnalysisResult;
    framework = JSON.parse(readFileSync(join(root, 'data', 'competencies.json'), 'utf8')) as CompetencyFramework;
    wave = JSON.parse(readFileSync(join(root, 'data', 'raw', '2022', 'wave.json'), 'utf8')) as { title: string };
    // The normalise stage's warnings (normalised/wave.json), as the report's appendix A lists them.
    warnings = [...(JSON.parse(readFileSync(join(out, '2022', 'normalised', 'wave.json'), 'utf8')) as { warnings: Warning[] }).warnings, ...analysis.warnings];
  }, 900_000);

  for (const lang of LANGS) {
    describe(lang, () => {
      const texts = () => {
        const remove = englishByDesign(analysis, wave.title, warnings);
        return { pdf: withoutAll(pdfText(rendered[lang].pdfPages, lang), remove), html: withoutAll(htmlText(rendered[lang].html), remove) };
      };

      it('reran only the render stage for the new language', () => {
        expect(rendered[lang].stages.map((stage) => [stage.stage, stage.ran])).toEqual([['ingest', false], ['normalise', false], ['analyse', false], ['render', true]]);
        // The first language renders a folder that never had a render; the next ones change its parameters.
        if (lang !== LANGS[0]) expect(rendered[lang].stages.find((stage) => stage.stage === 'render')!.reason).toMatch(/parameters/);
      });

      it('declares the language in the PDF (/Lang) and the page (lang attribute)', () => {
        const tag = translator(lang).tag;
        expect(rendered[lang].pdfBytes.toString('latin1')).toContain(`/Lang (${tag})`);
        expect(rendered[lang].html).toContain(`<html lang="${tag}">`);
      });

      it('leaves no English catalogue text', () => {
        const { pdf, html } = texts();
        const fragments = englishFragments(lang);
        expect(fragments.length).toBeGreaterThan(250);
        expect(fragments.filter(({ fragment }) => pdf.includes(fragment))).toEqual([]);
        expect(fragments.filter(({ fragment }) => html.includes(fragment))).toEqual([]);
        // And the language's own text is there.
        for (const text of [pdf, html]) expect(text).toContain(translator(lang).t('report.chapter.gaps'));
      });

      it('leaves no competency label or description in English', () => {
        const { pdf, html } = texts();
        const translated = framework.competencies.filter((competency) => competency.translations![lang]!.label !== competency.label);
        expect(translated.length).toBeGreaterThan(20);
        for (const text of [pdf, html]) {
          expect(translated.filter((competency) => text.includes(competency.label)).map((competency) => competency.label)).toEqual([]);
          expect(framework.competencies.filter((competency) => text.includes(squash(competency.description))).map((competency) => competency.id)).toEqual([]);
          expect(framework.competencies.filter((competency) => !text.includes(competency.translations![lang]!.label)).map((competency) => competency.id)).toEqual([]);
        }
      });

      it('prints numbers with the decimal comma: the Global cloud-security gap 1.80 is "1,80"', () => {
        const cloud = analysis.estimates.find((row) => row.region === 'Global' && row.competency === 'cloud-security' && row.population === 'industry' && row.measure === 'gap_preparedness')!;
        // The seeded sample wave's estimate (also quoted by the English executive summary).
        expect(cloud.mean.toFixed(2)).toBe('1.80');
        const interval = translator(lang).interval(cloud.ciLow, cloud.ciHigh);
        expect(interval).toMatch(/^1,70 \S+ 1,91$/);
        const { pdf, html } = texts();
        for (const text of [pdf, html]) {
          expect(text).toContain('1,80');
          expect(text).toContain(interval);
          expect(text.match(/\d\.\d\d(?!\d)/g) ?? []).toEqual([]);
        }
      });
    });
  }
});
