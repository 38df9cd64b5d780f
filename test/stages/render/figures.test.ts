/** Every figure spec validates against the Vega-Lite JSON Schema and never carries a suppressed value. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { FIGURE_BUILDERS } from '../../../stages/render/figures/index.ts';
import { respondentBin } from '../../../stages/render/figures/respondents-map.ts';
import { formatEstimate } from '../../../stages/render/format.ts';
import { renderFigures } from '../../../stages/render/render-figure.ts';
import { CANARY_MEAN, buildReportInput } from './fixtures.ts';

const require = createRequire(import.meta.url);
const schema = JSON.parse(readFileSync(require.resolve('vega-lite/build/vega-lite-schema.json'), 'utf8'));
// The schema is draft-07 (ajv's default draft); Vega-Lite's schema uses these non-standard keywords.
const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
const validate = ajv.compile(schema);

describe('figure specs', () => {
  const input = buildReportInput({ withPrevious: true });
  for (const [id, build] of Object.entries(FIGURE_BUILDERS)) {
    it(`${id} validates against the Vega-Lite schema`, () => {
      const spec = build(input);
      const valid = validate(spec);
      expect(validate.errors ?? []).toEqual([]);
      expect(valid).toBe(true);
    });
  }

  it('no spec, SVG or inlined data carries the suppressed cell’s mean', async () => {
    const figures = await renderFigures(input, { formats: ['svg', 'vl'] });
    expect(figures.map((figure) => figure.id)).toContain('gap-heatmap');
    for (const figure of figures) {
      const json = JSON.stringify(figure.spec);
      expect(json).not.toContain(String(CANARY_MEAN));
      expect(json).not.toContain('-3.142');
      // Text and accessibility labels only: path coordinates may contain any digits.
      const svgText = [...figure.svg!.matchAll(/<text[^>]*>([^<]*)<\/text>|aria-label="([^"]*)"/g)].map((match) => match[1] ?? match[2]).join('\n');
      expect(svgText.length).toBeGreaterThan(0);
      expect(svgText).not.toContain(formatEstimate(CANARY_MEAN));
      expect(svgText).not.toContain('3.14');
    }
  });

  it('the heatmap marks the suppressed cell instead of leaving it blank', async () => {
    const [heatmap] = await renderFigures(input, { only: ['gap-heatmap'], formats: ['svg'] });
    const cells = (heatmap!.spec as { data: { values: { region: string; competency: string; gap: number | null; cellText: string }[] } }).data.values;
    const suppressed = cells.find((cell) => cell.region === 'Africa' && cell.competency === 'Incident response');
    expect(suppressed).toMatchObject({ gap: null, cellText: 'n < 5' });
    expect(cells.find((cell) => cell.region === 'Global' && cell.competency === 'Incident response')?.gap).toBeCloseTo(1.3, 3);
    expect(heatmap!.svg).toContain('suppressed');
    expect(heatmap!.svg).toContain('n &lt; 5');
  });

  it('the map bins small countries and never shows their exact count', () => {
    const spec = FIGURE_BUILDERS['respondents-map'](input) as { transform: { lookup?: string; from?: { data: { values: { id: string; respondents: string }[] } } }[] };
    const countries = spec.transform[0]!.from!.data.values;
    expect(countries.find((country) => country.id === '352')?.respondents).toBe('< 5'); // Iceland, 0 + 2
    expect(countries.find((country) => country.id === '792')?.respondents).toBe('10–24'); // Türkiye, 12 + 3
    expect(respondentBin(4, 5)).toBe('< 5');
    expect(respondentBin(5, 5)).toBe('5–9');
    expect(respondentBin(0, 5)).toBe('none');
    expect(respondentBin(100, 5)).toBe('≥ 100');
  });

  it('wave-change appears only with a previous wave, and an unknown id is a usage error', async () => {
    const single = await renderFigures(buildReportInput(), { formats: ['vl'] });
    expect(single.map((figure) => figure.id)).not.toContain('wave-change');
    await expect(renderFigures(input, { only: ['pie-chart'] })).rejects.toThrow(/unknown figure "pie-chart"/);
  });
});
