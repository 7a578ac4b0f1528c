// `npm run demo`: install and build when needed, then audit the embedded demo home.
import { ensureInstalled, ensureBuilt } from './ensure.mjs';

ensureInstalled();
ensureBuilt();
const { run } = await import('../build/cli.js');
process.exitCode = await run(['audit', '--demo', ...process.argv.slice(2)]);
