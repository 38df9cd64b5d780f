// What the compiled CLI (bin/compiled-cli.js) gives vega-loader for `require('node-fetch')`: Node's
// own fetch. vega-loader's Node build requires node-fetch as it loads (≈ 40 ms: node-fetch,
// whatwg-url and tr46's tables) only to load data from URLs, which the figures never do (their
// data is inline); where it would, Node's built-in fetch (Node ≥ 18) does the same job.
module.exports = (...args) => globalThis.fetch(...args);
