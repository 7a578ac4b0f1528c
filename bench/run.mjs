// `npm run bench [-- --quick] [--idle-minutes N] [--profile] [--only engine,hostile,bundle,card,live] [--hostile CASES]`
// Measures the engine at 10k/100k/1M events, the card bundle, the card in Chromium and the card live on the lab;
// prints Markdown tables and writes bench/results.json. Not part of `npm test`.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { engineBench } from './engine.mjs';
import { bundleBench } from './bundle.mjs';
import { HOSTILE_CASES, hostileBench } from './hostile.mjs';
import { cardBench } from './card.mjs';
import { labInfo, liveBench } from './live.mjs';
import { loadAverage, machine } from './machine.mjs';
import { markdown } from './table.mjs';
import { summarizeProfile } from './profile.mjs';

const root = new URL('..', import.meta.url).pathname;
const PARTS = ['engine', 'hostile', 'bundle', 'card', 'live'];
const USAGE = `usage: npm run bench -- [--quick] [--idle-minutes N] [--profile] [--only engine,hostile,bundle,card,live] [--hostile ${HOSTILE_CASES.join(',')}]`;

function parse(argv) {
  const o = { quick: false, idleMinutes: 10, profile: false, only: PARTS, hostile: HOSTILE_CASES };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--quick') o.quick = true;
    else if (a === '--profile') o.profile = true;
    else if (a.startsWith('--idle-minutes')) {
      const v = val();
      if (!/^\d+(\.\d+)?$/.test(v) || Number(v) > 120) throw new Error(`--idle-minutes must be a number of minutes up to 120, got ${JSON.stringify(v)}`);
      o.idleMinutes = Number(v);
    } else if (a.startsWith('--only')) {
      o.only = val().split(',');
      const bad = o.only.find((p) => !PARTS.includes(p));
      if (bad) throw new Error(`--only takes ${PARTS.join(', ')}; got ${JSON.stringify(bad)}`);
    } else if (a.startsWith('--hostile')) {
      o.hostile = val().split(',');
      const bad = o.hostile.find((c) => !HOSTILE_CASES.includes(c));
      if (bad) throw new Error(`--hostile takes ${HOSTILE_CASES.join(', ')}; got ${JSON.stringify(bad)}`);
    } else throw new Error(`unknown option ${JSON.stringify(a)}`);
  }
  return o;
}

const log = (s) => process.stderr.write(s + '\n');
const ratio = (a, b) => Math.round((a / b) * 100) / 100;

async function main() {
  let o;
  try {
    o = parse(process.argv.slice(2));
  } catch (e) {
    log(`bench: ${e.message}\n${USAGE}`);
    return 2;
  }
  const results = { generated_at: new Date().toISOString(), machine: machine(), load: { before: loadAverage() }, options: { quick: o.quick, idle_minutes: o.idleMinutes, only: o.only } };
  const targets = {};

  if (o.only.includes('engine')) {
    const sizes = o.quick ? [10_000, 100_000] : [10_000, 100_000, 1_000_000];
    const byForm = await engineBench({
      sizes, forms: Object.fromEntries(sizes.map((s) => [s, ['jsonl', 'json']])),
      repeat: (n) => (n >= 1_000_000 ? 3 : 5), profile: o.profile, log,
    });
    // The headline numbers are the JSON Lines form (the reference); the JSON form sits beside them.
    results.engine = Object.fromEntries(Object.entries(byForm).map(([n, f]) => [n, { ...f.jsonl, json: f.json }]));
    const big = results.engine['1000000'], mid = results.engine['100000'];
    if (big && mid) {
      const growth = (a, b) => ({ audit: ratio(a.audit_s, b.audit_s), audit_cpu: ratio(a.audit_cpu_s, b.audit_cpu_s), parse: ratio(a.parse_s, b.parse_s), peak: ratio(a.peak_mb, b.peak_mb) });
      results.engine_growth = { jsonl: growth(big, mid), json: growth(big.json, mid.json) };
      targets.audit_under_1_5x_parse = big.audit_parse_ratio < 1.5 && big.json.audit_parse_ratio < 1.5;
      targets.peak_under_300mb = big.peak_mb < 300 && big.json.peak_mb < 300;
    }
    if (o.profile) {
      for (const m of [big ?? mid, (big ?? mid)?.json]) if (m?.cpu_profile) m.profile_top = summarizeProfile(m.cpu_profile, 20);
    }
  }
  if (o.only.includes('hostile')) {
    log('bench: hostile inputs through the CLI (issue 14) ...');
    results.hostile = await hostileBench({ quick: o.quick, cases: o.hostile, log });
    const h = results.hostile;
    targets.million_events_under_300mb = [h, h.mixed_jsonl, h.mixed_json].filter((c) => c?.audit_json)
      .every((c) => c.audit_json.peak_rss_mb < 300 && c.export_csv.peak_rss_mb < 300);
    if (h.line_600mb) targets.overlong_line_refused = h.line_600mb.exit === 2;
  }
  if (o.only.includes('bundle')) {
    log('bundle: analysis build ...');
    results.bundle = await bundleBench();
    targets.bundle_under_35kb_gzip = results.bundle.gzip < 35 * 1024;
  }
  if (o.only.includes('card')) {
    if (o.quick) results.card = { skipped: '--quick' };
    else {
      results.card = await cardBench({ log });
      targets.zero_unrelated_renders = results.card.renders_on_unrelated_updates === 0;
    }
  }
  if (o.only.includes('live')) {
    const info = await labInfo();
    if (info.skip) {
      results.live = { skipped: info.skip };
      log(`live: skipped (${info.skip})`);
    } else {
      results.live = await liveBench({ lab: info.lab, idleMinutes: o.idleMinutes, log });
      targets.live_idle_zero = results.live.ws_messages_idle === 0;
    }
  }
  results.load.after = loadAverage();
  results.targets = targets;
  writeFileSync(join(root, 'bench', 'results.json'), JSON.stringify(results, null, 2) + '\n');
  process.stdout.write(markdown(results) + '\n');
  log('bench: wrote bench/results.json');
  // A target is a promise, not a remark: a run that misses one it measured fails (exit 1), naming what it missed.
  const missed = Object.entries(targets).filter(([, ok]) => !ok).map(([name]) => name);
  if (missed.length) {
    log(`bench: target not met: ${missed.join(', ')}`);
    return 1;
  }
  return 0;
}

process.exitCode = await main();
