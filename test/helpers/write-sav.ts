/**
 * A minimal SPSS system-file writer for tests (the project has no .sav writer, and none on npm is
 * maintained): string variables only, uncompressed (`$FL2`, compression 0), UTF-8 (record 7
 * subtype 20), long variable names (record 7 subtype 13), variable labels. Layout from the PSPP
 * manual, "System File Format" (www.gnu.org/software/pspp/pspp-dev/html_node/System-File-Format.html).
 */
import { writeFileSync } from 'node:fs';

export interface SavVariable {
  /** Long name (up to 64 bytes); the short name written in the variable record is V1, V2, … */
  name: string;
  label: string;
  /** String width in bytes, 1–255. */
  width: number;
}

const int32 = (value: number) => {
  const bytes = Buffer.alloc(4);
  bytes.writeInt32LE(value);
  return bytes;
};
const padded = (text: string, length: number, fill = ' ') => {
  const bytes = Buffer.from(text, 'utf8').subarray(0, length);
  return Buffer.concat([bytes, Buffer.alloc(length - bytes.length, fill)]);
};
const segments = (width: number) => Math.ceil(width / 8);

export function writeSav(path: string, variables: SavVariable[], rows: string[][]): void {
  const parts: Buffer[] = [];
  const caseSize = variables.reduce((sum, variable) => sum + segments(variable.width), 0);
  parts.push(
    Buffer.from('$FL2', 'latin1'), padded('@(#) SPSS DATA FILE skillgap test writer', 60), int32(2), int32(caseSize), int32(0), int32(0),
    int32(rows.length), (() => { const bias = Buffer.alloc(8); bias.writeDoubleLE(100); return bias; })(),
    padded('01 Jan 22', 9), padded('00:00:00', 8), padded('', 64), Buffer.alloc(3),
  );
  variables.forEach((variable, index) => {
    const format = (1 << 16) | (variable.width << 8);
    const label = Buffer.from(variable.label, 'utf8');
    parts.push(int32(2), int32(variable.width), int32(1), int32(0), int32(format), int32(format), padded(`V${index + 1}`, 8));
    parts.push(int32(label.length), Buffer.concat([label, Buffer.alloc((4 - (label.length % 4)) % 4, ' ')]));
    for (let extra = 1; extra < segments(variable.width); extra++) parts.push(int32(2), int32(-1), int32(0), int32(0), int32(0), int32(0), padded('', 8));
  });
  const info = (subtype: number, text: string) => {
    const bytes = Buffer.from(text, 'utf8');
    parts.push(int32(7), int32(subtype), int32(1), int32(bytes.length), bytes);
  };
  info(13, variables.map((variable, index) => `V${index + 1}=${variable.name}`).join('\t'));
  info(20, 'UTF-8');
  parts.push(int32(999), int32(0));
  for (const row of rows) variables.forEach((variable, index) => parts.push(padded(row[index] ?? '', segments(variable.width) * 8)));
  writeFileSync(path, Buffer.concat(parts));
}
