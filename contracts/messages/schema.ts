/** Messages of the JSON Schema checks of wave.json and codebook.json (pipeline/check-json-schema.ts). */
export const schemaProblem = (path: string, problem: string) => `${path === '' ? '/' : path}: ${problem}`;
export const missingKey = (key: string) => `"${key}" is missing`;
export const unknownKey = (key: string, allowed: string[]) => `unknown key "${key}" (allowed here: ${allowed.join(', ')}); is it misspelt?`;
export const notOneOf = (allowed: unknown[], value: string) => `must be one of ${allowed.join(', ')}, not ${value}`;
export const wrongType = (expected: string, value: string) => `must be ${expected}, not ${value}`;
export const describedRule = (description: string, value: string) => `${value} does not fit: ${description}`;
export const otherRule = (problem: string, value: string) => `${problem} (it is ${value})`;
export const blank = () => 'must not be empty or blank';
