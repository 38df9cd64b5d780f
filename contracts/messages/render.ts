/** Messages of the render stage (figures and the PDF report). */
export const unknownFigure = (id: string, available: readonly string[]) =>
  `unknown figure "${id}": choose from ${available.join(', ')} (wave-change needs a previous wave)`;
export const figureWritten = (id: string, formats: readonly string[]) => `figure ${id}: wrote ${formats.join(', ')}`;
export const reportWritten = (file: string, pages: number) => `report: wrote ${file} (${pages} pages)`;
