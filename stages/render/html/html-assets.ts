/**
 * Reads what report.html inlines: the browser builds of vega, vega-lite and vega-embed from
 * node_modules (the installed versions, so the page matches the figures rendered in Node), the page
 * script and the DejaVu fonts as base64. I/O at the edge: assemble-html-report.ts takes the result.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FONT_FILES } from '../theme.ts';
import type { HtmlReportAssets } from './assemble-html-report.ts';

const require = createRequire(import.meta.url);

/** A package's folder, found from its main entry: vega-embed's `exports` hides its package.json. */
function packageDirectory(packageName: string): string {
  let directory = path.dirname(require.resolve(packageName));
  while (path.basename(directory) !== packageName && path.dirname(directory) !== directory) directory = path.dirname(directory);
  return directory;
}

function packageFile(packageName: string, relativePath: string): string {
  // The source-map comment is dropped: a browser's developer tools would try to fetch the map.
  return readFileSync(path.join(packageDirectory(packageName), relativePath), 'utf8').replace(/^\/\/# sourceMappingURL=.*$/gm, '');
}

export function readHtmlReportAssets(): HtmlReportAssets {
  return {
    vegaJs: packageFile('vega', 'build/vega.min.js'),
    vegaLiteJs: packageFile('vega-lite', 'build/vega-lite.min.js'),
    vegaEmbedJs: packageFile('vega-embed', 'build/vega-embed.min.js'),
    pageJs: readFileSync(fileURLToPath(new URL('./report-page.js', import.meta.url)), 'utf8'),
    fontRegularBase64: readFileSync(FONT_FILES.regular).toString('base64'),
    fontBoldBase64: readFileSync(FONT_FILES.bold).toString('base64'),
  };
}
