/** The layout of a wave's respondents into populations and regions (stages/analyse/population-layout.ts), on a literal wave. */
import { describe, expect, it } from 'vitest';
import { layOutPopulations } from '../../../stages/analyse/population-layout.ts';
import type { Population, Respondent } from '../../../contracts/types.ts';

const respondent = (id: string, population: Population, region: string): Respondent => ({
  respondentId: id, population, country: '', region, organisationType: 'private', weight: 1, wave: 'w', sourceFile: 'a.csv', sourceRow: 1,
});

describe('layOutPopulations', () => {
  it('numbers each population in file order, sorts the regions and gives each local row its respondent and region', () => {
    const respondents = [
      respondent('i1', 'industry', 'Europe'),
      respondent('e1', 'education', 'Africa'),
      respondent('i2', 'industry', 'Africa'),
      respondent('e2', 'education', 'Unknown'),
      respondent('i3', 'industry', 'Europe'),
    ];
    const layout = layOutPopulations(respondents);
    expect([...layout.populationCode]).toEqual([0, 1, 0, 1, 0]);
    expect([...layout.localRow]).toEqual([0, 0, 1, 1, 2]);
    expect(layout.counts).toEqual([3, 2]);
    expect(layout.regions).toEqual(['Africa', 'Europe', 'Unknown']);
    expect([...layout.regionCode]).toEqual([['Africa', 0], ['Europe', 1], ['Unknown', 2]]);
    expect(layout.memberIndex.map((rows) => [...rows])).toEqual([[0, 2, 4], [1, 3]]);
    expect(layout.rowDomains.map((rows) => [...rows])).toEqual([[1, 0, 1], [0, 2]]);
  });

  it('lays out an empty wave and a wave of one population', () => {
    expect(layOutPopulations([])).toMatchObject({ counts: [0, 0], regions: [] });
    const layout = layOutPopulations([respondent('e1', 'education', 'Asia')]);
    expect(layout.counts).toEqual([0, 1]);
    expect(layout.memberIndex.map((rows) => rows.length)).toEqual([0, 1]);
  });
});
