import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../../stages/ingest/detect-format.ts';

describe('detectFormat', () => {
  it.each([
    [[['Q1'], ['Text'], ['{"ImportId":"QID1"}']], 'qualtrics'],
    [[['Q1'], ['Text'], ["{'ImportId': 'QID1'}"]], 'qualtrics'],
    [[['V1', 'V2', 'Q1'], ['ResponseID', 'ResponseSet', 'x']], 'qualtrics-legacy'],
    [[['a/b', '_uuid', '_submission_time']], 'kobo'],
    [[['id', 'submitdate', 'lastpage', 'Q1[SQ001]']], 'limesurvey'],
    [[['Response ID', 'Date submitted', 'Last page', 'How?']], 'limesurvey'],
    [[['RespondentID', 'Q?', ''], ['', 'Response', 'Other (please specify)']], 'surveymonkey'],
    [[['Timestamp', 'Q?']], 'google-forms'],
    [[['Marca temporal', 'Q?']], 'google-forms'],
    [[['id', 'rating']], 'generic'],
  ])('%j → %s', (records, format) => {
    const detection = detectFormat(records as string[][]);
    expect(detection.format).toBe(format);
    expect(detection.evidence.length).toBeGreaterThan(0);
  });
});
