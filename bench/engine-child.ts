// One engine measurement in a fresh process (bundled by bench/run.mjs like the CLI, run once per measurement):
//   parse FILE  the streaming snapshot reader with a no-op event sink: reading and JSON.parse only, no rules;
//   audit FILE  the CLI's path without printing: loadAuditor (read, adapters, store) then report() (timeline, rules, score).
// Prints one JSON line: wall and CPU seconds, phases, events, findings and the process's peak RSS.
import { readSnapshotFile } from '../src/io/snapshot-reader.js';
import { loadAuditor, SOURCE_BOOLEANS, SOURCE_VALUED } from '../src/cli/source.js';
import { parseArgs } from '../src/cli/args.js';

export interface ChildResult {
  mode: 'parse' | 'audit';
  seconds: number;
  /** CPU time (user + system) of the measured part: less sensitive than wall time to other processes on the machine. */
  cpu_s: number;
  /** Audit only: reading with adapters and store (load) and the report (timeline, rules, scorecard). */
  load_s?: number;
  report_s?: number;
  events: number;
  access_events?: number;
  findings?: number;
  score?: number;
  /** Peak resident set of the whole process (KB), and before reading began (runtime and code). */
  maxrss_kb: number;
  base_rss_kb: number;
  heap_used_mb: number;
}

async function main(): Promise<ChildResult> {
  const [mode, file] = process.argv.slice(2);
  if ((mode !== 'parse' && mode !== 'audit') || !file) throw new Error('usage: engine-child parse|audit FILE');
  const base = process.resourceUsage().maxRSS;
  const c0 = process.cpuUsage();
  const cpu = () => { const c = process.cpuUsage(c0); return (c.user + c.system) / 1e6; };
  const t0 = performance.now();
  if (mode === 'parse') {
    let n = 0;
    await readSnapshotFile(file, () => { n++; });
    return { mode, seconds: (performance.now() - t0) / 1000, cpu_s: cpu(), events: n, ...memory(base) };
  }
  const auditor = await loadAuditor(parseArgs(['--snapshot', file], SOURCE_BOOLEANS, SOURCE_VALUED));
  const t1 = performance.now();
  const report = auditor.report();
  const t2 = performance.now();
  return {
    mode, seconds: (t2 - t0) / 1000, cpu_s: cpu(), load_s: (t1 - t0) / 1000, report_s: (t2 - t1) / 1000,
    events: auditor.store.total, access_events: auditor.store.access.length, findings: report.findings.length, score: report.score.total,
    ...memory(base),
  };
}

function memory(base: number) {
  return { maxrss_kb: process.resourceUsage().maxRSS, base_rss_kb: base, heap_used_mb: Math.round(process.memoryUsage().heapUsed / 1048576) };
}

process.stdout.write(JSON.stringify(await main()) + '\n');
