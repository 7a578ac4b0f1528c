// De-duplication is exact where HA gives a context id, and the store's text table compares texts, not hashes:
// a hash function that makes everything collide must change no answer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Dedup, hash96, type Hash96 } from '../../src/store/dedup.js';
import { TextTable } from '../../src/store/text-table.js';
import type { HassEvent } from '../../src/model/ha.js';
import { stateChanged, zwave } from './helpers/house.js';

const withContext = (e: HassEvent, id: string): HassEvent => ({ ...e, context: { id, parent_id: null, user_id: null } });
const noContext = ({ context: _c, ...e }: HassEvent): HassEvent => e as HassEvent;
/** Every key hashes alike: each event collides with every other one. */
const allCollide: Hash96 = () => [7, 7, 7];

function kept(dedup: Dedup, events: HassEvent[]): number {
  return events.filter((e) => dedup.first(e)).length;
}

test('dedup: distinct events whose hashes collide are all kept; true duplicates are dropped', () => {
  const unlock = zwave('lock.front', '2026-11-20T03:00:00Z', 6, 6, 1);
  // Same content, different context ids: two unlocks in one instant are two events, whatever the hash says.
  const a = withContext(unlock, 'ctx-a'), b = withContext(unlock, 'ctx-b');
  for (const hash of [allCollide, hash96]) {
    const d = new Dedup(hash);
    assert.equal(kept(d, [a, b, a, b, structuredClone(a)]), 2, 'two context ids, each delivered more than once');
    assert.equal(d.duplicates, 3);
  }
  // Context ids that differ only past Latin-1, and long ones, are compared exactly too.
  const wide = new Dedup(allCollide);
  assert.equal(kept(wide, [withContext(unlock, 'ctx-\u4e00'), withContext(unlock, 'ctx-\u4e01'), withContext(unlock, 'ctx-\u4e00'),
    withContext(unlock, 'x'.repeat(2_000_000)), withContext(unlock, 'x'.repeat(1_999_999) + 'y'), withContext(unlock, 'x'.repeat(2_000_000))]), 4);
  // One context for two different states (unlocking, then unlocked) is two events; each again is a duplicate.
  const s1 = withContext(stateChanged('lock.front', '2026-11-20T03:10:00Z', 'locked', 'unlocking'), 'ctx-s');
  const s2 = withContext(stateChanged('lock.front', '2026-11-20T03:10:01Z', 'unlocking', 'unlocked'), 'ctx-s');
  assert.equal(kept(new Dedup(), [s1, s2, s2, s1]), 2);
  // Without a context id, identical content is one event, and different content two.
  assert.equal(kept(new Dedup(allCollide), [noContext(unlock), noContext(structuredClone(unlock))]), 1);
  assert.equal(kept(new Dedup(), [noContext(unlock), noContext(zwave('lock.front', '2026-11-20T03:00:01Z', 6, 6, 1))]), 2);
  // An event without a context id is not one with.
  assert.equal(kept(new Dedup(allCollide), [noContext(unlock), a]), 2);
});

test('dedup: many events, a table that grows, and every hash colliding into a few slots', () => {
  const few: Hash96 = (k) => [k.length % 3, 0, 0];
  const events = Array.from({ length: 3000 }, (_, i) => withContext(zwave('lock.front', '2026-11-20T03:00:00Z', 6, 6, 1), `c${i}`));
  const d = new Dedup(few);
  assert.equal(kept(d, events), 3000);
  assert.equal(kept(d, events.slice().reverse()), 0);
  assert.equal(d.duplicates, 3000);
});

test('text table: one id per distinct text, the text given back exactly, even when every hash collides', () => {
  for (const hash of [() => 0, undefined]) {
    const t = new TextTable(hash);
    const texts = ['Guest 1', 'Guest 2', 'guest 1', '', 'Åse \u{1f600}', '\ud800 lone', 'x'.repeat(1_100_000), 'x'.repeat(1_100_001)];
    const ids = texts.map((s) => t.id(s));
    assert.equal(new Set(ids).size, texts.length);
    assert.deepEqual(texts.map((s) => t.id(s)), ids, 'the same text again has its id');
    assert.deepEqual(ids.map((i) => t.value(i)), texts);
    assert.equal(t.id(null), 0);
    assert.equal(t.value(0), null);
    for (let i = 0; i < 5000; i++) t.id(`Guest ${i}`);
    assert.equal(t.size, texts.length + 4998, 'Guest 1 and Guest 2 were there already');
    assert.equal(t.value(t.id('Guest 4999')), 'Guest 4999');
  }
});
