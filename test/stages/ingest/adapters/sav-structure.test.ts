/**
 * Damaged .sav files (issue 12): a wrong header case count is read to the end with a warning; a
 * file cut inside a case, an unknown compression code or a damaged dictionary stops with the byte.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readExport } from '../../../../stages/ingest/read-export.ts';
import { SavDamage, savStructure } from '../../../../stages/ingest/adapters/sav-structure.ts';
import { ValidationError } from '../../../../contracts/errors.ts';
import { fixture, haveThirdParty, tempFile } from '../fixture-helpers.ts';

async function readError(bytes: Buffer, name: string): Promise<ValidationError> {
  try {
    await readExport({ path: tempFile(name, bytes), sourceId: 's' });
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return error as ValidationError;
  }
  throw new Error('expected a ValidationError');
}

describe.skipIf(!haveThirdParty)('.sav structure (../shared/fixtures/third-party/spss)', () => {
  const original = () => readFileSync(fixture('spss/spss21-multiple-response-sets-simple-alltypes.sav'));

  it('agrees with sav-reader on the cases of every fixture', async () => {
    for (const name of ['spss21-multiple-response-sets-simple-alltypes.sav', 'spss25-user-defined-missing-values.sav', 'kobocat-onadata-spss-export-children-spssio21.sav']) {
      const structure = savStructure(readFileSync(fixture(`spss/${name}`)));
      const table = await readExport({ path: fixture(`spss/${name}`), sourceId: 's' });
      expect(table.rows.length, name).toBe(structure.dataCases);
    }
    expect(savStructure(original())).toMatchObject({ headerCases: 6, dataCases: 6 });
  });

  it('reads every case when the header case count is wrong (−1 as Qualtrics writes it, or too small), with a warning for a wrong count', async () => {
    for (const count of [-1, 2, 60]) {
      const bytes = original();
      bytes.writeInt32LE(count, 80);
      const table = await readExport({ path: tempFile(`count${count}.sav`, bytes), sourceId: 's' });
      expect(table.rows, String(count)).toHaveLength(6);
      expect(table.warnings.some((warning) => warning.includes(`the SPSS .sav header says ${count} case(s) but the data holds 6`)), String(count)).toBe(count !== -1);
    }
  });

  it('stops naming the byte when the file is cut inside a case, the compression code is unknown or the dictionary is damaged', async () => {
    const bytes = original();
    const cut = await readError(bytes.subarray(0, bytes.length - 12), 'cut.sav');
    expect(cut.message).toMatch(/cut\.sav: the SPSS \.sav file is damaged at byte \d+: the data section ends inside (case \d+|a value of case \d+|a block)/);
    const compression = original();
    compression.writeInt32LE(7, 72);
    expect((await readError(compression, 'code.sav')).message).toContain('damaged at byte 72: the header gives compression code 7 (0 or 1 expected)');
    const dictionary = original();
    dictionary.writeInt32LE(42, 176); // the first dictionary record's type
    expect((await readError(dictionary, 'dict.sav')).message).toContain('damaged at byte 176: unknown dictionary record type 42');
    expect(() => savStructure(original().subarray(0, 100))).toThrow(SavDamage);
  });
});
