// Property-based tests (fast-check) over the snapshot reader, every protocol's adapter and the rules: random and
// mutated Home Assistant payloads never let an exception escape other than a clear SnapshotError, and what the data
// does not show is unknown, never a pass.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { audit, Auditor } from '../../src/engine.js';
import { readJson, readJsonLines } from '../../src/io/snapshot-reader.js';
import { SnapshotError } from '../../src/model/validate.js';
import { demoSnapshot } from '../../src/demo/house.js';
import type { HassEvent, Snapshot } from '../../src/model/ha.js';
import { house, stateChanged, z2m, zha, zwave } from './helpers/house.js';

const RUNS = 30;

async function* chunks(text: string, size: number) {
  const b = Buffer.from(text);
  for (let i = 0; i < b.length; i += size) yield b.subarray(i, i + size);
}

/** The only way a bad snapshot may fail: a SnapshotError with one line. */
const clear = (e: unknown) => e instanceof SnapshotError && !e.message.includes('\n');

/** Any JSON value, with HA-shaped bits mixed in. */
const junk = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(null, '', 'unknown', 'unavailable', -3, 1e20, 'abc', '1', '2026-11-20T03:00:00', [], {}),
);

const base = demoSnapshot();
const KEYS = ['version', 'captured_at', 'config', 'states', 'entity_registry', 'device_registry', 'usercodes', 'code_registry',
  'users', 'current_user', 'automations', 'reviews', 'checklist', 'events'] as const;

/** The demo snapshot with values replaced at random paths. */
const mutated = fc.tuple(fc.array(fc.tuple(fc.constantFrom(...KEYS), fc.nat(), fc.string({ maxLength: 12 }), junk), { minLength: 1, maxLength: 4 }))
  .map(([edits]) => {
    const s = structuredClone(base) as unknown as Record<string, unknown>;
    for (const [key, i, field, v] of edits) {
      const cur = s[key];
      if (Array.isArray(cur) && cur.length) {
        const at = i % cur.length;
        if (field === '' || typeof cur[at] !== 'object' || cur[at] === null) cur[at] = v;
        else (cur[at] as Record<string, unknown>)[field] = v;
      } else if (cur && typeof cur === 'object' && field) (cur as Record<string, unknown>)[field] = v;
      else s[key] = v;
    }
    return s;
  });

test('reader: mutated snapshots in both forms and any chunking are read or refused with a clear error', async () => {
  await fc.assert(fc.asyncProperty(mutated, fc.integer({ min: 1, max: 4096 }), async (snap, size) => {
    const { events, ...header } = snap as unknown as Snapshot;
    const forms: [string, (c: AsyncIterable<Buffer>) => Promise<unknown>][] = [
      [JSON.stringify(snap), (c) => readJson(c, () => {})],
      [[JSON.stringify(header), ...(Array.isArray(events) ? events : [events]).map((e) => JSON.stringify(e))].join('\n'), (c) => readJsonLines(c, () => {})],
    ];
    for (const [text, read] of forms) {
      try { await read(chunks(text, size)); } catch (e) { assert.ok(clear(e), `escaped: ${(e as Error)?.stack}`); }
    }
  }), { numRuns: RUNS });
});

test('reader: arbitrary bytes are read or refused with a clear error, never quoting them', async () => {
  await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), fc.string({ maxLength: 200 }), async (bytes, text) => {
    for (const input of [Buffer.from(bytes).toString('latin1'), text, `{"version":1,${text}`]) {
      for (const read of [readJson, readJsonLines]) {
        try { await read(chunks(input, 7), () => {}); } catch (e) { assert.ok(clear(e), `escaped: ${(e as Error)?.stack}`); }
      }
    }
  }), { numRuns: RUNS });
});

test('engine: mutated snapshots are audited or refused with a clear error; a PIN never appears in the report', () => {
  const pins = Object.values(base.usercodes!).flatMap((s) => Object.values(s).map((v) => v.usercode)).filter(Boolean);
  fc.assert(fc.property(mutated, (snap) => {
    let r;
    try { r = audit(snap as unknown as Snapshot); } catch (e) { assert.ok(clear(e), `escaped: ${(e as Error)?.stack}`); return; }
    const text = JSON.stringify(r);
    const still = Object.values((snap as unknown as Snapshot).usercodes ?? {}).flatMap((s) => Object.values(s ?? {}).map((v) => v?.usercode));
    for (const p of pins) if (still.includes(p)) assert.ok(!text.includes(`"${p}"`) && !new RegExp(`(^|\\D)${p}(\\D|$)`).test(text.replace(/\d{4}-\d{2}-\d{2}T?[\d:.]*Z?/g, '')), 'PIN in report');
  }), { numRuns: RUNS });
});

const LOCKS = [
  { id: 'lock.zw', platform: 'zwave_js' }, { id: 'lock.zh', platform: 'zha' }, { id: 'lock.zm', platform: 'mqtt' }, { id: 'lock.mt', platform: 'matter' },
];
const time = fc.integer({ min: Date.parse('2026-11-01T00:00:00Z'), max: Date.parse('2026-11-20T11:00:00Z') }).map((t) => new Date(t).toISOString());
const oddNumber = fc.oneof(fc.integer({ min: -5, max: 300 }), fc.constantFrom(NaN, 1e20, -0, 0.5) as fc.Arbitrary<number>);
/** Each protocol's events with random (also nonsensical) fields. */
const protocolEvent: fc.Arbitrary<HassEvent> = fc.oneof(
  fc.tuple(time, oddNumber, oddNumber, oddNumber).map(([t, type, event, user]) => zwave('lock.zw', t, type, event, user)),
  fc.tuple(time, fc.string({ maxLength: 30 }), fc.string({ maxLength: 10 }), oddNumber).map(([t, op, src, slot]) => zha('lock.zh', t, op, src, slot)),
  fc.tuple(time, fc.string({ maxLength: 40 }), fc.option(oddNumber), fc.string({ maxLength: 10 })).map(([t, a, u, s]) => z2m('lock.zm', t, a, u, s)),
  fc.tuple(time, junk, fc.string({ maxLength: 12 }), junk).map(([t, from, to, by]) => stateChanged('lock.mt', t, typeof from === 'string' ? from : null, to, { changed_by: by })),
  fc.tuple(time, fc.constantFrom('home', 'not_home', 'unknown', 'unavailable', 'Office')).map(([t, s]) => stateChanged('person.a', t, 'home', s)),
);

test('adapters and rules: random protocol events never throw; no slot outside 1-65535; unknown presence is never away', () => {
  fc.assert(fc.property(fc.array(protocolEvent, { maxLength: 40 }), fc.constantFrom('unknown', 'unavailable', 'not_home', 'home'), (events, person) => {
    const snap = house({ locks: LOCKS, persons: { 'person.a': person }, events: [] });
    const a = new Auditor(snap, { snapshot: true });
    for (const e of events) a.addEvent(e);
    const r = a.report();
    for (const e of a.timeline()) assert.ok(e.slot === null || (Number.isSafeInteger(e.slot) && e.slot >= 1 && e.slot <= 65535), `slot ${e.slot}`);
    assert.doesNotMatch(JSON.stringify(r), /slot (NaN|-|Infinity|1e)/);
    if (events.every((e) => e.data.entity_id !== 'person.a') && (person === 'unknown' || person === 'unavailable')) {
      assert.equal(r.findings.filter((f) => f.id === 'away-access').length, 0);
    }
  }), { numRuns: RUNS });
});

test('no data is unknown, never a pass: without events, codes, users or locks those checks are unknown', () => {
  const drop = fc.subarray(['events', 'usercodes', 'users', 'current_user', 'code_registry', 'automations', 'reviews'] as const, { minLength: 1 });
  fc.assert(fc.property(drop, (keys) => {
    const s = structuredClone(base) as unknown as Record<string, unknown>;
    for (const k of keys) delete s[k];
    const r = audit(s as unknown as Snapshot);
    const status = (id: string) => r.checks.find((c) => c.id === id)?.status;
    if (keys.includes('events')) for (const id of ['no-failed-attempt-bursts', 'no-unusual-hour-access', 'no-away-access']) assert.equal(status(id), 'unknown', id);
    if (keys.includes('usercodes')) for (const id of ['strong-codes', 'unique-codes', 'codes-not-exposed']) assert.equal(status(id), 'unknown', id);
    if (keys.includes('users')) assert.equal(status('few-admins'), 'unknown');
    if (keys.includes('current_user')) assert.equal(status('mfa-enabled'), 'unknown');
    if (keys.includes('code_registry')) assert.equal(status('expired-codes-deleted'), 'unknown');
    if (keys.includes('automations')) assert.equal(status('alerts-enabled'), 'unknown');
    if (keys.includes('reviews')) assert.equal(status('weekly-log-review'), 'unknown');
  }), { numRuns: 60 });
});
