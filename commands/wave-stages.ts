/**
 * The stages of a wave, in the order they run: the list the commands give the runner
 * (runner/run.ts imports no stage). Each stage's declaration sits in its own folder.
 */
import type { StageDefinition } from '../contracts/stage.ts';
import { ingestStage } from '../stages/ingest/ingest-stage.ts';
import { normaliseStage } from '../stages/normalise/normalise-stage.ts';
import { analyseStage } from '../stages/analyse/analyse-stage.ts';
import { renderStage } from '../stages/render/render-stage.ts';

export const WAVE_STAGES: readonly StageDefinition[] = [ingestStage, normaliseStage, analyseStage, renderStage];
