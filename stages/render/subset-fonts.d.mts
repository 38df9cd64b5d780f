/** Inclusive [first, last] code point ranges the subset fonts are asked to keep. */
export const REPERTOIRE: readonly (readonly [number, number])[];
/** The file names of the two faces. */
export const FONT_FILE_NAMES: { readonly regular: string; readonly bold: string };
/** The repertoire as one string of its characters. */
export function repertoireText(): string;
/** The folder the subsets of this dejavu-fonts-ttf version and this repertoire live in. */
export function subsetFontsDir(cacheRoot?: string): string;
/** The subsets built: their paths as [regular, bold] and the code points both cover; null when not built. */
export interface SubsetFonts { files: string[]; covered: [number, number][] }
export function subsetFonts(dir?: string): SubsetFonts | null;
/** Whether every character of the SVG, with its character references decoded, lies in `covered` (sorted inclusive ranges). */
export function withinRepertoire(svg: string, covered: [number, number][]): boolean;
/** The subsets when they exist and cover every character of the SVG, otherwise the full fonts. */
export function chooseFontFiles(svg: string, fonts: { full: string[]; subset: SubsetFonts | null }): string[];
