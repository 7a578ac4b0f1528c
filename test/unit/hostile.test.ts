// Defects an outside review found with inputs the team had not tried (session 21): each test plants the input and
// checks the promise (no pass without data, PINs never in any output, one clear error for bad input).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { audit } from '../../src/engine.js';
import type { AuditReport } from '../../src/engine.js';
import { SnapshotError } from '../../src/model/validate.js';
import type { Snapshot } from '../../src/model/ha.js';
import { house } from './helpers/house.js';

const RUNS = 40;
const status = (r: AuditReport, id: string) => r.checks.find((c) => c.id === id)!.status;

/** A ZHA lock (codes write-only) whose one registered slot claims to be set through the strength gate. */
function gated(setStrong: unknown): Snapshot {
  const snap = house({
    locks: [{ id: 'lock.back', platform: 'zha', name: 'Back' }],
    registry: [{ lock: 'lock.back', slot: 1, name: 'Ana', role: 'family', added: '2026-11-01T00:00:00Z', expires: null }],
  });
  (snap.code_registry![0] as unknown as Record<string, unknown>).set_strong = setStrong;
  return snap;
}

test('set_strong: only a real date-time makes a slot "set strong"; "1", 5, "yesterday" are refused, never a pass', () => {
  assert.equal(status(audit(gated('2026-11-02T10:00:00Z')), 'strong-codes'), 'pass');
  assert.equal(status(audit(gated(null)), 'strong-codes'), 'unknown');
  const notATime = fc.oneof(
    fc.integer(), fc.double(), fc.boolean(), fc.constantFrom('1', '12', '5', 'yesterday', '', ' ', '2026', '2026-13-01', '2026-02-30T00:00:00Z'),
    fc.string({ maxLength: 8 }).filter((s) => !/^\d{4}-\d{2}-\d{2}/.test(s)), fc.array(fc.nat(), { maxLength: 2 }),
  );
  fc.assert(fc.property(notATime, (v) => {
    let r: AuditReport;
    try { r = audit(gated(v)); } catch (e) {
      assert.ok(e instanceof SnapshotError && /code_registry\[0\]"\.set_strong/.test(e.message), String(e));
      return;
    }
    assert.notEqual(status(r, 'strong-codes'), 'pass', `set_strong ${JSON.stringify(v)} passed`);
  }), { numRuns: RUNS });
});

test('set_strong without a zone is read in Home Assistant\'s zone, not the machine\'s', () => {
  const snap = gated('2026-11-02T10:00:00');
  snap.config.time_zone = 'Asia/Tokyo';
  const r = audit(snap);
  assert.equal(status(r, 'strong-codes'), 'pass');
  assert.equal(snap.code_registry![0].set_strong, '2026-11-02T01:00:00.000Z');
});
