// The streaming snapshot reader: both forms, any chunking, and one-line errors for bad input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readJson, readJsonLines } from '../../src/io/snapshot-reader.js';
import { SnapshotError } from '../../src/model/validate.js';
import type { HassEvent } from '../../src/model/ha.js';
import { demoSnapshot } from '../../src/demo/house.js';

async function* chunked(text: string, size: number): AsyncGenerator<Buffer> {
  const buf = Buffer.from(text);
  for (let i = 0; i < buf.length; i += size) yield buf.subarray(i, i + size);
}

test('JSON form: events are streamed out one by one whatever the chunk size, and the header is whole', async () => {
  const snap = demoSnapshot();
  const text = JSON.stringify({ ...snap, events: snap.events!.slice(0, 50) }, null, 1);
  for (const size of [1, 7, 64, 1 << 20]) {
    const events: HassEvent[] = [];
    const r = await readJson(chunked(text, size), (e) => events.push(e));
    assert.equal(r.events, 50);
    assert.deepEqual(events, snap.events!.slice(0, 50));
    assert.deepEqual(r.header.states, snap.states);
    assert.deepEqual(r.header.usercodes, snap.usercodes);
    assert.equal(r.eventsPresent, true);
  }
});

test('JSON form: "events" may come first, strings may hold brackets, quotes and non-ASCII', async () => {
  const text = JSON.stringify({
    events: [{ event_type: 'state_changed', time_fired: '2026-01-01T00:00:00Z', data: { entity_id: 'lock.x', note: '}]"{[\\ ünïcödé 🔒' } }],
    version: 1, captured_at: '2026-01-02T00:00:00Z', config: { time_zone: 'UTC' }, states: [],
  });
  const events: HassEvent[] = [];
  const r = await readJson(chunked(text, 3), (e) => events.push(e));
  assert.equal(events[0].data.note, '}]"{[\\ ünïcödé 🔒');
  assert.equal(r.header.captured_at, '2026-01-02T00:00:00Z');
});

test('JSON form in two passes: events past the first few are only scanned, then read from there on a second pass', async () => {
  const snap = demoSnapshot();
  const { events: all, ...header } = snap;
  // Events before the header (the header is known only at the end of the file).
  const text = JSON.stringify({ events: all!.slice(0, 40), ...header });
  for (const size of [5, 1 << 20]) {
    const got: HassEvent[] = [];
    const first = await readJson(chunked(text, size), (e) => got.push(e), { deferFrom: 15 });
    assert.equal(first.deferredFrom, 15);
    assert.deepEqual(first.header.states, snap.states);
    assert.equal(got.length, 15);
    const rest = await readJson(chunked(text, size), (e) => got.push(e), { eventsFrom: 15 });
    assert.equal(rest.events, 40);
    assert.deepEqual(got, all!.slice(0, 40));
  }
  const whole = await readJson(chunked(text, 64), () => {}, { deferFrom: 40 });
  assert.equal(whole.deferredFrom, undefined, 'nothing deferred when every event fits');
});

test('JSON Lines form: header line, then one event per line, CRLF and blank lines tolerated', async () => {
  const snap = demoSnapshot();
  const { events, ...header } = snap;
  const text = [JSON.stringify(header), ...events!.slice(0, 20).map((e) => JSON.stringify(e)), ''].join('\r\n') + '\n';
  const got: HassEvent[] = [];
  const r = await readJsonLines(chunked(text, 5), (e) => got.push(e));
  assert.equal(r.events, 20);
  assert.deepEqual(got, events!.slice(0, 20));
  assert.equal(r.eventsPresent, true);
});

test('bad input: one-line SnapshotErrors naming the problem', async () => {
  const cases: [string, RegExp][] = [
    ['', /empty/],
    ['not json', /expected "\{"/],
    ['{"version": 2, "captured_at": "2026-01-01T00:00:00Z", "config": {"time_zone": "UTC"}, "states": []}', /version is not supported/],
    ['{"version": 1, "captured_at": "yesterday", "config": {"time_zone": "UTC"}, "states": []}', /captured_at/],
    ['{"version": 1, "captured_at": "2026-01-01T00:00:00Z", "config": {}, "states": []}', /time_zone/],
    ['{"version": 1, "captured_at": "2026-01-01T00:00:00Z", "config": {"time_zone": "UTC"}, "states": {}}', /states/],
    ['{"version": 1, "captured_at": "2026-01-01T00:00:00Z", "config": {"time_zone": "UTC"}, "states": [], "events": [42]}', /event #1/],
    ['{"version": 1, "captured_at": "2026-01-01T00:00:00Z", "config": {"time_zone": "UTC"}, "states": [], "events": [', /truncated/],
    ['{"version": 1, "captured_at": "2026-01-01T00:00:00Z", "config": {"time_zone": "UTC"}, "states": [{"entity_id": 5}]}', /states\[0\]/],
  ];
  for (const [text, msg] of cases) {
    await assert.rejects(readJson(chunked(text, 4), () => {}), (e: Error) => e instanceof SnapshotError && msg.test(e.message) && !e.message.includes('\n'), text);
  }
  await assert.rejects(readJsonLines(chunked('{"version":1}\n', 4), () => {}), SnapshotError);
  await assert.rejects(readJsonLines(chunked('{"version":1,"captured_at":"2026-01-01T00:00:00Z","config":{"time_zone":"UTC"},"states":[]}\nnope\n', 4), () => {}), /line 2/);
});

test('JSON form: escaped quotes and backslash runs split across every possible chunk boundary', async () => {
  const tricky = ['a\\"b', '\\\\', '\\\\\\"', 'x\\\\"y', '"', '\\', 'end\\\\'];
  const text = JSON.stringify({
    version: 1, captured_at: '2026-01-02T00:00:00Z', config: { time_zone: 'UTC' }, states: [],
    events: tricky.map((note) => ({ event_type: 'x', time_fired: '2026-01-01T00:00:00Z', data: { note } })),
  });
  for (const size of [1, 2, 3, 5, 8, 13]) {
    const got: HassEvent[] = [];
    await readJson(chunked(text, size), (e) => got.push(e));
    assert.deepEqual(got.map((e) => e.data.note), tricky, `chunk ${size}`);
  }
});
