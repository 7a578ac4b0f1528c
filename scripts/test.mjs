// `npm test`: installs, builds, runs every suite and ends with one line `N passed, N failed`.
//   --only unit|browser|lab   run one family of suites
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ensureInstalled, ensureBuilt } from './ensure.mjs';

const root = new URL('..', import.meta.url).pathname;
const only = (() => {
  const i = process.argv.indexOf('--only');
  return i >= 0 ? process.argv[i + 1] : null;
})();

ensureInstalled();
ensureBuilt();

function testFiles(dir) {
  const abs = join(root, dir);
  if (!existsSync(abs)) return [];
  return readdirSync(abs, { recursive: true })
    .filter((f) => String(f).endsWith('.test.ts'))
    .sort()
    .map((f) => join(dir, String(f)));
}

/** Runs a command, streams its output, returns {passed, failed} parsed from it. */
function runSuite(name, cmd, args, parse, env = {}) {
  return new Promise((resolve) => {
    console.log(`\n=== suite: ${name} ===`);
    const child = spawn(cmd, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => { out += d; process.stdout.write(d); });
    child.stderr.on('data', (d) => { out += d; process.stderr.write(d); });
    child.on('close', (code) => {
      const counts = parse(out);
      if (!counts) {
        console.log(`suite ${name}: no test totals found (exit ${code}); counted as 1 failure`);
        resolve({ passed: 0, failed: 1 });
      } else {
        if (code !== 0 && counts.failed === 0) counts.failed = 1;
        resolve(counts);
      }
    });
  });
}

function parseTap(out) {
  const num = (k) => { const m = [...out.matchAll(new RegExp(`^# ${k} (\\d+)$`, 'gm'))].pop(); return m ? Number(m[1]) : null; };
  const pass = num('pass');
  if (pass === null) return null;
  // Skipped, todo and cancelled tests prove nothing: they count as failures.
  return { passed: pass, failed: (num('fail') ?? 0) + (num('cancelled') ?? 0) + (num('skipped') ?? 0) + (num('todo') ?? 0) };
}

function parseWtr(out) {
  const m = [...out.matchAll(/(\d+) passed, (\d+) failed/g)].pop();
  return m ? { passed: Number(m[1]), failed: Number(m[2]) } : null;
}

const nodeTest = (files, extra = []) => ['--import', 'tsx', '--test', '--test-reporter=tap', ...extra, ...files];

const totals = { passed: 0, failed: 0 };
const add = (r) => { totals.passed += r.passed; totals.failed += r.failed; };

if (!only || only === 'unit') {
  // The build type-checks what ships; this checks the tests and benchmarks too (one test: it passes or fails).
  add(await runSuite('typecheck (tests included)', process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', 'tsconfig.json'],
    (out) => ({ passed: /error TS\d+/.test(out) ? 0 : 1, failed: /error TS\d+/.test(out) ? 1 : 0 })));
  add(await runSuite('unit (node)', process.execPath, nodeTest(testFiles('test/unit')), parseTap));
}
if ((!only || only === 'browser') && existsSync(join(root, 'web-test-runner.config.mjs'))) {
  add(await runSuite('browser (chromium)', process.execPath,
    [join(root, 'node_modules/@web/test-runner/dist/bin.js'), '--config', 'web-test-runner.config.mjs'], parseWtr));
}
if ((!only || only === 'lab') && existsSync(join(root, 'lab/lab.mjs'))) {
  const labFiles = [...testFiles('test/lab'), ...testFiles('test/e2e')];
  if (labFiles.length) {
    const up = await runSuite('lab start', process.execPath, ['lab/lab.mjs', 'up'],
      (out) => (/lab ready/.test(out) ? { passed: 0, failed: 0 } : null));
    add(up);
    if (up.failed === 0) {
      add(await runSuite('lab (real Home Assistant)', process.execPath, nodeTest(labFiles, ['--test-concurrency=1']), parseTap));
    }
    await runSuite('lab stop', process.execPath, ['lab/lab.mjs', 'down'], () => ({ passed: 0, failed: 0 }));
  }
}

console.log(`\n${totals.passed} passed, ${totals.failed} failed`);
process.exitCode = totals.failed > 0 ? 1 : 0;
