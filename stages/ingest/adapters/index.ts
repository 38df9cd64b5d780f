/** The table adapters by format (SPSS has its own reader, adapters/spss.ts). */
import type { ExportFormat } from '../../../contracts/types.ts';
import type { ExportAdapter } from '../ingest-types.ts';
import { genericAdapter } from './generic.ts';
import { googleFormsAdapter } from './google-forms.ts';
import { koboAdapter } from './kobo.ts';
import { limesurveyAdapter } from './limesurvey.ts';
import { qualtricsAdapter, qualtricsLegacyAdapter } from './qualtrics.ts';
import { surveymonkeyAdapter } from './surveymonkey.ts';

const ADAPTERS: Record<Exclude<ExportFormat, 'spss'>, ExportAdapter> = {
  qualtrics: qualtricsAdapter,
  'qualtrics-legacy': qualtricsLegacyAdapter,
  limesurvey: limesurveyAdapter,
  surveymonkey: surveymonkeyAdapter,
  'google-forms': googleFormsAdapter,
  kobo: koboAdapter,
  generic: genericAdapter,
};

export function adapterFor(format: Exclude<ExportFormat, 'spss'>): ExportAdapter {
  return ADAPTERS[format];
}
