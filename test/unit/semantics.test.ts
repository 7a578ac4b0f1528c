// What the data means: known-away presence, duplicate deliveries, times without a zone, the real history window.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { audit } from '../../src/engine.js';
import type { Finding } from '../../src/model/finding.js';
import type { HassEvent } from '../../src/model/ha.js';
import { readJsonLines } from '../../src/io/snapshot-reader.js';
import { SnapshotError } from '../../src/model/validate.js';
import { house, stateChanged, zwave, CAPTURED } from './helpers/house.js';
import { bin, tempDir } from './helpers/cli.js';

const FRONT = { id: 'lock.front', platform: 'zwave_js', name: 'Front' };
const ids = (fs: Finding[], id: string) => fs.filter((f) => f.id === id);
const withContext = (e: HassEvent, id: string): HassEvent => ({ ...e, context: { id, parent_id: null, user_id: null } });

test('away means known to be away: unknown or unavailable persons raise no away-access', () => {
  const unlock = zwave('lock.front', '2026-11-20T10:00:00Z', 6, 6, 1);
  const at = (states: Record<string, string>) => ids(audit(house({ locks: [FRONT], persons: states, events: [unlock] })).findings, 'away-access').length;
  assert.equal(at({ 'person.a': 'unknown' }), 0);
  assert.equal(at({ 'person.a': 'unavailable', 'person.b': 'not_home' }), 0);
  assert.equal(at({ 'person.a': 'not_home' }), 1);
  assert.equal(at({ 'person.a': 'Office', 'person.b': 'not_home' }), 1);
  assert.equal(at({ 'person.a': 'home', 'person.b': 'not_home' }), 0);
});

test('the same event delivered twice counts once: by context id, else by identical content', () => {
  const wrong = [0, 1, 2].map((i) => withContext(zwave('lock.front', `2026-11-20T10:0${i}:00Z`, 6, 21), `ctx-${i}`));
  const unlock = withContext(zwave('lock.front', '2026-11-20T03:00:00Z', 6, 6, 1), 'ctx-u');
  const r = audit(house({ locks: [FRONT], events: [...wrong, ...wrong, unlock, unlock] }));
  assert.equal(ids(r.findings, 'failed-attempts').length, 0, '3 wrong codes delivered twice are 3, not a burst of 6');
  assert.equal(ids(r.findings, 'unusual-hour-access').length, 1);
  const noCtx = ({ context: _c, ...e }: HassEvent) => e as HassEvent;
  const plain = audit(house({ locks: [FRONT], events: [noCtx(unlock), noCtx(unlock)] }));
  assert.equal(ids(plain.findings, 'unusual-hour-access').length, 1);
  // One context for two different states (unlocking, then unlocked) is two events.
  const a = withContext(stateChanged('lock.front', '2026-11-20T03:10:00Z', 'locked', 'unlocking'), 'ctx-s');
  const b = withContext(stateChanged('lock.front', '2026-11-20T03:10:01Z', 'unlocking', 'unlocked'), 'ctx-s');
  const two = audit(house({ locks: [{ id: 'lock.front', platform: 'matter', name: 'Front' }], events: [a, b, b] }));
  assert.equal(ids(two.findings, 'unusual-hour-access').length, 1);
});

test('times without a zone are read in HA\'s zone: the result does not depend on the machine\'s TZ', () => {
  const snap = house({
    tz: 'Europe/Berlin', locks: [FRONT],
    usercodes: { 'lock.front': { '1': { usercode: '573194', in_use: true } } },
    // 12:30 in Berlin is 11:30Z: expired at captured_at 12:00Z. Read as UTC it would still be valid.
    registry: [{ lock: 'lock.front', slot: 1, name: 'Guest', role: 'guest', added: '2026-11-01', expires: '2026-11-20T12:30:00' }],
  });
  assert.equal(ids(audit(structuredClone(snap)).findings, 'expired-code').length, 1);
  const p = join(tempDir(), 'tz.json');
  writeFileSync(p, JSON.stringify(snap));
  const outs = ['Pacific/Kiritimati', 'America/Adak', 'UTC'].map((TZ) => {
    const r = spawnSync(process.execPath, [bin, 'audit', '--json', '--snapshot', p], { encoding: 'utf8', env: { ...process.env, TZ } });
    assert.equal(r.status, 0, r.stderr);
    return r.stdout;
  });
  assert.equal(outs[0], outs[1]);
  assert.equal(outs[0], outs[2]);
});

test('the history window is what the data covers: a stray 1970 event does not stretch it, events after captured_at do not count', () => {
  const usercodes = { 'lock.front': { '1': { usercode: '573194', in_use: true } } };
  const recent = [zwave('lock.front', '2026-11-15T10:00:00Z', 6, 6, 1)];
  const stray = zwave('lock.front', '1970-01-01T00:00:05Z', 6, 6, 2);
  const r = audit(house({ locks: [FRONT], usercodes, events: [stray, ...recent] }));
  assert.equal(r.checks.find((c) => c.id === 'unused-codes-deleted')?.status, 'unknown');
  assert.equal(ids(r.findings, 'stale-code').length, 0);
  const late = zwave('lock.front', new Date(Date.parse(CAPTURED) + 15 * 3600_000).toISOString(), 6, 6, 1);
  const after = audit(house({ locks: [FRONT], events: [late] }));
  assert.equal(ids(after.findings, 'unusual-hour-access').length, 0, 'an unlock at 03:00 after captured_at is not in the snapshot');
  assert.equal(after.locks[0].last_access, null);
});

test('a JSON Lines line over the string limit ends at once with one clear error', async () => {
  const mb = Buffer.alloc(1 << 20, 0x61);
  async function* huge() {
    yield Buffer.from('{"version":1,"captured_at":"2026-01-01T00:00:00Z","config":{"time_zone":"UTC"},"states":[]}\n{"x":"');
    for (let i = 0; i < 2048; i++) yield mb;
  }
  await assert.rejects(readJsonLines(huge(), () => {}), (e: Error) => e instanceof SnapshotError && /line 2 is longer than \d+ MB/.test(e.message));
});
