// No pass without data: a check that saw no lock is unknown, one that saw only some locks is never a full pass,
// and the evidence says which locks were seen and why the others were not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { audit, Auditor } from '../../src/engine.js';
import type { AuditReport } from '../../src/engine.js';
import { PROTOCOLS } from '../../src/adapters/index.js';
import { house, stateChanged, z2m, zha, zwave } from './helpers/house.js';
import { mixedHouse, unreadableHouse } from './helpers/coverage-houses.js';

const CODE_CHECKS = ['strong-codes', 'unique-codes', 'codes-differ-between-locks', 'codes-documented', 'unused-codes-deleted', 'expired-codes-deleted', 'codes-not-exposed'];
const check = (r: AuditReport, id: string) => {
  const c = r.checks.find((x) => x.id === id);
  assert.ok(c, id);
  return c;
};

test('the reported house: no code readable anywhere scores no code check as pass, and the codes pillar drops out', () => {
  const r = audit(unreadableHouse());
  for (const id of CODE_CHECKS) assert.equal(check(r, id).status, 'unknown', id);
  const codes = r.score.pillars.find((p) => p.pillar === 'codes')!;
  assert.equal(codes.score, null);
  assert.equal(codes.known, 0);
  const strong = check(r, 'strong-codes');
  assert.match(strong.evidence, /0 of 3 locks' codes read or set through the strength gate; 3 locks' codes unknown/);
  assert.match(check(r, 'unique-codes').evidence, /0 of 3 locks' codes read; 3 locks' codes unknown/);
  assert.match(strong.evidence, /Garage: Zigbee2MQTT: codes were not read/);
  assert.match(strong.evidence, /Gate: generic lock: no code service/);
  assert.match(strong.fix, /set-code/);
});

test('the reported house: a generic lock that reports no failures gives no evidence; unlocks are judged over the history loaded', () => {
  const r = audit(unreadableHouse());
  const bursts = check(r, 'no-failed-attempt-bursts');
  // Only the Zigbee2MQTT lock reports wrong codes (through its action entity): a partial view, never a pass.
  assert.equal(bursts.status, 'warn');
  assert.match(bursts.evidence, /1 of 3 locks reports wrong codes over 7 day\(s\) of history \(since 2026-11-13 09:00:00\)/);
  assert.match(bursts.evidence, /Gate: generic lock: does not report wrong codes; Shed: generic lock: does not report wrong codes/);
  const away = check(r, 'no-away-access');
  assert.equal(away.status, 'pass');
  assert.match(away.evidence, /3 of 3 locks report unlocks over 7 day\(s\) of history/);
  // With no protocol-reporting lock at all, the check is unknown.
  const generic = audit(house({ locks: [{ id: 'lock.gate', platform: 'template' }], events: [stateChanged('lock.gate', '2026-11-13T09:00:00Z', 'locked', 'unlocked')] }));
  assert.equal(check(generic, 'no-failed-attempt-bursts').status, 'unknown');
  assert.equal(check(generic, 'no-tamper').status, 'unknown');
});

test('a mixed house says which locks are unknown, and what it saw passes only as warn', () => {
  const r = audit(mixedHouse());
  const strong = check(r, 'strong-codes');
  assert.equal(strong.status, 'warn');
  assert.match(strong.evidence, /^Partial: nothing found on the locks that could be judged/);
  assert.match(strong.evidence, /1 of 3 locks' codes read or set through the strength gate; 2 locks' codes unknown \(Back Door: ZHA: codes cannot be read back; Gate: generic lock: no code service\)/);
  for (const id of ['unique-codes', 'codes-documented', 'codes-not-exposed', 'expired-codes-deleted']) assert.equal(check(r, id).status, 'warn', id);
  // Comparing codes between locks needs two locks' codes.
  assert.equal(check(r, 'codes-differ-between-locks').status, 'unknown');
  const codes = r.score.pillars.find((p) => p.pillar === 'codes')!;
  assert.ok(codes.score !== null && codes.score < 100, `codes pillar ${codes.score}`);
  assert.equal(check(r, 'battery-ok').status, 'warn');
  assert.match(check(r, 'battery-ok').evidence, /2 of 3 locks report a battery level; 1 lock gives no evidence \(Gate: no battery level\)/);
});

test('a weak code on the lock that was read fails whatever could not be read; full knowledge passes', () => {
  const weak = mixedHouse();
  weak.usercodes!['lock.front']['2'] = { usercode: '1234', in_use: true };
  const r = audit(weak);
  assert.equal(check(r, 'strong-codes').status, 'fail');
  assert.match(check(r, 'strong-codes').evidence, /1 finding\(s\).*1 of 3 locks' codes read or set/);
  const full = mixedHouse();
  full.states = full.states.filter((s) => !['lock.back', 'lock.gate'].includes(s.entity_id));
  const f = audit(full);
  assert.equal(check(f, 'strong-codes').status, 'pass');
  assert.match(check(f, 'strong-codes').evidence, /1 of 1 lock's codes read or set through the strength gate\.$/);
  assert.equal(check(f, 'codes-differ-between-locks').status, 'pass');
});

test('a snapshot without usercodes, or with an empty one, is the same: nothing read is nothing known', () => {
  const a = unreadableHouse();
  const b = unreadableHouse();
  delete b.usercodes;
  assert.deepEqual(audit(a).checks, audit(b).checks);
});

test('Z-Wave and ZHA wrong codes arrive only as live events: a state-only history gives no evidence for them', () => {
  const locks = [{ id: 'lock.front', platform: 'zwave_js', name: 'Front Door' }, { id: 'lock.back', platform: 'zha', name: 'Back Door' }];
  const stateOnly = audit(house({ locks, events: [stateChanged('lock.front', '2026-11-13T09:00:00Z', 'locked', 'unlocked')] }));
  const c = check(stateOnly, 'no-failed-attempt-bursts');
  assert.equal(c.status, 'unknown');
  assert.match(c.evidence, /Front Door: Z-Wave JS: its wrong-code events are not in the history loaded/);
  const withEvents = audit(house({ locks, events: [zwave('lock.front', '2026-11-10T09:00:00Z', 6, 6, 1), zha('lock.back', '2026-11-12T09:00:00Z', 'Unlock')] }));
  assert.equal(check(withEvents, 'no-failed-attempt-bursts').status, 'pass');
  assert.match(check(withEvents, 'no-failed-attempt-bursts').evidence, /2 of 2 locks report wrong codes over 10 day\(s\) of history \(since 2026-11-10 09:00:00\)/);
  // The card listens live: protocol events count only from its subscription on, whatever the history reaches back to.
  const live = audit(house({ locks, events: [stateChanged('lock.front', '2026-11-01T09:00:00Z', 'locked', 'unlocked')] }), { protocolEventsSince: Date.parse('2026-11-20T10:00:00Z') });
  assert.equal(check(live, 'no-failed-attempt-bursts').status, 'pass');
  assert.match(check(live, 'no-failed-attempt-bursts').evidence, /over 2 hour\(s\) of history \(since 2026-11-20 10:00:00\)/);
});

test("the failure check's fix names the protocols whose wrong codes arrive live, from their capabilities", () => {
  const locks = [{ id: 'lock.front', platform: 'zwave_js', name: 'Front Door' }, { id: 'lock.gate', platform: 'demo', name: 'Gate' }];
  const c = check(audit(house({ locks, events: [zwave('lock.front', '2026-11-10T09:00:00Z', 6, 6, 1)] })), 'no-failed-attempt-bursts');
  assert.equal(c.status, 'warn');
  const live = PROTOCOLS.filter((p) => p.capabilities.failures && p.eventTypes.length > 0).map((p) => p.title);
  assert.deepEqual(live, ['Z-Wave JS', 'ZHA']);
  assert.match(c.fix, /Locks that do not report wrong codes give no evidence; for Z-Wave JS and ZHA locks, keep Lock Sentinel's alerts installed/);
  for (const p of PROTOCOLS.filter((x) => !live.includes(x.title))) assert.ok(!c.fix.includes(p.title), `${p.title} reports no live wrong codes`);
});

test('an empty history is no history for the event checks', () => {
  const r = audit(house({ locks: [{ id: 'lock.front', platform: 'zwave_js' }], events: [] }));
  for (const id of ['no-failed-attempt-bursts', 'no-unusual-hour-access']) assert.equal(check(r, id).status, 'unknown', id);
});

test('every protocol module names itself and says what it can report, as the evidence uses it', () => {
  const by = Object.fromEntries(PROTOCOLS.map((p) => [p.id, p]));
  assert.deepEqual(Object.keys(by).sort(), ['generic', 'matter', 'zha', 'zigbee2mqtt', 'zwave_js']);
  for (const p of PROTOCOLS) assert.ok(p.title.trim(), p.id);
  assert.equal(by.zha.capabilities.codes, 'write-only');
  assert.equal(by.matter.capabilities.codes, 'write-only');
  assert.equal(by.zwave_js.capabilities.codes, 'read');
  assert.equal(by.zigbee2mqtt.capabilities.codes, 'read');
  assert.equal(by.generic.capabilities.failures, false);
});

test('the CLI (`audit --snapshot --json`) gives the engine\'s check objects verbatim', async () => {
  const { spawnSync } = await import('node:child_process');
  const { mkdtempSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const dir = mkdtempSync(join(tmpdir(), 'ls-coverage-'));
  const bin = join(import.meta.dirname, '../../bin/lock-sentinel.js');
  for (const [name, snap] of [['unreadable', unreadableHouse()], ['mixed', mixedHouse()]] as const) {
    const file = join(dir, `${name}.json`);
    writeFileSync(file, JSON.stringify(snap));
    const r = spawnSync(process.execPath, [bin, 'audit', '--snapshot', file, '--json'], { encoding: 'utf8', env: { ...process.env, LOCK_SENTINEL_URL: '', LOCK_SENTINEL_TOKEN: '' } });
    assert.equal(r.status, 0, r.stderr);
    const report = JSON.parse(r.stdout) as AuditReport;
    assert.deepEqual(report.checks, audit(snap).checks, name);
    assert.deepEqual(report.score, audit(snap).score, name);
  }
});

test('slot provenance: read, set strong through the gate, or unknown; only read and set-strong slots let strength pass', async () => {
  const base = mixedHouse();
  base.states = base.states.filter((s) => s.entity_id !== 'lock.gate');
  const entry = (slot: number, set_strong: string | null) =>
    ({ lock: 'lock.back', slot, name: `P${slot}`, role: 'family' as const, added: '2026-11-01T00:00:00Z', expires: null, set_strong });
  // A ZHA slot set through the gate: the ZHA lock's codes count as known.
  const gated = structuredClone(base);
  gated.code_registry!.push(entry(1, '2026-11-02T10:00:00Z'));
  const r = audit(gated);
  assert.equal(check(r, 'strong-codes').status, 'pass');
  assert.match(check(r, 'strong-codes').evidence, /2 of 2 locks' codes read or set through the strength gate\.$/);
  // ... but other code checks still need codes read.
  assert.equal(check(r, 'unique-codes').status, 'warn');
  // A registered slot not set through the gate, or one the lock reports in use, is unknown: no full pass, and the fix names the command.
  const unknown = structuredClone(gated);
  unknown.code_registry!.push(entry(2, null));
  unknown.events!.push(zha('lock.back', '2026-11-15T08:00:00Z', 'Unlock', 'Keypad', 5));
  const u = audit(unknown);
  assert.equal(check(u, 'strong-codes').status, 'warn');
  assert.match(check(u, 'strong-codes').evidence, /Back Door: ZHA: codes cannot be read back; slots 2, 5 hold codes of unknown strength: set a new code through Lock Sentinel \(`lock-sentinel set-code --lock lock.back --slot 2`\)/);
  // A code change the lock reports on a gated slot after it was set makes it unknown again (Zigbee2MQTT reports them).
  const garage = house({
    locks: [{ id: 'lock.garage', platform: 'mqtt', name: 'Garage' }],
    registry: [{ lock: 'lock.garage', slot: 1, name: 'Ana', role: 'family', added: '2026-11-01T00:00:00Z', expires: null, set_strong: '2026-11-02T10:00:00Z' }],
    events: [z2m('lock.garage', '2026-11-01T08:00:00Z', 'unlock', 0)],
  });
  const auditor = new Auditor(garage);
  for (const e of garage.events!) auditor.addEvent(e);
  assert.deepEqual(auditor.slotStrengths(), [{ lock: 'lock.garage', slot: 1, provenance: 'set-strong', set_at: '2026-11-02T10:00:00Z' }]);
  assert.equal(check(audit(garage), 'strong-codes').status, 'pass');
  garage.events!.push(z2m('lock.garage', '2026-11-05T08:00:00Z', 'pin_code_changed', 0));
  const after = check(audit(garage), 'strong-codes');
  assert.equal(after.status, 'unknown');
  assert.match(after.evidence, /Garage: Zigbee2MQTT: codes were not read; slot 1 holds a code of unknown strength/);
});
