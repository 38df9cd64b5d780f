/**
 * Data minimisation through the ingest and normalise stages (issue 12): the cache holds only the
 * codebook's columns, a row whose only text was in a dropped column is still no blank row, the
 * codebook is a parameter of ingest (changing it reruns ingest), and a source the codebook lacks
 * stops ingest with the same message normalise gives.
 */
import { describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createContext } from '../../runner/context.ts';
import { whyStale, readManifest } from '../../runner/run.ts';
import { WAVE_STAGES } from '../../commands/wave-stages.ts';
import { ingestStage } from '../../stages/ingest/ingest-stage.ts';
import { readIngestedMeta } from '../../io/read-stage-outputs.ts';
import { normaliseStage } from '../../stages/normalise/normalise-stage.ts';
import { runCommand } from '../../commands/run-command.ts';
import { parseOwnCsv } from '../../io/csv-read.ts';
import { readFileSync } from 'node:fs';
import { ValidationError } from '../../contracts/errors.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const quiet = () => {};

function writeWave(dir: string, keepText: string[] | undefined, sources = ['s']): string {
  mkdirSync(dir, { recursive: true });
  const rows = [
    'id,StartDate,Email,country,Q1_1,Q1_2,comment',
    '1,2022-09-05 11:36:48,a@example.org,Kenya,High,Low,More labs',
    '2,2022-09-05 11:40:02,,Spain,,,',
    ',,,,,,', // blank
    ',2022-09-06 09:00:00,,,,,', // text only in a dropped column: no_ratings, not blank_row
    ...Array.from({ length: 8 }, (_, i) => `${10 + i},,,Germany,${['High', 'Low'][i % 2]},High,`),
  ];
  writeFileSync(join(dir, 's.csv'), rows.join('\n') + '\n');
  const codebook = {
    wave: 'mini',
    scale: { min: 1, max: 2, labels: { Low: 1, High: 2 }, missing: {} },
    sources: sources.map((source) => ({
      source,
      columns: { respondentId: 'id', country: 'country' },
      items: [{ column: 'Q1_1', competency: 'communication', dimension: 'importance' }, { column: 'Q1_2', competency: 'communication', dimension: 'preparedness' }],
      ...(keepText ? { keepText } : {}),
    })),
  };
  writeFileSync(join(dir, 'codebook.json'), JSON.stringify(codebook));
  writeFileSync(join(dir, 'wave.json'), JSON.stringify({
    wave: 'mini', title: 'mini', reportDate: '2022-12-01', codebook: 'codebook.json', regionScheme: 'un-m49-region',
    sources: [{ id: 's', file: 's.csv', population: 'industry' }],
    quality: { dropDuplicates: false, minProgress: 0, speederFraction: 0, straightLineMinItems: 0, minAnsweredItems: 1 },
    // A tiny wave: with the default k = 5 every cell is suppressed, which the run refuses (issue 12).
    suppression: { minN: 1, lowReliabilityN: 2 },
  }));
  return join(dir, 'wave.json');
}

describe('minimised ingest', () => {
  const dir = useTempDir();

  it('caches only the codebook columns, keeps blank_row for truly blank rows, and reruns ingest when the codebook changes', async () => {
    const config = writeWave(join(dir, 'a'), undefined);
    const out = join(dir, 'out-a');
    const ctx = createContext({ config, out, log: quiet });
    await ingestStage.run(ctx);
    await normaliseStage.run(ctx);
    const meta = readIngestedMeta(ctx, 's');
    expect(meta.columns.map((column) => column.key)).toEqual(['id', 'country', 'Q1_1', 'Q1_2']);
    expect(meta.droppedColumns).toEqual([
      { column: 'StartDate', reason: 'not_in_codebook' },
      { column: 'Email', reason: 'personal_data_header' },
      { column: 'comment', reason: 'not_in_codebook' },
    ]);
    const audit = parseOwnCsv(readFileSync(join(ctx.outDir, 'quality', 'audit.csv'), 'utf8'));
    const reasons = audit.records.map((record) => record[audit.header.indexOf('reasons')]);
    expect(reasons.slice(0, 4)).toEqual(['', 'no_ratings', 'blank_row', 'no_ratings']);

    // The codebook decides what is cached: keeping the comment changes ingest's parameters.
    await runCommand({ config, out, log: quiet });
    const before = readManifest(ctx);
    expect(await whyStale(ctx, ingestStage, before)).toBeNull();
    writeWave(join(dir, 'a'), ['comment']);
    const changed = createContext({ config, out, log: quiet });
    expect(await whyStale(changed, ingestStage, before)).toMatch(/param/i);
    expect(WAVE_STAGES[0]).toBe(ingestStage);
  }, 120_000);

  it('stops ingest, naming the source, when the codebook has no entry for it', async () => {
    const config = writeWave(join(dir, 'b'), undefined, ['other']);
    const ctx = createContext({ config, out: join(dir, 'out-b'), log: quiet });
    const error = await ingestStage.run(ctx).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).message).toMatch(/s\.csv/);
  });
});
