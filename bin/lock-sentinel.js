#!/usr/bin/env node
// Thin launcher: the CLI is built by `npm run build` into build/cli.js.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const cli = join(dirname(fileURLToPath(import.meta.url)), '..', 'build', 'cli.js');
if (!existsSync(cli)) {
  console.error('lock-sentinel: not built yet; run `npm run build` first.');
  process.exit(2);
}
const { run } = await import(pathToFileURL(cli).href);
process.exitCode = await run(process.argv.slice(2));
