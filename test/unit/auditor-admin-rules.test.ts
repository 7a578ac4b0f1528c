// The card's Auditor (src/auditor.ts) runs the rules over admin-only data (codes read back, users, automations) only
// when it is given them with that data; the CLI's engine always has them. Either way, one report for one house.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Auditor as HouseAuditor } from '../../src/auditor.js';
import { Auditor } from '../../src/engine.js';
import type { HassUser } from '../../src/model/ha.js';
import { ADMIN_RULES } from '../../src/rules/admin.js';
import { WORDS } from '../../src/words.js';
import { auditRules } from '../../src/rules/rules.js';
import { house, zwave } from './helpers/house.js';

const FRONT = { id: 'lock.front', platform: 'zwave_js', name: 'Front Door' };
const admin = (id: string): HassUser => ({ id, name: id, username: id, is_owner: false, is_active: true, system_generated: false, group_ids: ['system-admin'] });

test('the rules run in the order findings have always been reported, the admin rules where they stood', () => {
  assert.deepEqual(auditRules(ADMIN_RULES).map((r) => r.name), [
    'weakCodes', 'duplicateCodes', 'reusedAcrossLocks', 'staleCodes', 'expiredCodes', 'unregisteredCodes', 'exposedPins',
    'failedAttempts', 'unusualHours', 'awayAccess', 'tamper', 'jammed', 'lowBattery', 'firmwareUpdate', 'unavailable',
    'tooManyAdmins', 'mfaDisabled', 'missingAlerts',
  ]);
  assert.deepEqual(auditRules(null).map((r) => r.name), [
    'expiredCodes', 'failedAttempts', 'unusualHours', 'awayAccess', 'tamper', 'jammed', 'lowBattery', 'firmwareUpdate', 'unavailable', 'mfaDisabled',
  ]);
});

test('without admin data, the audit without the admin rules is the audit with them', () => {
  const h = house({ locks: [FRONT], events: [zwave('lock.front', '2026-11-20T02:30:00Z', 6, 6, 3)] });
  const a = new HouseAuditor(h, { words: WORDS }), b = new Auditor(h);
  for (const e of h.events ?? []) { a.addEvent(e); b.addEvent(e); }
  assert.ok(b.report().findings.length > 0);
  assert.deepEqual(a.report(), b.report());
  assert.deepEqual(a.timeline(), b.timeline());
});

test('codes, users or automations without the admin rules are refused (their checks must not pass unread)', () => {
  const withCodes = house({ locks: [FRONT], usercodes: { 'lock.front': { 1: { usercode: '1234', in_use: true } } } });
  const users = { ...house({ locks: [FRONT] }), users: [admin('a'), admin('b'), admin('c'), admin('d')] };
  const automations = { ...house({ locks: [FRONT] }), automations: [] };
  for (const h of [withCodes, users, automations]) {
    assert.throws(() => new HouseAuditor(h), /admin rules/);
    assert.deepEqual(new HouseAuditor(h, { adminRules: ADMIN_RULES, words: WORDS }).report(), new Auditor(h).report());
  }
  assert.ok(new Auditor(withCodes).report().findings.some((f) => f.id === 'weak-code'));
  assert.ok(new Auditor(users).report().findings.some((f) => f.id === 'too-many-admins'));
});

test('without the words (the card before a view that shows them), the same verdicts, score and findings; given them, the same report', () => {
  const h = house({ locks: [FRONT], events: [zwave('lock.front', '2026-11-20T02:30:00Z', 6, 6, 3)] });
  const a = new HouseAuditor(h), b = new Auditor(h);
  for (const e of h.events ?? []) { a.addEvent(e); b.addEvent(e); }
  const [bare, told] = [a.report(), b.report()];
  assert.deepEqual(bare.score, told.score);
  assert.deepEqual(bare.checks.map((c) => [c.id, c.status, c.weight]), told.checks.map((c) => [c.id, c.status, c.weight]));
  assert.ok(bare.checks.every((c) => c.title === '' && c.evidence === '' && c.fix === ''));
  assert.ok(told.checks.every((c) => c.title !== '' && c.evidence !== ''));
  assert.deepEqual(bare.findings.map((f) => ({ ...f, evidence: '', fix: '' })), told.findings.map((f) => ({ ...f, evidence: '', fix: '' })));
  assert.ok(told.findings.every((f) => f.evidence !== '' && f.fix !== ''));
  a.useWords(WORDS);
  assert.deepEqual(a.report(), told);
});

test('every check and self-reported item has its words, and no words are left without a check', async () => {
  const { CHECKS, CHECKLIST } = await import('../../src/score/checks.js');
  const { CHECK_WORDS, CHECKLIST_WORDS } = await import('../../src/score/check-texts.js');
  assert.deepEqual(Object.keys(CHECK_WORDS).sort(), CHECKS.map((c) => c.id).sort());
  assert.deepEqual(Object.keys(CHECKLIST_WORDS).sort(), CHECKLIST.map((c) => c.id).sort());
});
