/**
 * What one stage leaves in the out folder for the next stage, the commands and the API, beyond the
 * tables of types.ts (paths: io/wave-layout.ts; readers: io/read-stage-outputs.ts).
 */
import type { DroppedColumn, RawTable, Respondent } from './types.ts';

/** ingested/<source>.meta.json: the RawTable without its rows, plus the number of rows. */
export type IngestedMeta = Omit<RawTable, 'rows' | 'sourceRows'> & { rowCount: number; droppedTextMarker?: boolean };

/** Kept respondents per country and population (normalised/respondent-counts.json). */
export interface RespondentCount {
  /** ISO alpha-2, `` when unknown. */
  country: string;
  /** Region of the first respondent from that country (one region per country under a scheme). */
  region: string;
  industry: number;
  education: number;
}

/**
 * The respondents-by-country table the report prints, counted here once: render and
 * `skillgap figures` read these few hundred rows instead of parsing respondents.csv (2M lines
 * and ≈ 6 s at a million respondents per population). Ordered by country code.
 */
export function countRespondents(respondents: readonly Respondent[]): RespondentCount[] {
  const byCountry = new Map<string, RespondentCount>();
  for (const respondent of respondents) {
    const key = respondent.country || '';
    let row = byCountry.get(key);
    if (!row) {
      row = { country: key, region: respondent.region, industry: 0, education: 0 };
      byCountry.set(key, row);
    }
    row[respondent.population]++;
  }
  return [...byCountry.values()].sort((a, b) => (a.country < b.country ? -1 : a.country > b.country ? 1 : 0));
}

export interface AuditSummary {
  rowsRead: number;
  kept: number;
  excluded: number;
  /** Rows excluded with each reason (a row can have several reasons). */
  excludedByReason: Record<string, number>;
  perSource: { sourceFile: string; rowsRead: number; kept: number; excluded: number; droppedPersonalColumns: string[]; droppedColumns: DroppedColumn[] }[];
}
