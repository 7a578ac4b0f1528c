// The steps both faces take to set a code (src/services/code-setter.ts): pick the PIN, check the holder, send, record.
import assert from 'node:assert/strict';
import test from 'node:test';
import { TimeZone } from '../../src/time/zone.js';
import { checkHolder, choosePin, readableCodes, refusal, registryEntry, sendCode, withEntry } from '../../src/services/code-setter.js';
import type { CodeRegistryEntry } from '../../src/model/ha.js';

test('readable codes: every in-use, non-empty code of every lock, trimmed', () => {
  assert.deepEqual(readableCodes({
    'lock.a': { '1': { usercode: ' 573194 ', in_use: true }, '2': { usercode: '842637', in_use: false }, '3': { usercode: '', in_use: true } },
    'lock.b': { '1': { usercode: '905172', in_use: true } },
    'lock.c': undefined,
  }), ['573194', '905172']);
  assert.deepEqual(readableCodes(undefined), []);
});

test('choosing the PIN: nothing typed proposes a strong one; a typed one passes the gate or is refused with reasons that never hold it', () => {
  const proposed = choosePin(null, ['573194']);
  assert.ok(proposed.ok && proposed.proposed && /^\d{6,8}$/.test(proposed.pin) && proposed.pin !== '573194');
  assert.deepEqual(choosePin(' 842637 ', ['573194']), { ok: true, pin: '842637', proposed: false });
  for (const [typed, reason] of [['123456', /sequential/], ['573194', /already set on a lock/], ['', /digits only/], ['4711', /6-8 digits/]] as const) {
    const c = choosePin(typed, ['573194']);
    assert.equal(c.ok, false, typed);
    if (!c.ok) {
      assert.match(c.reasons.join('; '), reason);
      if (typed) assert.ok(!c.reasons.join(' ').includes(typed));
    }
  }
  // A readable lock that could not be read: a typed code cannot be compared, so it is refused; proposing still works.
  const unread = choosePin('842637', [], ['Front Door']);
  assert.deepEqual(!unread.ok && unread.reasons, ['the codes of Front Door could not be read to compare; let Lock Sentinel propose a code']);
  assert.equal(choosePin(null, [], ['Front Door']).ok, true);
});

test('the holder: name 1-60 characters, a known role, a date that expires at the end of its day', () => {
  // The end of the day in Home Assistant's zone (Tokyo, UTC+9), whatever the machine's or browser's zone.
  const tz = new TimeZone('Asia/Tokyo');
  const ok = checkHolder({ holder: '  Cleaner ', role: 'service', expires: '2027-01-31' }, tz);
  assert.ok(ok.ok);
  if (ok.ok) {
    assert.equal(ok.value.holder, 'Cleaner');
    assert.equal(ok.value.role, 'service');
    assert.equal(ok.value.expires, '2027-01-31T14:59:59.000Z');
  }
  assert.deepEqual(checkHolder({ expires: '2027-01-31T10:00' }, tz), { ok: true, value: { holder: null, role: null, expires: '2027-01-31T01:00:00.000Z' } });
  assert.deepEqual(checkHolder({ holder: '', role: '', expires: '' }, tz), { ok: true, value: { holder: null, role: null, expires: null } });
  assert.equal(checkHolder({ holder: 'x'.repeat(61) }, tz).ok, false);
  assert.equal(checkHolder({ role: 'boss' }, tz).ok, false);
  for (const bad of ['soon', '2027-13-45', '2026-02-30', '2027-01-31x', '2027-01-31T25:00']) assert.equal(checkHolder({ expires: bad }, tz).ok, false, bad);
});

test('the registry record: holder, role, added, expiry and set_strong; a slot set again replaces its old record', () => {
  const old: CodeRegistryEntry = { lock: 'lock.a', slot: 2, name: 'Ben', role: 'guest', added: '2026-01-01T00:00:00.000Z', expires: '2026-12-31T00:00:00.000Z' };
  const now = '2026-12-02T02:00:00.000Z';
  const kept = registryEntry(old, 'lock.a', 2, { holder: null, role: null, expires: null }, now);
  assert.deepEqual(kept, { lock: 'lock.a', slot: 2, name: 'Ben', role: 'guest', added: now, expires: old.expires, set_strong: now });
  const fresh = registryEntry(old, 'lock.a', 2, { holder: 'Cleaner', role: 'service', expires: null }, now);
  assert.deepEqual(fresh, { lock: 'lock.a', slot: 2, name: 'Cleaner', role: 'service', added: now, expires: null, set_strong: now });
  const other: CodeRegistryEntry = { ...old, slot: 3 };
  assert.deepEqual(withEntry([old, other], fresh), [other, fresh]);
});

test("HA's refusal is one line without the PIN or any run of 4+ digits; sendCode rethrows it so", async () => {
  assert.equal(refusal({ code: 'invalid_format', message: 'bad usercode 842637 for slot 3\nmore' }, '842637'), 'invalid_format: bad usercode [code] for slot 3');
  assert.equal(refusal(new Error('node 12345 timed out')), 'node [digits] timed out');
  assert.equal(refusal('weird'), 'no answer');
  const call = { domain: 'zwave_js', service: 'set_lock_usercode', service_data: { code_slot: 3, usercode: '842637' } };
  await assert.rejects(sendCode(() => Promise.reject({ code: 'home_assistant_error', message: 'Usercode 842637 invalid' }), call, '842637'),
    (e: Error) => e.message === 'home_assistant_error: Usercode [code] invalid');
  let sent: unknown = null;
  await sendCode(async (c) => { sent = c; }, call, '842637');
  assert.deepEqual(sent, call);
});
