// Houses for the "no pass without data" tests, shared by the engine, CLI and card tests (same data everywhere).
import type { Snapshot } from '../../../src/model/ha.js';
import { house, stateChanged } from './house.js';

/** What the card always knows about a house (its user, shared data, automations), so both faces see the same. */
function asTheCardSees(snap: Snapshot): Snapshot {
  snap.current_user = { id: 'u-ana', name: 'Ana', is_owner: true, is_admin: true, mfa_modules: [{ id: 'totp', name: 'TOTP', enabled: true }] };
  snap.automations = [];
  snap.reviews = [];
  snap.checklist = {};
  snap.code_registry ??= [];
  return snap;
}

/** The reported house: Zigbee2MQTT, template and demo locks, no code readable anywhere (as the CLI captured it on 2026.11). */
export function unreadableHouse(): Snapshot {
  const snap = house({
    locks: [
      { id: 'lock.garage', platform: 'mqtt', name: 'Garage' },
      { id: 'lock.gate', platform: 'template', name: 'Gate' },
      { id: 'lock.shed', platform: 'demo', name: 'Shed' },
    ],
    persons: { 'person.ana': 'home' },
    usercodes: {},
    registry: [],
    events: [
      stateChanged('lock.gate', '2026-11-13T09:00:00Z', 'locked', 'unlocked'),
      stateChanged('lock.gate', '2026-11-13T09:01:00Z', 'unlocked', 'locked'),
    ],
  });
  snap.users = [];
  return asTheCardSees(snap);
}

/** A readable Z-Wave lock with strong, registered codes beside a ZHA lock and a template lock whose codes are unknown. */
export function mixedHouse(): Snapshot {
  return asTheCardSees(house({
    locks: [
      { id: 'lock.front', platform: 'zwave_js', name: 'Front Door', battery: 80 },
      { id: 'lock.back', platform: 'zha', name: 'Back Door', battery: 90 },
      { id: 'lock.gate', platform: 'template', name: 'Gate' },
    ],
    persons: { 'person.ana': 'home' },
    usercodes: { 'lock.front': { 1: { usercode: '573194', in_use: true }, 2: { usercode: '842637', in_use: true } } },
    registry: [
      { lock: 'lock.front', slot: 1, name: 'Ana', role: 'family', added: '2026-11-01T00:00:00Z', expires: null },
      { lock: 'lock.front', slot: 2, name: 'Ben', role: 'family', added: '2026-11-01T00:00:00Z', expires: null },
    ],
    events: [
      stateChanged('lock.front', '2026-11-13T09:00:00Z', 'locked', 'unlocked'),
      stateChanged('lock.front', '2026-11-13T09:01:00Z', 'unlocked', 'locked'),
    ],
  }));
}

/**
 * A readable Z-Wave lock with strong, registered codes beside a Matter lock (HA 2026.11) with 2 occupied PIN slots,
 * as `matter.get_lock_users` lists them: their PINs are unreadable, and one user's name on the lock carries the
 * Z-Wave lock's in-use code 573194.
 */
export function matterHouse(): Snapshot {
  const snap = mixedHouse();
  const matter = house({ locks: [{ id: 'lock.side', platform: 'matter', name: 'Side Door', battery: 70 }] });
  snap.states = [...snap.states.filter((s) => !['lock.back', 'lock.gate'].includes(s.entity_id) && !s.entity_id.includes('back')), ...matter.states];
  snap.entity_registry = [...snap.entity_registry!.filter((e) => !['lock.back', 'lock.gate'].includes(e.entity_id) && !e.entity_id.includes('back')), ...matter.entity_registry!];
  snap.config = { ...snap.config, version: '2026.11.0' };
  snap.usercodes = { ...snap.usercodes, 'lock.side': { 3: { usercode: '', in_use: true, name: 'Cleaner 573194' }, 5: { usercode: '', in_use: true } } };
  return snap;
}
