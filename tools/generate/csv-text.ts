/**
 * CSV text as the survey tools write it (RFC 4180 quoting: a field is wrapped in double quotes,
 * with inner quotes doubled, when it holds a comma, a quote or a line break; LimeSurvey quotes
 * every field). Kept here rather than borrowed from io so the sample files do not change
 * when someone tunes the pipeline's own CSV writer.
 */
export function csvField(value: string, quoteAlways = false): string {
  return quoteAlways || /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvText(rows: readonly (readonly string[])[], lineEnding: '\r\n' | '\n', quoteAlways = false): string {
  return rows.map((row) => row.map((value) => csvField(value, quoteAlways)).join(',')).join(lineEnding) + lineEnding;
}

/** `YYYY-MM-DD HH:MM:SS` in UTC, the timestamp format of both tools' CSV exports. */
export function formatTimestamp(milliseconds: number): string {
  return new Date(milliseconds).toISOString().slice(0, 19).replace('T', ' ');
}
