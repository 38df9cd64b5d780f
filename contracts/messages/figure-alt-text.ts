/**
 * The words of the figures' alternative texts (stages/render/figure-alt-text.ts), English, all in one
 * place so a language catalogue can replace them. Numbers arrive formatted (stages/render/format.ts);
 * labels are competency, unit, region and country names.
 */
export const figureAltText = {
  list: (items: readonly string[]) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`),
  interval: (low: string, high: string) => `95% CI ${low} to ${high}`,
  competencies: (count: number) => `${count} competenc${count === 1 ? 'y' : 'ies'}`,
  noValues: 'No value is published for it (every cell is suppressed).',

  gapHeatmap: (competencies: string, regions: number, suppressed: number) =>
    `Heatmap of the preparedness gap (industry's mean importance minus the mean preparedness of recent graduates) for ${competencies} in ${regions} region${regions === 1 ? '' : 's'} and Global; ${suppressed} cell${suppressed === 1 ? ' is' : 's are'} suppressed.`,
  largestGlobalGap: (label: string, gap: string, interval: string) => `Globally, ${label} has the largest gap, ${gap} (${interval})`,
  followedBy: (items: readonly string[]) => `, followed by ${figureAltText.list(items)}`,
  labelValue: (label: string, value: string) => `${label} (${value})`,
  smallestGlobalGap: (label: string, gap: string) => `The smallest Global gap is ${label}, ${gap}.`,
  largestRegionalGap: (label: string, region: string, gap: string) => `The largest gap in any region is ${label} in ${region}, ${gap}.`,

  regionGaps: (region: string, competencies: string, suppressed: number) =>
    `Dot chart of the preparedness gap in ${region} for ${competencies}, with 95% confidence intervals and the Global gap for reference; ${suppressed} suppressed.`,
  largestGap: (label: string, gap: string, interval: string) => `${label} has the largest gap, ${gap} (${interval})`,
  smallestGap: (label: string, gap: string) => `the smallest is ${label}, ${gap}.`,

  dumbbell: (what: string, competencies: string) => `Dot chart of ${what} for ${competencies}, with 95% confidence intervals, sorted by the difference.`,
  importanceVsPreparedness: "industry's mean importance and the mean preparedness of recent graduates (Global)",
  curriculumGap: "industry's mean importance and education's mean curriculum coverage (Global)",
  curriculumChart: "industry demand (mean importance) and this programme's coverage",
  higherFor: (count: number, total: number, high: string, low: string) => `For ${count} of ${total}, ${high} exceeds ${low}.`,
  largestDifference: (label: string, high: string, highValue: string, low: string, lowValue: string) => `Largest difference: ${label}, ${high} ${highValue} against ${low} ${lowValue}.`,
  smallestDifference: (label: string, high: string, highValue: string, low: string, lowValue: string) => `Smallest: ${label}, ${high} ${highValue} against ${low} ${lowValue}.`,
  importance: 'importance',
  preparedness: 'preparedness',
  coverage: 'coverage',
  demand: 'demand',

  ipa: (region: string, competencies: string, crosshairX: string, crosshairY: string) =>
    `Scatter plot of ${competencies} by industry's mean preparedness of graduates (across) and mean importance (up), ${region}, with crosshairs at preparedness ${crosshairX} and importance ${crosshairY}.`,
  concentrateHere: (count: number, items: readonly string[]) =>
    count === 0
      ? 'No competency falls in "Concentrate here".'
      : `${count} fall${count === 1 ? 's' : ''} in "Concentrate here" (important, graduates under-prepared): ${items.length < count ? `${items.join('; ')}; and ${count - items.length} more` : figureAltText.list(items)}.`,
  otherQuadrants: (keepUp: number, lowPriority: number, overkill: number) => `"Keep up the good work": ${keepUp}; "Low priority": ${lowPriority}; "Possible overkill": ${overkill}.`,
  pointWithValues: (label: string, importance: string, preparedness: string) => `${label} (importance ${importance}, preparedness ${preparedness})`,

  rankIntervals: (competencies: string) => `Ranking of ${competencies} by mean weighted discrepancy score (MWDS), 1 = largest training need, with 95% confidence sets for each rank.`,
  rankedItem: (rank: string, label: string, mwds: string, low: string, high: string) => `${rank}: ${label} (MWDS ${mwds}, ranks ${low} to ${high})`,
  topRanks: (items: readonly string[]) => `Top ranks: ${items.join('; ')}.`,
  robustTop: (count: number, top: number) => `${count} competenc${count === 1 ? 'y has its' : 'ies have their'} simultaneous confidence set within the top ${top}.`,

  waveChange: (previousWave: string, competencies: string) => `Bar chart of the change of the Global preparedness gap since wave ${previousWave} for ${competencies}; positive means the gap widened.`,
  widenedMost: (label: string, change: string, previous: string, current: string) => `It widened most for ${label}, by ${change} (from ${previous} to ${current}).`,
  narrowedMost: (label: string, change: string) => `It narrowed most for ${label}, by ${change}.`,
  widenedCount: (widened: number, narrowed: number) => `${widened} gap${widened === 1 ? '' : 's'} widened, ${narrowed} narrowed.`,

  likert: (population: string, competencies: string, dimensions: readonly string[]) =>
    `Diverging stacked bars of the ${population} answers for ${competencies} (Global), one panel each for ${figureAltText.list(dimensions)}; answers below the scale midpoint lie left of zero.`,
  population: { industry: 'industry', education: 'education' } as Record<string, string>,
  dimension: { importance: 'importance', preparedness: 'preparedness of graduates', coverage: 'curriculum coverage' } as Record<string, string>,
  topTwoHighest: (dimension: string, label: string, share: string) => `Largest weighted share in the top two answers for ${dimension}: ${label}, ${share}%.`,
  topTwoLowest: (dimension: string, label: string, share: string) => `Smallest: ${label}, ${share}%.`,

  respondentsMap: (countries: number) => `World map of respondents per country, in bands; ${countries} countr${countries === 1 ? 'y has' : 'ies have'} respondents.`,
  mostRespondents: (items: readonly string[]) => `Most respondents: ${figureAltText.list(items)}.`,

  frameworkHeatmap: (name: string, units: string, regions: number, suppressed: number) =>
    `Heatmap of the preparedness gap for ${units} of ${name} in ${regions} region${regions === 1 ? '' : 's'} and Global; ${suppressed} cell${suppressed === 1 ? ' is' : 's are'} suppressed.`,
  frameworkRanking: (name: string, units: string) => `Ranking of ${units} of ${name} by mean weighted discrepancy score (MWDS), with 95% bootstrap rank intervals.`,
  units: (count: number, unitLabel: string) => `${count} ${unitLabel}${count === 1 ? '' : 's'}`,
};
