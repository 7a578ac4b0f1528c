// What the card benchmark's page needs from the benchmark house, as the frontend would hand it over: `hass` parts
// (states, entity and device registries, user, config) and HA's answer to history/history_during_period for the
// last 30 days (compressed rows, as HA's websocket API sends them). Written as JSON for the page.
import { writeFileSync } from 'node:fs';
import type { HassState } from '../src/model/ha.js';
import { houseSnapshot } from './house-synth.js';

interface CompressedState { s: string; a: Record<string, unknown>; lu: number; lc: number }

const seconds = (iso: string | undefined) => Date.parse(iso ?? '') / 1000;

/** Entities whose history the card asks for: locks, their action entities, door contacts and tamper sensors. */
const historyEntity = (id: string) => id.startsWith('lock.') || (id.startsWith('event.') && id.endsWith('_action'))
  || (id.startsWith('binary_sensor.') && (id.endsWith('_contact') || id.includes('_tampering_')));

export function cardFixture(now: number, days: number) {
  const snap = houseSnapshot(now, days);
  const history: Record<string, CompressedState[]> = {};
  const row = (s: HassState): CompressedState => ({ s: s.state, a: s.attributes, lu: seconds(s.last_updated), lc: seconds(s.last_changed) });
  for (const e of snap.events ?? []) {
    if (e.event_type !== 'state_changed') continue;
    const d = e.data as { entity_id: string; old_state: HassState; new_state: HassState };
    if (!historyEntity(d.entity_id)) continue;
    const rows = (history[d.entity_id] ??= [row(d.old_state)]);
    rows.push(row(d.new_state));
  }
  const lockDevice = Object.fromEntries((snap.entity_registry ?? []).filter((e) => e.entity_id.startsWith('lock.')).map((e) => [e.entity_id, e.device_id]));
  return {
    now, days,
    events_in_period: snap.events?.length ?? 0,
    history_rows: Object.values(history).reduce((n, r) => n + r.length, 0),
    states: Object.fromEntries(snap.states.map((s) => [s.entity_id, s])),
    entities: Object.fromEntries((snap.entity_registry ?? []).map((e) => [e.entity_id, { entity_id: e.entity_id, platform: e.platform, device_id: e.device_id ?? null, name: null }])),
    devices: Object.fromEntries((snap.device_registry ?? []).map((d) => [d.id, { ...d, name_by_user: null, config_entries: ['ce'] }])),
    user: snap.current_user,
    users: snap.users,
    usercodes: snap.usercodes,
    config: { ...snap.config },
    history,
    lock_device: lockDevice,
  };
}

if (process.argv[1]?.endsWith('card-fixture.ts')) {
  const [, , out, days] = process.argv;
  if (!out) throw new Error('usage: node --import tsx bench/card-fixture.ts OUT.json [DAYS]');
  writeFileSync(out, JSON.stringify(cardFixture(Date.now(), Number(days ?? 30))));
}
