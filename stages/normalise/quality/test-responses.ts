/**
 * Preview, test and spam responses are not data. Qualtrics marks them in `Status`
 * ("Survey Preview", "Survey Test", "Spam", or the numeric codes 1 = preview, 2 = test, 4 = spam… ;
 * 0 = "IP Address" is a real response, 8 = "Imported" too).
 */
const TEST_LABEL = /preview|test|spam|vorschau|prueba|aper[cç]u/i;
const TEST_CODES = new Set(['1', '2', '4', '16']);

export function isTestResponse(status: string): boolean {
  const text = status.trim();
  return TEST_CODES.has(text) || TEST_LABEL.test(text);
}
