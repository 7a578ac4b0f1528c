// Accounts (admins, MFA), alert coverage, and the scorecard's arithmetic.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { audit } from '../../src/engine.js';
import type { Check } from '../../src/model/finding.js';
import type { HassUser } from '../../src/model/ha.js';
import { score } from '../../src/score/scorecard.js';
import { house } from './helpers/house.js';

const user = (id: string, extra: Partial<HassUser> = {}): HassUser =>
  ({ id, name: id, is_owner: false, is_active: true, system_generated: false, group_ids: ['system-admin'], ...extra });

test('too-many-admins: more than 2 active, human admins; inactive, system and non-admin users do not count', () => {
  const base = house({ locks: [{ id: 'lock.a', platform: 'zwave_js' }] });
  const three = audit({ ...base, users: [user('a'), user('b'), user('c')] });
  assert.equal(three.findings.filter((f) => f.id === 'too-many-admins').length, 1);
  const two = audit({ ...base, users: [user('a'), user('b'), user('c', { is_active: false }), user('d', { system_generated: true }), user('e', { group_ids: ['system-users'] })] });
  assert.equal(two.findings.filter((f) => f.id === 'too-many-admins').length, 0);
  assert.equal(audit(base).checks.find((c) => c.id === 'few-admins')?.status, 'unknown');
});

test('mfa-disabled: current user without an enabled MFA module', () => {
  const base = house({ locks: [{ id: 'lock.a', platform: 'zwave_js' }] });
  const me = { id: 'a', name: 'A', is_owner: true, is_admin: true };
  assert.equal(audit({ ...base, current_user: { ...me, mfa_modules: [{ id: 'totp', name: 'TOTP', enabled: false }] } }).findings.filter((f) => f.id === 'mfa-disabled').length, 1);
  assert.equal(audit({ ...base, current_user: { ...me, mfa_modules: [] } }).findings.filter((f) => f.id === 'mfa-disabled').length, 1);
  assert.equal(audit({ ...base, current_user: { ...me, mfa_modules: [{ id: 'totp', name: 'TOTP', enabled: true }] } }).findings.filter((f) => f.id === 'mfa-disabled').length, 0);
  assert.equal(audit(base).checks.find((c) => c.id === 'mfa-enabled')?.status, 'unknown');
});

test('missing-alerts: lists what no automation covers; full coverage passes; no automations key is unknown', () => {
  const base = house({ locks: [{ id: 'lock.a', platform: 'zwave_js', battery: 80 }] });
  const none = audit({ ...base, automations: [] });
  const f = none.findings.find((x) => x.id === 'missing-alerts');
  assert.ok(f);
  assert.match(f.evidence, /failed attempts.*unusual-hour access.*tamper.*low battery.*away-access/);
  const covered = audit({ ...base, automations: [
    { id: '1', triggers: [{ trigger: 'event', event_type: 'zwave_js_notification', event_data: { type: 6, event: 19 } }], actions: [] },
    { id: '2', triggers: [{ trigger: 'state', entity_id: 'lock.a', to: 'unlocked' }], conditions: [{ condition: 'time', after: '02:00:00', before: '06:00:00' }], actions: [] },
    { id: '3', triggers: [{ trigger: 'event', event_type: 'zwave_js_notification', event_data: { type: 7 } }], actions: [] },
    { id: '4', triggers: [{ trigger: 'numeric_state', entity_id: 'sensor.a_battery', below: 30 }], actions: [] },
    { id: '5', triggers: [{ trigger: 'state', entity_id: 'lock.a', to: 'unlocked' }], conditions: [{ condition: 'state', entity_id: 'zone.home', state: '0' }], actions: [] },
  ] });
  assert.equal(covered.findings.filter((x) => x.id === 'missing-alerts').length, 0);
  assert.equal(covered.checks.find((c) => c.id === 'alerts-enabled')?.status, 'pass');
  assert.equal(audit(base).checks.find((c) => c.id === 'alerts-enabled')?.status, 'unknown');
});

const check = (id: string, pillar: Check['pillar'], weight: number, status: Check['status']): Check =>
  ({ id, pillar, weight, status, title: id, evidence: '', fix: '' });

test('scorecard: pillars weigh 70/20/10; unknown checks leave the denominator; warn earns half', () => {
  const s = score([
    check('a', 'codes', 10, 'pass'), check('b', 'codes', 10, 'fail'), check('c', 'codes', 10, 'unknown'),
    check('d', 'audits', 5, 'warn'),
    check('e', 'hardening', 1, 'pass'),
  ]);
  assert.deepEqual(s.pillars.map((p) => p.score), [50, 50, 100]);
  assert.equal(s.total, Math.round(0.7 * 50 + 0.2 * 50 + 0.1 * 100));
  assert.equal(s.grade, 'F');
  assert.equal(s.pillars[0].unknown, 1);
});

test('scorecard: a pillar with only unknown checks drops out instead of counting as a pass', () => {
  const s = score([check('a', 'codes', 10, 'unknown'), check('d', 'audits', 5, 'fail'), check('e', 'hardening', 1, 'pass')]);
  assert.equal(s.pillars[0].score, null);
  assert.equal(s.total, Math.round((20 * 0 + 10 * 100) / 30));
  assert.equal(score([check('a', 'codes', 10, 'pass')]).grade, 'A');
});

test('self-reported checklist items are listed always and weighed only when answered', () => {
  const base = house({ locks: [{ id: 'lock.a', platform: 'zwave_js', battery: 80 }] });
  const unanswered = audit(base);
  const wps = unanswered.checks.find((c) => c.id === 'wps-disabled');
  assert.equal(wps?.status, 'unknown');
  assert.equal(wps?.self_reported, true);
  const answered = audit({ ...base, checklist: { 'wps-disabled': false } });
  assert.equal(answered.checks.find((c) => c.id === 'wps-disabled')?.status, 'fail');
  const hard = (r: typeof answered) => r.score.pillars.find((p) => p.pillar === 'hardening')!;
  assert.ok(hard(answered).score! < hard(unanswered).score!);
});

test('weekly review: a mark in the last 7 days passes, older warns, none is unknown', () => {
  const base = house({ locks: [{ id: 'lock.a', platform: 'zwave_js' }] });
  const st = (reviews: { time: string }[] | undefined) => audit({ ...base, reviews }).checks.find((c) => c.id === 'weekly-log-review')?.status;
  assert.equal(st([{ time: '2026-11-16T19:00:00Z' }]), 'pass');
  assert.equal(st([{ time: '2026-11-01T19:00:00Z' }]), 'warn');
  assert.equal(st([]), 'fail');
  assert.equal(st(undefined), 'unknown');
});

test('the demo home audits with the problems it was built with', async () => {
  const { demoSnapshot } = await import('../../src/demo/house.js');
  const r = audit(demoSnapshot());
  const found = new Set(r.findings.map((f) => f.id));
  for (const id of ['weak-code', 'expired-code', 'stale-code', 'unregistered-code', 'failed-attempts', 'unusual-hour-access', 'away-access', 'tamper', 'low-battery', 'firmware-update', 'too-many-admins', 'mfa-disabled', 'missing-alerts']) {
    assert.ok(found.has(id as never), id);
  }
  assert.deepEqual(r.locks.map((l) => l.protocol), ['zha', 'zwave_js', 'zigbee2mqtt']);
  assert.ok(r.score.total > 0 && r.score.total < 60);
});

test('the alerts Lock Sentinel generates for a house satisfy its own missing-alerts check', async () => {
  const { demoSnapshot } = await import('../../src/demo/house.js');
  const { generate } = await import('../../src/generate/generate.js');
  const { discoverLocks } = await import('../../src/adapters/discovery.js');
  const snap = demoSnapshot();
  const before = audit({ ...snap, automations: [] });
  assert.ok(before.findings.some((f) => f.id === 'missing-alerts'));
  const { automations } = generate({ locks: discoverLocks(snap), registry: snap.code_registry ?? [], notify: [], now: new Date(snap.captured_at) });
  const after = audit({ ...snap, automations: automations as unknown as Record<string, unknown>[] });
  assert.equal(after.findings.filter((f) => f.id === 'missing-alerts').length, 0);
  assert.equal(after.checks.find((c) => c.id === 'alerts-enabled')?.status, 'pass');
});
