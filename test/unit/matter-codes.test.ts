// Matter codes: HA 2026.3+ lists the lock's users and their credentials (`matter.get_lock_users`), never a PIN. Each
// occupied PIN credential is a slot in use of unknown strength unless Lock Sentinel set it through its gate.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { audit } from '../../src/engine.js';
import type { AuditReport } from '../../src/engine.js';
import { matterActions as matter, readMatterSlots, slotsOfUsers } from '../../src/adapters/matter.actions.js';
import { readAdminData } from '../../src/ha/admin-data.js';
import { discoverLocks } from '../../src/adapters/discovery.js';
import { setCodeServiceCall } from '../../src/services/set-code.js';
import type { WsCall } from '../../src/adapters/protocol.js';
import { house } from './helpers/house.js';
import { matterHouse } from './helpers/coverage-houses.js';
import { lockUsers, usersOfSlots } from './helpers/matter.js';
import { cli, tempDir } from './helpers/cli.js';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const check = (r: AuditReport, id: string) => {
  const c = r.checks.find((x) => x.id === id);
  assert.ok(c, id);
  return c;
};

/** HA's side of the websocket: `matter.get_lock_users` answers per lock (keyed by entity id, as HA does); every call is kept. */
function haWith(answers: Record<string, Record<string, unknown>>, calls: Record<string, unknown>[] = []): WsCall {
  return (async (msg: Record<string, unknown>) => {
    calls.push(msg);
    const target = (msg.target as { entity_id?: string } | undefined)?.entity_id ?? '';
    if (msg.type === 'call_service' && msg.domain === 'matter' && msg.service === 'get_lock_users' && answers[target]) {
      return { response: { [target]: answers[target] } };
    }
    if (msg.type === 'call_service') throw { code: 'not_found', message: 'Service not found.' };
    throw { code: 'unknown_command', message: 'Unknown command.' };
  }) as WsCall;
}

test('get_lock_users: every PIN credential of an occupied user is a slot in use without a PIN; others are not slots', () => {
  const answer = lockUsers([
    { user_index: 1, user_name: 'Ana', credentials: [{ type: 'pin', index: 1 }, { type: 'rfid', index: 1 }] },
    { user_index: 2, user_name: '', user_status: 'occupied_disabled', credentials: [{ type: 'pin', index: 4 }, { type: 'pin', index: 7 }] },
    // An available user's leftover credential list, a fingerprint-only user, indexes no lock has.
    { user_index: 3, user_name: 'Old', user_status: 'available', credentials: [{ type: 'pin', index: 2 }] },
    { user_index: 4, user_name: 'Finger', credentials: [{ type: 'fingerprint', index: 1 }] },
    { user_index: 5, user_name: 'Odd', credentials: [{ type: 'pin', index: null }, { type: 'pin', index: 0 }, { type: 'pin', index: 1.5 }] },
  ]);
  assert.deepEqual(slotsOfUsers(answer), {
    1: { usercode: '', in_use: true, name: 'Ana' },
    4: { usercode: '', in_use: true },
    7: { usercode: '', in_use: true },
  });
  for (const junk of [null, {}, { users: 'x' }, { users: [null, 3, { user_status: 'occupied_enabled', credentials: 'pin' }] }]) {
    assert.deepEqual(slotsOfUsers(junk), {});
  }
});

test('the read asks HA exactly as its schema takes it, reads the lock\'s own entry, and an HA without the service leaves the codes unknown', async () => {
  const calls: Record<string, unknown>[] = [];
  const ha = haWith({ 'lock.side': lockUsers([{ user_index: 1, user_name: 'Ana', credentials: [{ type: 'pin', index: 2 }] }]) }, calls);
  assert.deepEqual(await readMatterSlots(ha, { entity_id: 'lock.side' }), { 2: { usercode: '', in_use: true, name: 'Ana' } });
  assert.deepEqual(calls, [{
    type: 'call_service', domain: 'matter', service: 'get_lock_users', service_data: {},
    target: { entity_id: 'lock.side' }, return_response: true,
  }]);
  // HA 2025.4 (the floor) has no matter.get_lock_users: not a failure, just nothing known.
  assert.equal(await readMatterSlots(haWith({}), { entity_id: 'lock.side' }), null);
  // A lock without user management (HA's ServiceValidationError) or an answer for another entity is a failed read.
  const refusing = (async () => { throw { code: 'service_validation_error', message: 'Lock does not support user management' }; }) as WsCall;
  await assert.rejects(readMatterSlots(refusing, { entity_id: 'lock.side' }));
  const elsewhere = (async () => ({ response: { 'lock.other': lockUsers([]) } })) as WsCall;
  await assert.rejects(readMatterSlots(elsewhere, { entity_id: 'lock.side' }));
});

test('readAdminData (CLI capture and card alike) puts the Matter lock\'s occupied slots in usercodes; the floor leaves them out', async () => {
  const snap = house({ locks: [{ id: 'lock.side', platform: 'matter', name: 'Side Door' }] });
  const locks = discoverLocks(snap);
  const ha = haWith({ 'lock.side': usersOfSlots({ 3: { usercode: '', in_use: true }, 5: { usercode: '', in_use: true } }) });
  const admin = await readAdminData(ha, snap.states, locks);
  assert.deepEqual(admin.usercodes, { 'lock.side': { 3: { usercode: '', in_use: true }, 5: { usercode: '', in_use: true } } });
  assert.deepEqual(admin.codesFailed, []);
  const floor = await readAdminData(haWith({}), snap.states, locks);
  assert.equal(floor.usercodes?.['lock.side'], undefined);
  assert.deepEqual(floor.codesFailed, []);
});

test('a house with a Matter lock with 2 occupied PIN slots: strength unknown, no full pass, the evidence says why and how to fix it', () => {
  const r = audit(matterHouse());
  const strong = check(r, 'strong-codes');
  assert.equal(strong.status, 'warn');
  assert.match(strong.evidence, /1 of 2 locks' codes read or set through the strength gate; 1 lock's codes unknown \(Side Door: Matter: 2 occupied PIN slots \(3, 5\), PINs unreadable; slots 3, 5 hold codes of unknown strength: set a new code through Lock Sentinel \(`lock-sentinel set-code --lock lock.side --slot 3`\)\)/);
  // Comparing PINs needs PINs: the Matter lock is unknown to those checks too.
  assert.equal(check(r, 'unique-codes').status, 'warn');
  assert.equal(check(r, 'codes-differ-between-locks').status, 'unknown');
  // Its slots are known, though: nobody is recorded for them.
  assert.equal(check(r, 'codes-documented').status, 'fail');
  assert.match(check(r, 'codes-documented').evidence, /Side Door: Matter: occupied PIN slots listed by matter\.get_lock_users/);
  // The Matter lock alone: nothing could be judged for strength.
  const alone = matterHouse();
  alone.states = alone.states.filter((s) => !s.entity_id.includes('front'));
  alone.entity_registry = alone.entity_registry!.filter((e) => !e.entity_id.includes('front'));
  delete alone.usercodes!['lock.front'];
  assert.equal(check(audit(alone), 'strong-codes').status, 'unknown');
});

test('Matter slots set through the strength gate (and not changed since) let strength pass', () => {
  const snap = matterHouse();
  for (const slot of [3, 5]) {
    snap.code_registry!.push({ lock: 'lock.side', slot, name: `P${slot}`, role: 'family', added: '2026-11-02T10:00:00Z', expires: null, set_strong: '2026-11-02T10:00:00Z' });
  }
  const r = audit(snap);
  assert.equal(check(r, 'strong-codes').status, 'pass');
  assert.match(check(r, 'strong-codes').evidence, /2 of 2 locks' codes read or set through the strength gate/);
  // Only one of the two: still unknown strength for the other.
  snap.code_registry!.pop();
  assert.match(check(audit(snap), 'strong-codes').evidence, /Side Door: Matter: 1 occupied PIN slot \(5\), PINs unreadable; slot 5 holds a code of unknown strength/);
});

test('on an HA without matter.get_lock_users the Matter lock\'s codes stay unknown, with the reason', () => {
  const snap = matterHouse();
  snap.config = { ...snap.config, version: '2025.4.4' };
  delete snap.usercodes!['lock.side'];
  const r = audit(snap);
  assert.equal(check(r, 'strong-codes').status, 'warn');
  assert.match(check(r, 'strong-codes').evidence,
    /Side Door: Matter: codes cannot be read back, and Home Assistant 2025\.4 cannot list the occupied slots \(matter\.get_lock_users needs 2026\.3\+\)/);
  // On a current HA the same gap means the lock did not answer.
  snap.config = { ...snap.config, version: '2026.11.0' };
  assert.match(check(audit(snap), 'strong-codes').evidence, /Side Door: Matter: codes cannot be read back, and the occupied slots were not listed \(matter\.get_lock_users\)/);
});

test('a Matter user name is house text: an in-use code in it is masked, control characters escaped, in the engine and every CLI output', () => {
  const snap = matterHouse();
  snap.usercodes!['lock.side'][5].name = 'Ben\u001b[2J\n[pass] forged';
  const r = audit(snap);
  const evidence = r.findings.filter((f) => f.id === 'unregistered-code').map((f) => f.evidence);
  assert.deepEqual(evidence, [
    'Side Door slot 3 (user "Cleaner ••••" on the lock) holds a code but nobody is recorded as its holder.',
    'Side Door slot 5 (user "Ben\u001b[2J\n[pass] forged" on the lock) holds a code but nobody is recorded as its holder.',
  ]);
  const dir = tempDir('ls-matter-');
  const file = join(dir, 'house.json');
  writeFileSync(file, JSON.stringify(snap));
  const text = cli(['audit', '--snapshot', file]);
  const json = cli(['audit', '--snapshot', file, '--json']);
  for (const out of [text, json]) {
    assert.equal(out.status, 0, out.stderr);
    assert.ok(!out.stdout.includes('573194') && !out.stderr.includes('573194'), 'the in-use code never shows');
    assert.ok(!out.stdout.includes('\u001b'), 'no raw escape reaches the terminal');
  }
  assert.match(text.stdout, /Cleaner ••••/);
  assert.match(text.stdout, /Ben\\x1b\[2J\\n\[pass\] forged/);
  // The CLI's verdicts are the engine's.
  assert.deepEqual((JSON.parse(json.stdout) as AuditReport).checks, r.checks);
});

test('set-code on Matter: the slot is the PIN credential index; an occupied one is modified through its user', async () => {
  const [lock] = discoverLocks(house({ locks: [{ id: 'lock.side', platform: 'matter', name: 'Side Door' }] }));
  const ha = haWith({ 'lock.side': lockUsers([{ user_index: 4, user_name: 'Ana', credentials: [{ type: 'pin', index: 3 }] }]) });
  const known = await matter.codes.options!(ha, lock);
  assert.deepEqual(known, { credentialUsers: { 3: 4 } });
  assert.deepEqual(setCodeServiceCall(lock, 3, '573194', { ...known, haVersion: '2026.11.0' }).service_data, { credential_type: 'pin', credential_data: '573194', credential_index: 3, user_index: 4 });
  // A free index: HA adds the credential, the lock makes a new user for it.
  assert.deepEqual(setCodeServiceCall(lock, 6, '573194', { ...known, haVersion: '2026.11.0' }).service_data, { credential_type: 'pin', credential_data: '573194', credential_index: 6 });
  // An HA that cannot list users: the set is still the one call, without a user index.
  assert.deepEqual(await matter.codes.options!(haWith({}), lock), {});
});

test('Matter unlocks never name the slot: its slots are not called unused, and the unused-codes check says it could not judge them', async () => {
  const { stateChanged } = await import('./helpers/house.js');
  const snap = matterHouse();
  snap.events!.unshift(stateChanged('lock.side', '2026-08-01T09:00:00Z', 'locked', 'unlocked', { changed_by: 'Keypad' }));
  for (const e of snap.code_registry!) e.added = '2026-01-01T00:00:00Z';
  const r = audit(snap);
  const stale = r.findings.filter((f) => f.id === 'stale-code');
  assert.ok(stale.length > 0, 'the Z-Wave slots unused for 90+ days are found');
  assert.ok(stale.every((f) => f.entity_id === 'lock.front'), 'no Matter slot is called unused');
  assert.match(check(r, 'unused-codes-deleted').evidence, /1 lock's codes unknown \(Side Door: Matter: unlocks do not say which slot was used\)/);
});
