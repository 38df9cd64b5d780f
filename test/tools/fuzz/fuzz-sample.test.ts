/**
 * A small seeded sample of `npm run fuzz` (tools/fuzz/run-fuzz.ts): damaged copies of the sample and
 * third-party exports through ingest + normalise in a child process. Every variant must end with
 * every record in the audit or exit 1 naming file and place; no stack trace, hang or leak. The
 * full run (≥ 400 variants, with the 50 MB cells) is `npm run fuzz`; its figures are in docs/robustness.md.
 */
import { describe, expect, it } from 'vitest';
import { countSavCases, countTextRecords } from '../../../tools/fuzz/count-records.ts';
import { runFuzz } from '../../../tools/fuzz/run-fuzz.ts';

describe('the fuzzer\'s oracles', () => {
  it('count text records with any line break, quoted breaks inside a field, trailing empty lines dropped', () => {
    expect(countTextRecords('a,b\r\n1,"x\ny"\r2,3\n\n4,5\n\n\n', ',')).toEqual({ records: 5, malformed: false });
    expect(countTextRecords('a,b\n1,"x', ',').malformed).toBe(true);
    expect(countTextRecords('a,b\n"1"x,2\n', ',').malformed).toBe(true);
  });

  it('count no case of a file that is not a .sav', () => {
    expect(countSavCases(Buffer.from('not an spss file at all'.repeat(10)))).toBeNull();
  });
});

describe('fuzz sample', () => {
  it('16 seeded variants: no stack trace, hang, leak or record missing from the audit', { timeout: 600_000 }, async () => {
    const lines: string[] = [];
    const summary = await runFuzz({ seed: 20261206, variants: 420, bigCells: 0, sample: 16, timeoutSeconds: 120, log: (line) => lines.push(line) });
    expect(summary.variants).toBe(16);
    expect(summary.failures, lines.join('\n')).toEqual([]);
    expect(summary.outcomes.ok + summary.outcomes.stopped).toBe(16);
    expect(summary.outcomes.ok).toBeGreaterThan(0);
  });
});
