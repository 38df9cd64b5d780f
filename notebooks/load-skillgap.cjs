/**
 * Loads skillgap's API into a tslab notebook. tslab compiles each cell to CommonJS with its own
 * TypeScript, which cannot import the project's ESM TypeScript (`.ts` import paths,
 * `import.meta`); so this file registers the tsx loader, as bin/skillgap.js does, and imports
 * index.ts natively. Usage in the first code cell:
 *
 *   const skillgap = await require('./load-skillgap.cjs')();
 */
const { pathToFileURL } = require('node:url');
const { join } = require('node:path');

let registered = false;

module.exports = async function loadSkillgap() {
  if (!registered && !process.env.SKILLGAP_TSX_LOADED) {
    const { register } = await import('tsx/esm/api');
    register();
    registered = true;
  }
  return import(pathToFileURL(join(__dirname, '..', 'index.ts')).href);
};
