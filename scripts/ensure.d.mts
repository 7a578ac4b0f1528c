/** `npm ci` when node_modules is older than package-lock.json or missing. */
export function ensureInstalled(): void;
/** `npm run build` when build/cli.js or dist/ is missing or older than a source (src, cards, rollup.config.mjs). */
export function ensureBuilt(): void;
/** apt-get install of the Debian packages the browser, e2e and lab suites use, when missing. */
export function ensureSystemPackages(): void;
