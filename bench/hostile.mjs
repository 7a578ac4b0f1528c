// Hostile inputs at scale, through the built CLI as a user runs it (issue 14): peak memory and time of
//  - 1,000,000 unlocks at 02:30 (one lock, JSON Lines): `audit --json` and `export --out` (each one finding, streamed rows);
//  - one 200 MB JSON Lines line (read linearly), and one line past V8's string limit (refused at once, exit 2).
// Figures go to bench/results.json under "hostile"; no pass/fail here (tests prove behaviour, not speed).
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, statSync, unlinkSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const data = join(root, 'bench', 'data');
const bin = join(root, 'bin', 'lock-sentinel.js');

const HEADER = {
  version: 1, captured_at: '2026-11-20T12:00:00Z', config: { time_zone: 'UTC' },
  states: [{ entity_id: 'lock.front', state: 'locked', attributes: { friendly_name: 'Front' } }],
  entity_registry: [{ entity_id: 'lock.front', platform: 'zwave_js', device_id: 'dev-front' }],
};

async function writeLines(file, lines) {
  const out = createWriteStream(file);
  for (const l of lines) if (!out.write(l)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
}

function* unlocks(n) {
  yield JSON.stringify(HEADER) + '\n';
  const day0 = Date.parse('2026-11-19T02:30:00Z');
  for (let i = 0; i < n; i++) {
    const t = new Date(day0 - (i % 300) * 86_400_000 + (i % 1000)).toISOString();
    yield JSON.stringify({ event_type: 'zwave_js_notification', time_fired: t, context: { id: `c${i}` },
      data: { device_id: 'dev-front', command_class: 113, type: 6, event: 6, event_label: 'Keypad unlock operation', parameters: { userId: 1 + (i % 20) } } }) + '\n';
  }
}

function* longLine(mb) {
  yield JSON.stringify(HEADER) + '\n';
  const chunk = 'x'.repeat(1 << 20);
  yield '{"event_type":"x","time_fired":"2026-11-19T02:30:00Z","data":{"note":"';
  for (let i = 0; i < mb; i++) yield chunk;
  yield '"}}\n';
}

function measure(args) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--import', join(root, 'bench', 'peak.mjs'), bin, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const peak = Number(/peak-rss-mb (\d+)/.exec(r.stderr)?.[1] ?? NaN);
  return { exit: r.status, seconds: Math.round(seconds * 10) / 10, peak_rss_mb: peak, stdout_bytes: r.stdout.length, stderr: r.stderr.split('\n').filter((l) => l && !l.startsWith('peak-rss')).join(' | ') };
}

export async function hostileBench({ quick = false, log = () => {} } = {}) {
  mkdirSync(data, { recursive: true });
  const n = quick ? 100_000 : 1_000_000;
  const file = join(data, `unlocks-0230-${n}.jsonl`);
  if (!existsSync(file)) { log(`generating ${file} ...`); await writeLines(file, unlocks(n)); }
  const results = { events: n, file_mb: Math.round(statSync(file).size / 2 ** 20) };
  log(`audit --json of ${n} unlocks at 02:30 ...`);
  results.audit_json = measure(['audit', '--json', '--snapshot', file]);
  log('export --out ...');
  const csv = join(data, 'export.csv');
  results.export_csv = measure(['export', '--snapshot', file, '--out', csv]);
  unlinkSync(csv);
  const lineMb = quick ? 50 : 200;
  const long = join(data, `line-${lineMb}mb.jsonl`);
  if (!existsSync(long)) { log(`generating ${long} ...`); await writeLines(long, longLine(lineMb)); }
  log(`audit of one ${lineMb} MB line ...`);
  results[`line_${lineMb}mb`] = measure(['audit', '--json', '--snapshot', long]);
  if (!quick) {
    const over = join(data, 'line-600mb.jsonl');
    if (!existsSync(over)) { log(`generating ${over} ...`); await writeLines(over, longLine(600)); }
    log('audit of one 600 MB line (over the string limit) ...');
    results.line_600mb = measure(['audit', '--json', '--snapshot', over]);
  }
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await hostileBench({ quick: process.argv.includes('--quick'), log: (s) => process.stderr.write(s + '\n') });
  process.stdout.write(JSON.stringify(r, null, 2) + '\n');
}
