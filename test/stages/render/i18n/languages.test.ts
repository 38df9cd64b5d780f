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
 *   printed "1,80" (and its interval "1,70 … 1,91"), and no number with a decimal point remains;
 * - in French, the figures too: the PDF structure tree read back (test/helpers/pdf-structure.ts) has
 *   every Figure's /Alt in French (no English fragment, no decimal point) and the heatmap's quotes
 *   the largest Global gap of estimates.csv as "1,80"; report.html's tooltips (the embedded specs)
 *   and figures/*.vl.json title their fields in French.
 *
 * Left out of the text checks, because they are English by design: the methodology chapter
 * (docs/methods.md, printed as the reference text with a note saying so), appendix B (file names,
 * package versions, the wave config as JSON), the wave's own title (wave.json), the pipeline's
 * warnings (CLI diagnostics stay English), and the names, versions and sources of the frameworks
 * and their units (NICE, ECSF, CSEC2017 and CyBOK publish them in English).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../../../commands/run-command.ts';
import { translator } from '../../../../stages/render/i18n/translator.ts';
import type { Language } from '../../../../contracts/languages.ts';
import type { AnalysisResult, CompetencyFramework, Warning } from '../../../../contracts/types.ts';
import { englishFragments, englishFragmentsIn } from '../../../helpers/english-fragments.ts';
import { readPdfStructure, structureProblems } from '../../../helpers/pdf-structure.ts';
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
  /** figures/importance-vs-preparedness.vl.json as this language's render wrote it. */
  dumbbellSpec: string;
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
      rendered[lang] = {
        stages: result.stages,
        pdfBytes,
        pdfPages: (await readPdf(pdfBytes)).pages,
        html: readFileSync(join(out, '2022', 'report.html'), 'utf8'),
        dumbbellSpec: readFileSync(join(out, '2022', 'figures', 'importance-vs-preparedness.vl.json'), 'utf8'),
      };
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
        expect(englishFragmentsIn(pdf, fragments)).toEqual([]);
        expect(englishFragmentsIn(html, fragments)).toEqual([]);
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
  describe('fr: the figures’ alternative texts and tooltips', () => {
    /** Every tooltip field definition of a spec (figure specs and the page's whole-record tooltips alike). */
    const tooltipFields = (node: unknown): { field: string; title?: string }[] => {
      if (Array.isArray(node)) return node.flatMap(tooltipFields);
      if (!node || typeof node !== 'object') return [];
      const own = (node as { encoding?: { tooltip?: unknown } }).encoding?.tooltip;
      return [...(own ? [own].flat() as { field: string; title?: string }[] : []), ...Object.entries(node).filter(([key]) => key !== 'data').flatMap(([, value]) => tooltipFields(value))];
    };

    it('gives every Figure of report.pdf a French /Alt, quoting the largest Global gap of estimates.csv as "1,80"', async () => {
      const structure = await readPdfStructure(rendered.fr.pdfBytes);
      expect(structureProblems(structure)).toEqual([]);
      expect(structure.figures.length).toBeGreaterThan(20);
      const fragments = englishFragments('fr');
      expect(fragments.filter(({ key }) => key.startsWith('alt.')).length).toBeGreaterThan(40);
      const remove = englishByDesign(analysis, wave.title, warnings);
      for (const { alt, page } of structure.figures) {
        const text = withoutAll(squash(alt), remove);
        expect(englishFragmentsIn(text, fragments), `page ${page}: ${alt}`).toEqual([]);
        for (const words of ['has the largest gap', 'Heatmap of', 'confidence intervals', 'Dot chart', 'Ranking of', 'followed by']) expect(text, `page ${page}`).not.toContain(words);
        expect(text.match(/\d\.\d\d(?!\d)/g) ?? [], `page ${page}: ${alt}`).toEqual([]);
      }
      // The largest published Global gap, read from estimates.csv, with its French label and a decimal comma.
      const csv = Papa.parse<Record<string, string>>(readFileSync(join(out, '2022', 'analysis', 'estimates.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;
      const largest = csv
        .filter((row) => row.region === 'Global' && row.country === '' && row.population === 'industry' && row.measure === 'gap_preparedness' && row.suppressed === 'false')
        .reduce((best, row) => (Number(row.mean) > Number(best.mean) ? row : best));
      const printed = Number(largest.mean).toFixed(2).replace('.', ',');
      expect(printed).toBe('1,80');
      const label = framework.competencies.find((competency) => competency.id === largest.competency)!.translations!.fr!.label;
      const heatmapAlt = structure.figures.map((figure) => squash(figure.alt)).find((alt) => alt.startsWith('Carte de chaleur de l’écart de préparation (importance'));
      expect(heatmapAlt).toContain(`Au niveau mondial, l’écart le plus grand est celui de ${label}, ${printed} (IC à 95 %`);
    });

    it('titles the tooltip fields in French, in report.html as in figures/*.vl.json', () => {
      const json = /<script type="application\/json" id="report-data">([\s\S]*?)<\/script>/.exec(rendered.fr.html)![1]!;
      const page = JSON.parse(json) as { figures: Record<string, { spec: unknown; byRegion: Record<string, unknown> | null }> };
      const pageFields = Object.values(page.figures).flatMap((figure) => [...tooltipFields(figure.spec), ...tooltipFields(Object.values(figure.byRegion ?? {}))]);
      expect(pageFields.length).toBeGreaterThan(50);
      // No field is titled by its code name (n is n in every language).
      expect(pageFields.filter((def) => def.field !== 'n' && (def.title === undefined || def.title === def.field))).toEqual([]);
      expect(tooltipFields(page.figures['gap-heatmap']!.spec)).toContainEqual(expect.objectContaining({ field: 'gap', title: 'Écart' }));
      const regionGaps = Object.entries(page.figures).find(([id]) => id.startsWith('region-gaps-'))![1].spec;
      expect(tooltipFields(regionGaps)).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'ciLow', title: 'IC à 95 % bas' }), expect.objectContaining({ field: 'suppressedText', title: 'Masquée' })]));
      // The emitted spec titles its fields as the page does.
      const emitted = tooltipFields(JSON.parse(rendered.fr.dumbbellSpec));
      expect(emitted.map((def) => [def.field, def.title])).toEqual([['competency', 'Compétence'], ['series', 'Série'], ['mean', 'Moyenne'], ['n', 'n']]);
      const onPage = tooltipFields(page.figures['importance-vs-preparedness']!.spec);
      for (const def of emitted) expect(onPage).toContainEqual(expect.objectContaining({ field: def.field, title: def.title }));
    });
  });
});
