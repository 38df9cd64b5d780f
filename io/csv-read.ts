import Papa from 'papaparse';

/** Undoes the spreadsheet-safety prefix of csv-write.ts (`'=` → `=`), so our own CSVs read back exactly. */
export function unescapeCsvCell(cell: string): string {
  return cell.length > 1 && cell[0] === "'" && /[=+\-@\t\r]/.test(cell[1]) ? cell.slice(1) : cell;
}

/** Reads a CSV this project wrote: header row, then records as objects of text cells. */
export function parseOwnCsv(text: string): { header: string[]; records: string[][] } {
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true });
  const [header, ...records] = parsed.data;
  for (const record of records) for (let i = 0; i < record.length; i++) record[i] = unescapeCsvCell(record[i]);
  return { header: header ?? [], records };
}

/** A number cell: empty → NaN. */
export function numberCell(cell: string | undefined): number {
  return cell === undefined || cell === '' ? NaN : Number(cell);
}
