/**
 * A competency the wave did not ask reads "not asked" in the heatmap, the region chart, the
 * dumbbell subtitles and the narrative, never "suppressed (n < 5)"; and the executive summary's
 * country count leaves out respondents of unknown country (issue 12).
 */
import { describe, expect, it } from 'vitest';
import { buildGapHeatmap } from '../../../stages/render/figures/gap-heatmap.ts';
import { buildRegionGaps } from '../../../stages/render/figures/region-gaps.ts';
import { writeExecutiveSummary } from '../../../stages/render/executive-summary.ts';
import type { ReportInput } from '../../../stages/render/report-input.ts';
import { buildReportInput } from './fixtures.ts';

/** The fixture with critical-thinking not asked of industry (every industry cell flagged not_asked, as stages/analyse/not-asked.ts flags it). */
function withNotAsked(): ReportInput {
  const input = buildReportInput();
  input.analysis.estimates = input.analysis.estimates.map((row) =>
    row.competency === 'critical-thinking' && (row.population === 'industry' || row.population === 'both')
      ? { ...row, suppressed: true, flag: 'not_asked', n: 0, mean: NaN, se: NaN, ciLow: NaN, ciHigh: NaN }
      : row,
  );
  return input;
}

describe('not asked in the report', () => {
  it('heatmap cells say "not asked", and the subtitle says so', () => {
    const spec = buildGapHeatmap(withNotAsked()) as { data: { values: { region: string; competency: string; cellText: string; status: string }[] }; title: { subtitle: string[] } };
    const cells = spec.data.values.filter((cell) => cell.competency === 'Critical thinking');
    expect(cells.length).toBe(4);
    expect(cells.every((cell) => cell.cellText === 'not asked' && cell.status === 'not asked')).toBe(true);
    expect(spec.data.values.find((cell) => cell.region === 'Africa' && cell.competency === 'Incident response')).toMatchObject({ cellText: 'n < 5' });
    expect(spec.title.subtitle.join(' ')).toContain('or not asked in this wave');
    const unchanged = buildGapHeatmap(buildReportInput()) as { title: { subtitle: string[] } };
    expect(unchanged.title.subtitle.join(' ')).not.toContain('not asked');
  });

  it('the region chart says "not asked" for it', () => {
    const spec = buildRegionGaps(withNotAsked(), 'Global') as unknown as { data: { values: { competency: string; valueText: string }[] } };
    expect(spec.data.values.find((row) => row.competency === 'Critical thinking')?.valueText).toBe('not asked');
  });

  it('the narrative names it as not asked and counts only known countries', () => {
    const input = withNotAsked();
    input.respondentsByCountry.push({ country: '', countryName: 'Unknown', region: 'Unknown', industry: 4, education: 1 });
    const text = writeExecutiveSummary(input).paragraphs.join('\n');
    expect(text).toContain('This wave did not ask about Critical thinking: it has no estimate here (not asked, not suppressed).');
    expect(text).toContain('in 6 countries'); // six known countries; the unknown-country respondents are not a seventh
    expect(text).not.toMatch(/suppressed \(n < 5\)/);
  });
});
