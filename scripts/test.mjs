// `npm test`: installs, builds, runs every suite and ends with one line `N passed, N failed`.
//   --only unit|browser|lab   run one family of suites
//   --ha current|floor        the lab suites against one Home Assistant only (default: each in turn)
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureInstalled, ensureBuilt, ensureSystemPackages } from './ensure.mjs';

const root = new URL('..', import.meta.url).pathname;
const only = (() => {
  const i = process.argv.indexOf('--only');
  return i >= 0 ? process.argv[i + 1] : null;
})();

const haOnly = (() => {
  const i = process.argv.indexOf('--ha');
  return i >= 0 ? process.argv[i + 1] : null;
})();

ensureInstalled();
ensureBuilt();
if (only !== 'unit') ensureSystemPackages();

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
    const t0 = Date.now();
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
        console.log(`suite ${name}: ${counts.passed} pass, ${counts.failed} fail in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
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

// Lab files hold websockets and browsers: --test-force-exit (lab suites) ends a file whose failure left a handle open,
// instead of stalling every file after it.
const nodeTest = (files, extra = []) => ['--import', 'tsx', '--test', '--test-reporter=tap', ...extra, ...files];

const totals = { passed: 0, failed: 0 };
const add = (r) => { totals.passed += r.passed; totals.failed += r.failed; };

// The labs' slow first builds (a Debian chroot, Python venvs: network and disk more than CPU) run in the background
// while the unit and browser suites run; each lab's start waits for its own build (`up` then finds it done).
const labKeys = (!only || only === 'lab') && existsSync(join(root, 'lab/lab.mjs'))
  ? (haOnly ? [haOnly] : Object.keys((await import('../lab/versions.mjs')).VERSIONS)) : [];
if (labKeys.length) mkdirSync(join(root, '.lab'), { recursive: true });
const prepared = new Map(labKeys.map((key) => [key, new Promise((resolve) => {
  const log = openSync(join(root, '.lab', `prepare-${key}.log`), 'w');
  spawn(process.execPath, ['lab/lab.mjs', 'prepare', '--ha', key], { cwd: root, stdio: ['ignore', log, log] })
    .on('close', (code) => { closeSync(log); resolve(code); });
})]));

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
if (labKeys.length) {
  // Each Home Assistant the lab runs (lab/versions.mjs, or --ha <key>): start it, run the lab and the e2e suite
  // against it, stop it (which also unmounts its chroot, after a failed start too).
  const { VERSIONS } = await import('../lab/versions.mjs');
  const keys = labKeys;
  /** Test files that need the simulated Z-Wave locks say so in their first line. */
  const needsZwave = (f) => readFileSync(join(root, f), 'utf8').startsWith('// lab-needs: zwave');
  for (const key of keys) {
    const all = [['lab', testFiles('test/lab')], ['e2e', testFiles('test/e2e')]];
    const suites = all.map(([n, files]) => [n, VERSIONS[key].zwave ? files : files.filter((f) => !needsZwave(f))]).filter(([, files]) => files.length);
    const left = all.flatMap(([, files]) => files).filter((f) => !suites.some(([, fs]) => fs.includes(f)));
    if (left.length) console.log(`\nnot run against HA ${VERSIONS[key].ha} (${key}), which cannot use the simulated Z-Wave locks: ${left.join(', ')}`);
    if (!suites.length) continue;
    const name = `HA ${VERSIONS[key].ha} (${key})`;
    const labJson = join(root, '.lab', key, 'lab.json');
    const build = await prepared.get(key);
    console.log(`\nlab build for ${name} (in the background): ${build === 0 ? 'done' : `exit ${build}, see .lab/prepare-${key}.log; the start retries it`}`);
    const up = await runSuite(`lab start, ${name}`, process.execPath, ['lab/lab.mjs', 'up', '--ha', key],
      (out) => (/lab ready/.test(out) ? { passed: 0, failed: 0 } : null));
    add(up);
    if (up.failed === 0) {
      for (const [suite, files] of suites) {
        add(await runSuite(`${suite}, ${name}`, process.execPath, nodeTest(files, ['--test-concurrency=1', '--test-force-exit']), parseTap,
          { LAB_JSON: labJson, LAB_HA: key }));
      }
    }
    await runSuite(`lab stop, ${name}`, process.execPath, ['lab/lab.mjs', 'down', '--ha', key], () => ({ passed: 0, failed: 0 }));
  }
}

console.log(`\n${totals.passed} passed, ${totals.failed} failed`);
process.exitCode = totals.failed > 0 ? 1 : 0;
