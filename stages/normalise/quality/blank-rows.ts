/** A data row whose every cell is empty (a spreadsheet's stray line): excluded as `blank_row`. */
export function isBlankRow(cells: readonly string[]): boolean {
  for (const cell of cells) if (cell.trim() !== '') return false;
  return true;
}
