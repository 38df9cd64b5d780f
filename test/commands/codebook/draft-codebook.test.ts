import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { draftCodebook, REVIEW_THRESHOLD } from '../../../commands/codebook/draft-codebook.ts';
import { readExport } from '../../../stages/ingest/read-export.ts';
import { resolveColumns } from '../../../stages/normalise/resolve-columns.ts';
import { loadFramework } from '../../../contracts/config.ts';
import { REPO_ROOT } from '../../../runner/context.ts';
import type { Codebook, RawColumn, RawTable, SourceCodebook } from '../../../contracts/types.ts';

const framework = loadFramework(REPO_ROOT);
const wave2023 = join(REPO_ROOT, 'data', 'raw', '2023');

function literalTable(columns: RawColumn[], rows: string[][]): RawTable {
  return {
    sourceId: 'literal', sourceFile: 'literal.csv', sha256: '', format: 'generic', encoding: 'utf-8', delimiter: ',', headerRows: 1,
    columns, rows, sourceRows: rows.map((_, i) => i + 2), droppedPersonalColumns: [], warnings: [],
  };
}

/** Share of the committed codebook's items the draft maps to the same competency and dimension. */
function agreement(table: RawTable, committed: SourceCodebook, drafted: SourceCodebook['items']) {
  const byKey = new Map(drafted.map((item) => [item.column, item]));
  const resolved = resolveColumns(table, committed);
  const agreeing = resolved.items.filter((item) => {
    const mine = byKey.get(table.columns[item.index].key);
    return mine?.competency === item.competency && mine.dimension === item.dimension;
  }).length;
  return { agreeing, total: committed.items.length, share: agreeing / committed.items.length };
}

describe.skipIf(!existsSync(wave2023))('draftCodebook on the 2023 sample wave', () => {
  const codebook = JSON.parse(readFileSync(join(wave2023, 'codebook.json'), 'utf8')) as Codebook;
  const committed = (id: string) => codebook.sources.find((source) => source.source === id)!;

  it('maps at least 90% of the Qualtrics competency columns like the committed codebook', async () => {
    const table = await readExport({ path: join(wave2023, 'industry-qualtrics.csv'), sourceId: 'industry-qualtrics' });
    const draft = draftCodebook(table, framework);
    const { agreeing, total, share } = agreement(table, committed('industry-qualtrics'), draft.codebook.items);
    console.log(`codebook init, 2023 industry-qualtrics: ${agreeing}/${total} columns = ${(share * 100).toFixed(1)}% as in codebook.json`);
    expect(total).toBe(52);
    expect(share).toBeGreaterThanOrEqual(0.9);
    expect(draft.population).toBe('industry');
    expect(draft.codebook.columns).toEqual(committed('industry-qualtrics').columns);
    expect(draft.scale.ordered).toBe(true);
    expect(draft.scale.scale).toMatchObject({ min: 1, max: 5 });
    expect(draft.scale.scale.labels['Very well prepared']).toBe(5);
    expect(draft.scale.scale.missing["Don't know"]).toBe('dont_know');
  });

  it('LimeSurvey code headings: dimensions from the answers, competencies only guessed by position and left for review', async () => {
    const table = await readExport({ path: join(wave2023, 'education-limesurvey.csv'), sourceId: 'education-limesurvey' });
    const draft = draftCodebook(table, framework);
    const expected = committed('education-limesurvey');
    const guesses = new Map(draft.matches.map((match) => [match.column, match]));
    const rightDimension = expected.items.filter((item) => guesses.get(item.column)?.dimension === item.dimension).length;
    const rightPositional = expected.items.filter((item) => guesses.get(item.column)?.competency === item.competency).length;
    console.log(
      `codebook init, 2023 education-limesurvey (code headings, no question text): dimension ${rightDimension}/${expected.items.length}, ` +
        `positional competency guesses ${rightPositional}/${expected.items.length}, all ${draft.review.length} left for review, 0 mapped without help`,
    );
    expect(rightDimension).toBe(52);
    expect(draft.codebook.items).toEqual([]);
    expect(draft.review.filter((entry) => entry.reason === 'low_confidence')).toHaveLength(52);
    expect(draft.population).toBe('education');
    expect(draft.codebook.columns).toMatchObject({ respondentId: 'id', country: 'country', organisationType: 'orgtype', finished: 'submitdate' });
    expect(draft.scale.scale.labels['Abordé en profondeur']).toBe(5);
    expect(draft.scale.scale.labels['Se cubre brevemente']).toBe(2);
    expect(draft.scale.scale.missing['Não se aplica']).toBe('not_applicable');
    expect(draft.scale.unrecognised).toEqual([]);
  });

  it('LimeSurvey full-text headings (Spanish stems, "Question [Subquestion]"): at least 90% as in codebook.json', async () => {
    const table = await readExport({ path: join(wave2023, 'education-limesurvey.csv'), sourceId: 'education-limesurvey' });
    const expected = committed('education-limesurvey');
    const labelOf = new Map(framework.competencies.map((competency) => [competency.id, competency.label]));
    const stems = { importance: '¿Qué importancia tiene cada competencia para un recién titulado?', coverage: '¿En qué medida cubre su plan de estudios cada competencia?' };
    const itemOf = new Map(expected.items.map((item) => [item.column, item]));
    const renamed: RawTable = {
      ...table,
      columns: table.columns.map((column) => {
        const item = itemOf.get(column.key);
        if (!item) return column;
        const text = `${stems[item.dimension as 'importance' | 'coverage']} [${labelOf.get(item.competency)}]`;
        return { key: text, label: text };
      }),
    };
    const draft = draftCodebook(renamed, framework);
    const byColumn = new Map(draft.codebook.items.map((item) => [item.column, item]));
    const agreeing = table.columns.filter((column, index) => {
      const want = itemOf.get(column.key);
      const got = byColumn.get(renamed.columns[index].key);
      return want && got?.competency === want.competency && got.dimension === want.dimension;
    }).length;
    console.log(`codebook init, 2023 education-limesurvey with Spanish full-text headings: ${agreeing}/52 = ${((agreeing / 52) * 100).toFixed(1)}%`);
    expect(agreeing / 52).toBeGreaterThanOrEqual(0.9);
  });
});

describe('draftCodebook on literal tables', () => {
  const answers = (labels: string[]) => labels.map((label) => [label]);

  it('reads French and Spanish question stems as dimensions', () => {
    const columns: RawColumn[] = [
      { key: 'Q1_1', label: "Quelle est l'importance de chaque compétence ? - Cryptographie" },
      { key: 'Q2_1', label: 'Dans quelle mesure votre programme couvre-t-il ces compétences ? - Cryptographie' },
      { key: 'P3[SQ001]', label: 'Nivel de preparación de los titulados recientes [Trabajo en equipo]' },
      { key: 'P4[SQ002]', label: 'Nível de importância para um recém-formado [Resposta a incidentes]' },
    ];
    const rows = [
      ['Très important', 'Bien abordé', 'Muy bien', 'Muito importante'],
      ['Pas du tout important', 'Non abordé', 'Poco', 'Nada importante'],
    ];
    const draft = draftCodebook(literalTable(columns, rows), framework);
    expect(draft.matches.map(({ column, competency, dimension }) => ({ column, competency, dimension }))).toEqual([
      { column: 'Q1_1', competency: 'cryptography', dimension: 'importance' },
      { column: 'Q2_1', competency: 'cryptography', dimension: 'coverage' },
      { column: 'P3[SQ001]', competency: 'teamwork', dimension: 'preparedness' },
      { column: 'P4[SQ002]', competency: 'incident-response', dimension: 'importance' },
    ]);
    expect(draft.matches.every((match) => match.confidence >= REVIEW_THRESHOLD)).toBe(true);
  });

  it('leaves a column with no competency or dimension unmatched, and a vague one for review', () => {
    const columns: RawColumn[] = [
      { key: 'ResponseId', label: 'Response ID' },
      { key: 'Country', label: 'Country' },
      { key: 'canteen', label: 'How satisfied are you with the canteen?' },
      { key: 'vague', label: 'How important is each of these? - The coffee machine' },
      { key: 'Q9', label: 'Any comments?' },
    ];
    const rows = [
      ['R_1', 'France', '4', 'Very important', 'The coffee was cold, ask Ana'],
      ['R_2', 'Chile', '2', 'Slightly important', 'no'],
      ['R_3', 'Peru', '5', "Don't know", 'Great survey, thanks for asking'],
    ];
    const draft = draftCodebook(literalTable(columns, rows), framework);
    expect(draft.codebook.columns).toEqual({ respondentId: 'ResponseId', country: 'Country' });
    expect(draft.unmatchedColumns).toEqual(['canteen']);
    expect(draft.codebook.items).toEqual([]);
    const vague = draft.review.find((entry) => entry.column === 'vague');
    expect(vague?.reason).toBe('low_confidence');
    expect(vague?.guess?.confidence).toBeLessThan(REVIEW_THRESHOLD);
    // The free-text column is not a rating column at all.
    expect(draft.matches.map((match) => match.column)).toEqual(['vague']);
  });

  it('orders confidence: exact label > reworded with a synonym > vague wording', () => {
    const stem = 'How important is each skill? - ';
    const rows = texts(['Cryptography', 'Encryption and cryptographic protocols', 'Protocols']);
    function texts(rowLabels: string[]) {
      return { columns: rowLabels.map((label, i) => ({ key: `Q${i}_1`, label: stem + label })), rows: [rowLabels.map(() => 'Very important')] };
    }
    const draft = draftCodebook(literalTable(rows.columns, rows.rows), framework);
    const confidence = draft.matches.map((match) => match.confidence);
    console.log(`confidence: exact ${confidence[0]}, reworded ${confidence[1]}, vague ${confidence[2]}`);
    expect(draft.matches.map((match) => match.competency).slice(0, 2)).toEqual(['cryptography', 'cryptography']);
    expect(confidence[0]).toBeGreaterThan(confidence[1]);
    expect(confidence[1]).toBeGreaterThan(confidence[2]);
    expect(confidence[0]).toBeGreaterThanOrEqual(0.9);
    expect(confidence[2]).toBeLessThan(REVIEW_THRESHOLD);
    // Two columns claiming cryptography/importance: the closer one is kept, the other goes to review.
    expect(draft.codebook.items).toEqual([{ column: 'Q0_1', competency: 'cryptography', dimension: 'importance' }]);
    expect(draft.review.find((entry) => entry.column === 'Q1_1')?.reason).toBe('duplicate');
  });
});
