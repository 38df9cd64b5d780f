/**
 * The error classes the one error boundary (commands/cli.ts) maps to exit codes:
 * ValidationError → 1 (bad input data), WriteError → 1 (an output could not be written),
 * UsageError → 2 (bad command line or config, or the wave is being written by another run),
 * anything else → 3 (a bug: the message asks the user to report it).
 * Messages name the file, row and column so the user can find the problem; they never quote
 * personal data (values of personal-data columns are dropped before any message is built).
 */

import { quoteCell } from './messages/quote-cell.ts';

/** Where in an input a problem is. Rows are 1-based record numbers including header rows. */
export interface InputLocation {
  file?: string;
  row?: number;
  column?: string;
}

export function describeLocation(where: InputLocation): string {
  const parts: string[] = [];
  if (where.file) parts.push(where.file);
  if (where.row !== undefined) parts.push(`row ${where.row}`);
  if (where.column !== undefined) parts.push(`column ${quoteCell(where.column)}`);
  return parts.join(', ');
}

/** Bad input data (exit code 1). `problems` lists every problem found, not just the first. */
export class ValidationError extends Error {
  readonly problems: { message: string; where: InputLocation }[];
  constructor(message: string, where: InputLocation = {}, more: { message: string; where: InputLocation }[] = []) {
    const location = describeLocation(where);
    super(location ? `${location}: ${message}` : message);
    this.name = 'ValidationError';
    this.problems = [{ message, where }, ...more];
  }

  /** One error listing several problems at once. */
  static many(problems: { message: string; where: InputLocation }[]): ValidationError {
    const lines = problems.map((p) => {
      const location = describeLocation(p.where);
      return location ? `${location}: ${p.message}` : p.message;
    });
    const error = new ValidationError(`${problems.length} problem(s):\n  ${lines.join('\n  ')}`);
    (error as { problems: typeof problems }).problems = problems;
    return error;
  }
}

/** Bad usage: unknown command or option, missing config (exit code 2). */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/**
 * A file could not be written (disk full, quota, I/O error, a short write): exit code 1, like bad
 * input, since the run cannot succeed as it stands; the message names the file and the free space
 * of its volume. Nothing the failed write touched is recorded as done (runner/run.ts).
 */
export class WriteError extends Error {
  constructor(message: string, readonly file: string, readonly code: string) {
    super(message);
    this.name = 'WriteError';
  }
}

export const EXIT = { ok: 0, badData: 1, badUsage: 2, bug: 3 } as const;
