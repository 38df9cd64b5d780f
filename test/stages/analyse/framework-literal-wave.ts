import { answerTableFromLong } from '../../../contracts/answer-table.ts';
import type { CompetencyFramework, NormalisedWave, Respondent } from '../../../contracts/types.ts';
import { resolveFramework } from '../../../contracts/frameworks/load-frameworks.ts';

/**
 * A literal wave: 12 industry and 10 education respondents in regions a and b, three competencies,
 * and a framework with U1 = {c1, c2}, U2 = {c2, c3}, U3 = {c3}. The reference values come from R
 * 4.x, survey 4.x (Debian r-cran-survey):
 *   composite <- rowMeans(cbind(i1, i2), na.rm = TRUE)   # U1 importance; likewise preparedness,
 *   gap <- rowMeans(cbind(i1 - p1, i2 - p2), na.rm = TRUE) # coverage and the paired gaps (NaN → NA)
 *   des <- svydesign(ids = ~1, weights = ~w, data = ind)
 *   svyby(~composite, ~region, des, svymean, na.rm = TRUE); svymean(~composite, des, na.rm = TRUE)
 */
const NA = NaN;
const industry = {
  region: ['a', 'a', 'b', 'b', 'a', 'b', 'a', 'b', 'a', 'b', 'a', 'b'],
  w: [1.5, 2, 0.5, 1, 3, 1.2, 0.8, 2.5, 1, 1.7, 0.6, 2.2],
  importance: [[5, 4, NA, 3, 5, 4, 2, 5, 4, NA, 3, 5], [4, 5, 4, 4, NA, 3, 3, 5, 5, 4, 2, 4], [3, NA, 5, 2, 4, 5, NA, 4, 3, 5, 4, 3]],
  other: [[2, 3, 3, NA, 2, 4, 2, 1, 3, 2, 3, 2], [3, NA, 2, 3, 2, 3, 1, 2, 4, 3, 2, NA], [1, 2, NA, 2, 3, 2, 2, 3, NA, 4, 1, 2]],
};
const education = {
  region: ['a', 'b', 'a', 'b', 'a', 'b', 'a', 'b', 'a', 'b'],
  w: [1, 2, 1.5, 0.7, 1.3, 2.2, 0.9, 1.1, 1.6, 0.8],
  importance: [[4, 5, 3, 4, NA, 5, 4, 3, 5, 4], [5, 4, NA, 3, 4, 5, 3, 4, 4, 5], [3, 4, 4, 5, 3, NA, 4, 4, 5, 3]],
  other: [[3, 4, 2, NA, 3, 4, 3, 2, 4, 3], [2, 3, 3, 2, NA, 3, 2, 4, 3, 2], [4, NA, 3, 3, 2, 4, 3, 3, NA, 4]],
};
const COMPETENCIES = ['c1', 'c2', 'c3'];

export function literalWave(): NormalisedWave {
  const respondents: Respondent[] = [];
  const long: { respondent: number; competency: number; dimension: 'importance' | 'preparedness' | 'coverage'; value: number }[] = [];
  for (const [population, data] of [['industry', industry], ['education', education]] as const) {
    data.region.forEach((region, i) => {
      const respondent = respondents.length;
      respondents.push({ respondentId: `${population}:${i}`, population, country: '', region, organisationType: '', weight: data.w[i], wave: 'lit', sourceFile: 'f.csv', sourceRow: i + 2 });
      for (let k = 0; k < 3; k++) {
        if (!Number.isNaN(data.importance[k][i])) long.push({ respondent, competency: k, dimension: 'importance', value: data.importance[k][i] });
        if (!Number.isNaN(data.other[k][i])) long.push({ respondent, competency: k, dimension: population === 'industry' ? 'preparedness' : 'coverage', value: data.other[k][i] });
      }
    });
  }
  const answers = answerTableFromLong(respondents.length, COMPETENCIES, { min: 1, max: 5 }, long);
  return { wave: 'lit', scale: { min: 1, max: 5 }, regionScheme: 'un-m49-region', respondents, answers, audit: [], warnings: [] };
}

export const literalCompetencies: CompetencyFramework = {
  version: 'test', provenance: 'test',
  competencies: COMPETENCIES.map((id) => ({ id, label: id, kind: 'technical', description: '', crosswalk: { nice: [], ecsf: [], csec2017: [], cybok: [] } })),
};

export const literalFramework = resolveFramework({
  id: 'lit', name: 'Literal framework', version: '1', source: 'test',
  units: [{ id: 'U1', name: 'Unit one' }, { id: 'U2', name: 'Unit two' }, { id: 'U3', name: 'Unit three' }, { id: 'U4', name: 'Nobody maps here' }],
  crosswalk: { c1: ['U1'], c2: ['U1', 'U2'], c3: ['U2', 'U3'] },
}, 'lit.json', literalCompetencies);

