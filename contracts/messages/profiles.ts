/** Messages of `skillgap profiles`. */
export const unknownLevel = (level: string) => `unknown profile level "${level}": use region or country (or leave --level out for both)`;
export const unknownUnit = (name: string, available: readonly string[]) =>
  `no profile "${name}" in this wave: choose from ${available.join(', ')} (a country needs at least k respondents, k being the wave's suppression threshold)`;
export const noCountryDomains = (wave: string) =>
  `the cached analysis of wave ${wave} has no country estimates (it was made before countries became domains): run \`skillgap analyse --wave ${wave} --force\` first`;
export const profilesWritten = (level: string, count: number, folder: string, seconds: number) =>
  `profiles: ${count} ${level} profile(s) written to ${folder} in ${seconds.toFixed(2)} s`;
