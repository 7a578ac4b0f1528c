// A snapshot of the lab audited offline gives the findings a live audit gives.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { INITIAL_STATE } from '../../lab/z2m.mjs';
import { audit, Auditor, type AuditReport } from '../../src/engine.js';
import { captureHeader } from '../../src/ha/capture.js';
import { subscribeLockEvents } from '../../src/ha/feed.js';
import type { Finding } from '../../src/model/finding.js';
import type { Snapshot } from '../../src/model/ha.js';
import { callService, connect, getState, lab, moveEveryone, runCli, waitFor, z2mState } from './support.js';

const key = (f: Finding) => `${f.id} ${f.entity_id ?? '-'} ${f.time ?? '-'} ${f.evidence}`;
const keys = (fs: Finding[]) => fs.map(key).sort();

after(async () => {
  const conn = await connect();
  await moveEveryone(conn, 'home');
  await z2mState(INITIAL_STATE);
  conn.close();
});

test('events seen live (websocket feed) and the same period read back from a snapshot give the same findings', async () => {
  const conn = await connect();
  const start = new Date();
  const live = new Auditor(await captureHeader(conn, start), { eventsPresent: true });
  const feed = await subscribeLockEvents(conn, (e) => live.addEvent(e));
  try {
    for (let i = 0; i < 6; i++) {
      await z2mState({ ...INITIAL_STATE, action: 'unlock_failure_invalid_pin_or_id', action_source_name: 'keypad', action_user: 4 });
      await new Promise((r) => setTimeout(r, 50));
    }
    await moveEveryone(conn, 'not_home');
    await z2mState({ ...INITIAL_STATE, state: 'UNLOCK', lock_state: 'unlocked', action: 'unlock', action_source_name: 'keypad', action_user: 1 });
    await callService(conn, 'lock', 'unlock', {}, 'lock.kitchen_door');
    await callService(conn, 'lock', 'lock', {}, 'lock.poorly_installed_door');
    await waitFor(async () => (await getState(conn, 'lock.poorly_installed_door'))?.state === 'jammed', 15000, 'the jam');
    await z2mState(INITIAL_STATE);
    await waitFor(async () => (await getState(conn, 'lock.back_door'))?.state === 'locked', 10000, 'the MQTT lock to lock again');
    await new Promise((r) => setTimeout(r, 1500)); // the recorder commits every second
  } finally {
    await feed.close();
  }
  const liveFindings = live.report().findings.filter((f) => f.time && Date.parse(f.time) >= start.getTime());
  const ids = new Set<string>(liveFindings.map((f) => f.id));
  for (const id of ['failed-attempts', 'away-access', 'jammed']) assert.ok(ids.has(id), `live audit raised ${id}`);

  const { url, token } = lab();
  const out = join(mkdtempSync(join(tmpdir(), 'ls-snap-')), 'snap.json');
  const r = await runCli(['snapshot', '--url', url, '--token', token, '--days', '1', '--out', out]);
  assert.equal(r.code, 0, r.stderr);
  const snap = JSON.parse(readFileSync(out, 'utf8')) as Snapshot;
  // The same period: events from the moment the live audit started.
  const period: Snapshot = { ...snap, events: snap.events!.filter((e) => Date.parse(e.time_fired) >= start.getTime()) };
  const offline = audit(period).findings.filter((f) => f.time && Date.parse(f.time) >= start.getTime());
  assert.deepEqual(keys(offline), keys(liveFindings));
  conn.close();
});

test('audit --url (live) and audit --snapshot of a snapshot taken right after report the same', async () => {
  const { url, token } = lab();
  await z2mState({ ...INITIAL_STATE, battery: 21 });
  const conn = await connect();
  await waitFor(async () => (await getState(conn, 'sensor.back_door_battery'))?.state === '21', 10000, 'the battery to drop');
  conn.close();
  const liveRun = await runCli(['audit', '--url', url, '--token', token, '--days', '1', '--json']);
  assert.equal(liveRun.code, 0, liveRun.stderr);
  const out = join(mkdtempSync(join(tmpdir(), 'ls-snap-')), 'snap.json');
  assert.equal((await runCli(['snapshot', '--url', url, '--token', token, '--days', '1', '--out', out])).code, 0);
  const offlineRun = await runCli(['audit', '--snapshot', out, '--json']);
  assert.equal(offlineRun.code, 0, offlineRun.stderr);
  const liveReport = JSON.parse(liveRun.stdout) as AuditReport;
  const offlineReport = JSON.parse(offlineRun.stdout) as AuditReport;
  assert.ok(liveReport.findings.some((f) => f.id === 'low-battery' && f.entity_id === 'lock.back_door'), 'low battery from MQTT is seen');
  assert.deepEqual(keys(offlineReport.findings), keys(liveReport.findings));
  assert.deepEqual(offlineReport.score, liveReport.score);
});
