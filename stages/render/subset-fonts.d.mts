/** Inclusive [first, last] code point ranges the subset fonts keep. */
export const REPERTOIRE: readonly (readonly [number, number])[];
/** The file names of the two faces. */
export const FONT_FILE_NAMES: { readonly regular: string; readonly bold: string };
/** The repertoire as one string of its characters. */
export function repertoireText(): string;
/** The folder the subsets of this dejavu-fonts-ttf version and this repertoire live in. */
export function subsetFontsDir(cacheRoot?: string): string;
/** The subset fonts' paths as [regular, bold], or null when they have not been built. */
export function subsetFontFiles(dir?: string): string[] | null;
/** Whether every character of the SVG, with its character references decoded, lies in the repertoire. */
export function withinRepertoire(svg: string): boolean;
/** The subsets when they exist and cover every character of the SVG, otherwise the full fonts. */
export function chooseFontFiles(svg: string, fonts: { full: string[]; subset: string[] | null }): string[];
