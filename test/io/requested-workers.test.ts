/** SKILLGAP_WORKERS as the ingest and analyse stages read it (io/requested-workers.ts). */
import { describe, expect, it } from 'vitest';
import { requestedWorkers } from '../../io/requested-workers.ts';

describe('requestedWorkers', () => {
  it('is the whole number from 1 up that the variable holds', () => {
    expect(requestedWorkers({ SKILLGAP_WORKERS: '1' })).toBe(1);
    expect(requestedWorkers({ SKILLGAP_WORKERS: '2' })).toBe(2);
    expect(requestedWorkers({ SKILLGAP_WORKERS: '16' })).toBe(16);
  });

  it('is undefined when unset or not such a number, so the stage decides by size', () => {
    expect(requestedWorkers({})).toBeUndefined();
    for (const value of ['', '0', '-1', '1.5', 'two', 'Infinity']) expect(requestedWorkers({ SKILLGAP_WORKERS: value }), value).toBeUndefined();
  });
});
