// Engine scaling: synthetic house snapshots of 10k, 100k and 1M events, each audited and, separately, only read and
// parsed (same streaming reader, no-op sink), every measurement in a fresh child process.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { loadAverage } from './machine.mjs';

const root = new URL('..', import.meta.url).pathname;
const data = join(root, 'bench', 'data');
const CHILD = join(data, 'engine-child.mjs');

/** The child bundled as the CLI is (esbuild, node20, dependencies left to node_modules). */
async function bundleChild() {
  mkdirSync(data, { recursive: true });
  await build({
    entryPoints: [join(root, 'bench', 'engine-child.ts')], outfile: CHILD, bundle: true, platform: 'node', format: 'esm',
    target: 'node20', packages: 'external', logLevel: 'error',
  });
}

/** bench/data/house-N.FORM, generated once (reused when present: the generator is deterministic). */
function snapshotFile(n, form, log) {
  const file = join(data, `house-${n}.${form}`);
  if (!existsSync(file)) {
    log(`generating ${file} ...`);
    const t0 = Date.now();
    execFileSync(process.execPath, ['--import', 'tsx', join(root, 'bench', 'house-synth.ts'), file, String(n), form], { cwd: root, stdio: 'inherit' });
    log(`  ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  }
  return file;
}

function runChild(mode, file, extraNodeArgs = []) {
  const r = spawnSync(process.execPath, [...extraNodeArgs, CHILD, mode, file], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 20 });
  if (r.status !== 0) throw new Error(`engine child ${mode} ${file} failed (${r.status}): ${r.stderr.trim().split('\n').slice(-3).join(' | ')}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1));
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const min = (xs) => Math.min(...xs);
const round = (x, d = 3) => Math.round(x * 10 ** d) / 10 ** d;

/**
 * `repeat` runs of each mode, interleaved so a burst of load hits both alike. Other work on the machine only ever
 * adds time, so the headline times are the fastest run (wall) and the least CPU time; medians are kept beside them.
 */
function measure(file, repeat) {
  const parse = [], audit = [];
  for (let i = 0; i < repeat; i++) {
    parse.push(runChild('parse', file));
    audit.push(runChild('audit', file));
  }
  const a = audit[0];
  if (a.events !== parse[0].events) throw new Error(`audit saw ${a.events} events, the reader ${parse[0].events}`);
  const wall = (rs) => rs.map((r) => r.seconds);
  const cpu = (rs) => rs.map((r) => r.cpu_s);
  const fastest = audit.reduce((f, r) => (r.seconds < f.seconds ? r : f));
  const audit_s = min(wall(audit)), parse_s = min(wall(parse));
  return {
    events: a.events,
    audit_s: round(audit_s), parse_s: round(parse_s), audit_parse_ratio: round(audit_s / parse_s, 2),
    audit_cpu_s: round(min(cpu(audit))), parse_cpu_s: round(min(cpu(parse))), audit_parse_cpu_ratio: round(min(cpu(audit)) / min(cpu(parse)), 2),
    audit_median_s: round(median(wall(audit))), parse_median_s: round(median(wall(parse))),
    load_s: round(fastest.load_s), report_s: round(fastest.report_s),
    peak_mb: Math.round(Math.max(...audit.map((r) => r.maxrss_kb)) / 1024),
    parse_peak_mb: Math.round(Math.max(...parse.map((r) => r.maxrss_kb)) / 1024),
    base_rss_mb: Math.round(a.base_rss_kb / 1024),
    events_per_s: Math.round(a.events / audit_s),
    access_events: a.access_events, findings: a.findings, score: a.score, runs: repeat,
  };
}

/** A CPU profile of one 1M audit: the functions with the most self time. */
function profile(file, log) {
  const dir = join(data, 'profiles');
  mkdirSync(dir, { recursive: true });
  const before = new Set(spawnSync('ls', [dir], { encoding: 'utf8' }).stdout.split('\n'));
  runChild('audit', file, ['--cpu-prof', '--cpu-prof-dir', dir]);
  const made = spawnSync('ls', [dir], { encoding: 'utf8' }).stdout.split('\n').filter((f) => f && !before.has(f));
  const path = join(dir, made[0]);
  log(`  CPU profile: ${path}`);
  return path;
}

/**
 * @param {{sizes: number[], forms: Record<number, string[]>, repeat: (n: number) => number, profile: boolean, log: (s: string) => void}} opts
 */
export async function engineBench(opts) {
  await bundleChild();
  const out = {};
  for (const n of opts.sizes) {
    for (const form of opts.forms[n]) {
      const file = snapshotFile(n, form, opts.log);
      const load = loadAverage();
      opts.log(`engine: ${n} events (${form}), load ${load} ...`);
      const m = { form, file_mb: Math.round(spawnSync('stat', ['-c', '%s', file], { encoding: 'utf8' }).stdout / 1048576), ...measure(file, opts.repeat(n)), load_before: load };
      opts.log(`  audit ${m.audit_s} s, parse ${m.parse_s} s (x${m.audit_parse_ratio}; CPU x${m.audit_parse_cpu_ratio}), peak ${m.peak_mb} MB, ${m.events_per_s} events/s`);
      if (opts.profile && n === Math.max(...opts.sizes)) m.cpu_profile = profile(file, opts.log);
      (out[n] ??= {})[form] = m;
    }
  }
  return out;
}
