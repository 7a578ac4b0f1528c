// Hostile inputs at scale, through the built CLI as a user runs it (issue 14): peak memory and time of
//  - 1,000,000 unlocks at 02:30 (one lock, JSON Lines): `audit --json` and `export --out` (each one finding, streamed rows);
//  - 1,000,000 mixed events on eight locks (JSON Lines, and JSON with the events before the registries): every
//    context id distinct, every holder name distinct, Z-Wave unlocks, wrong codes, tamper and jams, lock states with
//    changed_by, persons coming and going: `audit --json` and `export --out`;
//  - one 200 MB JSON Lines line (read linearly), and one line past V8's string limit (refused at once, exit 2).
// Figures go to bench/results.json under "hostile"; no pass/fail here (tests prove behaviour, not speed).
// `--hostile unlocks,mixed_jsonl,mixed_json,lines` runs only those cases (the machine is shared; each takes minutes).
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
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

const LOCKS = Array.from({ length: 8 }, (_, k) => ({ id: `lock.door_${k}`, device: `dev-${k}`, zwave: k % 2 === 0 }));
const MIXED_HEADER = {
  version: 1, captured_at: '2026-11-20T12:00:00Z', config: { time_zone: 'Europe/Berlin' },
  states: [
    ...LOCKS.map((l) => ({ entity_id: l.id, state: 'locked', attributes: { friendly_name: l.id.slice(5) } })),
    { entity_id: 'person.ana', state: 'home', attributes: {} }, { entity_id: 'person.ben', state: 'not_home', attributes: {} },
  ],
  entity_registry: LOCKS.map((l) => ({ entity_id: l.id, platform: l.zwave ? 'zwave_js' : 'template', device_id: l.device })),
};

/** Event `i` of the mixed stream: about a second apart from 2026-11-08 (a million end on 2026-11-19, before captured_at). */
function mixedEvent(i) {
  const l = LOCKS[i % LOCKS.length];
  const t = new Date(Date.parse('2026-11-08T00:00:00Z') + i * 997).toISOString();
  const context = { id: `01JD${i.toString(36).padStart(10, '0')}`, parent_id: null, user_id: null };
  if (i % 10 === 9) {
    const person = i % 20 === 9 ? 'person.ana' : 'person.ben';
    const state = (i >> 4) % 2 ? 'home' : 'not_home';
    return { event_type: 'state_changed', time_fired: t, context, data: { entity_id: person, old_state: { entity_id: person, state: state === 'home' ? 'not_home' : 'home' }, new_state: { entity_id: person, state, attributes: { gps_accuracy: i % 50 } } } };
  }
  if (l.zwave) {
    const [type, event, label] = i % 7 === 0 ? [6, 5, 'Keypad lock operation'] : i % 11 === 0 ? [6, 16, 'Keypad temporary disabled'] : i % 13 === 0 ? [7, 3, 'Tampering, product cover removed'] : i % 17 === 0 ? [6, 11, 'Lock jammed'] : i % 3 === 0 ? [6, 50, 'Invalid user code entered'] : [6, 6, 'Keypad unlock operation'];
    return { event_type: 'zwave_js_notification', time_fired: t, context,
      data: { device_id: l.device, command_class: 113, type, event, event_label: label, parameters: { userId: 1 + (i % 250) } } };
  }
  const unlocked = (i >> 3) % 2 === 0;
  return { event_type: 'state_changed', time_fired: t, context, data: { entity_id: l.id,
    old_state: { entity_id: l.id, state: unlocked ? 'locked' : 'unlocked', attributes: {} },
    new_state: { entity_id: l.id, state: unlocked ? 'unlocked' : 'locked', attributes: { changed_by: `Guest ${i}` } } } };
}

function* mixedLines(n) {
  yield JSON.stringify(MIXED_HEADER) + '\n';
  for (let i = 0; i < n; i++) yield JSON.stringify(mixedEvent(i)) + '\n';
}

/** The same events as one JSON document, the events before the states and registries (read before the locks are known). */
function* mixedJson(n) {
  const { version, captured_at, config, ...rest } = MIXED_HEADER;
  yield `{"version":${version},"captured_at":${JSON.stringify(captured_at)},"config":${JSON.stringify(config)},"events":[\n`;
  for (let i = 0; i < n; i++) yield (i ? ',\n' : '') + JSON.stringify(mixedEvent(i));
  yield `\n],${JSON.stringify(rest).slice(1)}\n`;
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
  // CPU time is the steadier figure on a shared machine: others' work stretches the wall time, not this.
  const cpu = Number(/cpu-s ([\d.]+)/.exec(r.stderr)?.[1] ?? NaN);
  return { exit: r.status, seconds: Math.round(seconds * 10) / 10, cpu_s: cpu, peak_rss_mb: peak, stdout_bytes: r.stdout.length, stderr: r.stderr.split('\n').filter((l) => l && !l.startsWith('peak-rss')).join(' | ') };
}

/** The cases `--hostile` can pick (all by default). */
export const HOSTILE_CASES = ['unlocks', 'mixed_jsonl', 'mixed_json', 'lines'];

export async function hostileBench({ quick = false, cases = HOSTILE_CASES, log = () => {} } = {}) {
  mkdirSync(data, { recursive: true });
  const n = quick ? 100_000 : 1_000_000;
  const results = { events: n };
  // Each run its own export file: two bench runs at once (one case each) must not remove each other's.
  const csv = join(data, `export-${process.pid}.csv`);
  if (cases.includes('unlocks')) {
    const file = join(data, `unlocks-0230-${n}.jsonl`);
    if (!existsSync(file)) { log(`generating ${file} ...`); await writeLines(file, unlocks(n)); }
    results.file_mb = Math.round(statSync(file).size / 2 ** 20);
    log(`audit --json of ${n} unlocks at 02:30 ...`);
    results.audit_json = measure(['audit', '--json', '--snapshot', file]);
    log('export --out ...');
    results.export_csv = measure(['export', '--snapshot', file, '--out', csv]);
    rmSync(csv, { force: true });
  }
  for (const [form, lines] of [['jsonl', mixedLines], ['json', mixedJson]]) {
    if (!cases.includes(`mixed_${form}`)) continue;
    const mixed = join(data, `mixed-${n}.${form}`);
    if (!existsSync(mixed)) { log(`generating ${mixed} ...`); await writeLines(mixed, lines(n)); }
    log(`audit --json and export of ${n} mixed events (${form}) ...`);
    results[`mixed_${form}`] = { file_mb: Math.round(statSync(mixed).size / 2 ** 20), audit_json: measure(['audit', '--json', '--snapshot', mixed]) };
    results[`mixed_${form}`].export_csv = measure(['export', '--snapshot', mixed, '--out', csv]);
    rmSync(csv, { force: true });
  }
  if (!cases.includes('lines')) return results;
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
  const arg = process.argv.find((a) => a.startsWith('--hostile='));
  const cases = arg ? arg.slice('--hostile='.length).split(',') : HOSTILE_CASES;
  const r = await hostileBench({ quick: process.argv.includes('--quick'), cases, log: (s) => process.stderr.write(s + '\n') });
  process.stdout.write(JSON.stringify(r, null, 2) + '\n');
}
