// Synthetic snapshots for scale: the demo home's shape with N events of a realistic mix (three protocols,
// persons moving, failed attempts, unrelated entities), written as JSON or JSON Lines without holding them.
import { createWriteStream, type WriteStream } from 'node:fs';
import type { HassEvent } from '../src/model/ha.js';
import { demoSnapshot, rng } from '../src/demo/house.js';

const template = demoSnapshot().events!;
const byType = (pred: (e: HassEvent) => boolean) => template.filter(pred);
const POOLS: [number, HassEvent[]][] = [
  [0.2, byType((e) => e.event_type === 'zwave_js_notification')],
  [0.15, byType((e) => e.event_type === 'zha_event')],
  [0.15, byType((e) => e.event_type === 'state_changed' && String(e.data.entity_id).startsWith('event.'))],
  [0.15, byType((e) => e.event_type === 'state_changed' && String(e.data.entity_id).startsWith('lock.'))],
  [0.1, byType((e) => e.event_type === 'state_changed' && String(e.data.entity_id).startsWith('person.'))],
];
const unrelated = (t: string, i: number): HassEvent => ({
  event_type: 'state_changed', time_fired: t, origin: 'LOCAL', context: { id: `u${i}`, parent_id: null, user_id: null },
  data: {
    entity_id: 'sensor.living_room_temperature',
    old_state: { entity_id: 'sensor.living_room_temperature', state: '21.4', attributes: { unit_of_measurement: '°C', device_class: 'temperature', friendly_name: 'Living room temperature' }, last_changed: t, last_updated: t, context: { id: `u${i}o`, parent_id: null, user_id: null } },
    new_state: { entity_id: 'sensor.living_room_temperature', state: '21.5', attributes: { unit_of_measurement: '°C', device_class: 'temperature', friendly_name: 'Living room temperature' }, last_changed: t, last_updated: t, context: { id: `u${i}n`, parent_id: null, user_id: null } },
  },
});

/** The i-th of n events, spread over 120 days before captured_at. */
export function* synthEvents(n: number, seed = 7): Generator<HassEvent> {
  const r = rng(seed);
  const end = Date.parse(demoSnapshot().captured_at);
  const span = 120 * 86_400_000;
  for (let i = 0; i < n; i++) {
    const t = new Date(end - span + Math.floor((i / n) * span)).toISOString();
    let x = r();
    let picked: HassEvent | null = null;
    for (const [share, pool] of POOLS) {
      if (x < share) { picked = pool[Math.floor(r() * pool.length)]; break; }
      x -= share;
    }
    yield picked ? { ...picked, time_fired: t, context: { id: `s${i}`, parent_id: null, user_id: null } } : unrelated(t, i);
  }
}

function write(out: WriteStream, s: string): Promise<void> | void {
  if (!out.write(s)) return new Promise((res) => out.once('drain', () => res()));
}

export async function writeSynth(path: string, n: number, form: 'json' | 'jsonl'): Promise<void> {
  const { events: _e, ...header } = demoSnapshot();
  const out = createWriteStream(path);
  if (form === 'jsonl') {
    await write(out, JSON.stringify(header) + '\n');
    for (const e of synthEvents(n)) await write(out, JSON.stringify(e) + '\n');
  } else {
    await write(out, JSON.stringify(header).slice(0, -1) + ',"events":[\n');
    let first = true;
    for (const e of synthEvents(n)) { await write(out, (first ? '' : ',\n') + JSON.stringify(e)); first = false; }
    await write(out, '\n]}\n');
  }
  await new Promise<void>((res, rej) => out.end((err?: Error | null) => (err ? rej(err) : res())));
}

if (process.argv[1]?.endsWith('synth.ts')) {
  const [, , path, n, form] = process.argv;
  await writeSynth(path, Number(n), form === 'json' ? 'json' : 'jsonl');
}
