/**
 * The statistician's usual tool as the peer to beat: R's survey package computing the same
 * weighted means and design-based SEs (Taylor linearisation, one stage, with replacement — the
 * estimator of stages/analyse/) from the same normalised tables our analyse stage reads:
 *
 *   svyby(~value, ~region + population + dimension + competency,
 *         svydesign(ids = ~1, weights = ~weight, data = answers ⋈ respondents), svymean, na.rm = TRUE)
 *
 * (the brief's ~region+competency, split also by population and dimension so the cells are the
 * ones our estimates table has). Reading the CSVs and the estimation are timed separately.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const R_SCRIPT = `
args <- commandArgs(trailingOnly = TRUE)
suppressPackageStartupMessages(library(survey))
t0 <- proc.time()[["elapsed"]]
respondents <- read.csv(args[1], colClasses = c(respondent_id = "character"), stringsAsFactors = FALSE)
answers <- read.csv(args[2], colClasses = c(respondent_id = "character"), stringsAsFactors = FALSE)
data <- merge(answers, respondents[, c("respondent_id", "population", "region", "weight")], by = "respondent_id")
t1 <- proc.time()[["elapsed"]]
design <- svydesign(ids = ~1, weights = ~weight, data = data)
estimates <- svyby(~value, ~region + population + dimension + competency, design, svymean, na.rm = TRUE)
t2 <- proc.time()[["elapsed"]]
cat(sprintf('{"read_s": %.3f, "svyby_s": %.3f, "cells": %d}\\n', t1 - t0, t2 - t1, nrow(estimates)))
`;

export interface RSurveyTiming {
  readSeconds: number;
  svybySeconds: number;
  cells: number;
}

export function rSurveyAvailable(): boolean {
  const probe = spawnSync('Rscript', ['-e', 'suppressPackageStartupMessages(library(survey))'], { stdio: 'ignore' });
  return probe.status === 0;
}

/** Times R on respondents.csv and a long answers.csv; null when R or the survey package is missing. */
export function timeRSurvey(respondentsCsv: string, answersCsv: string): RSurveyTiming | null {
  if (!rSurveyAvailable()) return null;
  const dir = mkdtempSync(join(tmpdir(), 'skillgap-r-'));
  try {
    const script = join(dir, 'svyby.R');
    writeFileSync(script, R_SCRIPT);
    const run = spawnSync('Rscript', [script, respondentsCsv, answersCsv], { encoding: 'utf8', maxBuffer: 1 << 24 });
    if (run.status !== 0) throw new Error(`Rscript failed:\n${run.stderr.slice(-2000)}`);
    const parsed = JSON.parse(run.stdout.trim().split('\n').pop()!) as { read_s: number; svyby_s: number; cells: number };
    return { readSeconds: parsed.read_s, svybySeconds: parsed.svyby_s, cells: parsed.cells };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
