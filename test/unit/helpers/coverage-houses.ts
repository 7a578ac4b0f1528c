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
