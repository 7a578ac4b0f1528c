// lab-needs: zwave (runs only against a lab whose Home Assistant can use the simulated Z-Wave locks: lab/versions.mjs)
// Codes on the (mock) Z-Wave locks through the API each Home Assistant offers: on the lab's current HA (2026.11) the
// user/credential API (`zwave_js.get_credential_capabilities`, `get_users`, `set_user`, `set_credential`,
// `delete_credential`) end to end down to the lock; on the floor release (2025.4) only the old usercode services and
// `invoke_cc_api` exist. Either way the product (src/adapters/zwave-js.ts readLockCodes) reads through the richest API HA offers.
// Assertions name slots, never code values, so a failure cannot print a PIN.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { send } from '../../src/ha/command.js';
import { lab, LiveHa, mockSlots, readCodesThroughHa, restorePresets, waitFor, zwaveLab, type ZwaveLab, type ZwaveLock } from './support.js';

const CREDENTIAL_SERVICES = ['get_credential_capabilities', 'get_users', 'set_user', 'set_credential', 'delete_credential'];
/** A guest code for these tests only: never one of the presets. */
const GUEST_PIN = '807153';
const OTHER_PIN = '361948';

let zl: ZwaveLab;
let ha: LiveHa;
let patio: ZwaveLock;

const isCurrent = () => lab().ha_key === 'current';

async function zwaveServices(): Promise<string[]> {
  const services = await send<Record<string, Record<string, unknown>>>(ha.conn, { type: 'get_services' });
  return Object.keys(services.zwave_js ?? {});
}

/** A response-only zwave_js service on the patio lock; returns the lock's part of the response. */
async function respond<T>(service: string, data: Record<string, unknown> = {}): Promise<T> {
  const r = await send<{ response: Record<string, T> }>(ha.conn, {
    type: 'call_service', domain: 'zwave_js', service, service_data: data, target: { entity_id: patio.lock_entity }, return_response: true,
  });
  return r.response[patio.lock_entity]!;
}

interface Users { max_users: number; users: { user_id: number; active: boolean; credentials: { type: string; slot: number }[] }[] }

const pinSlots = (u: Users) => u.users.flatMap((x) => x.credentials.filter((c) => c.type === 'pin_code').map((c) => c.slot)).sort((a, b) => a - b);
const enabledOnLock = async () => Object.entries(await mockSlots(zl, patio.node_id)).filter(([, v]) => v.status === 'enabled').map(([s]) => Number(s)).sort((a, b) => a - b);

before(async () => {
  zl = zwaveLab();
  patio = zl.zwave.locks[0]!;
  ha = await LiveHa.open(zl);
  await restorePresets(zl, ha.conn);
});

after(async () => {
  await restorePresets(zl, ha.conn).catch(() => undefined);
  await ha?.close();
});

describe(`Z-Wave codes through the API Home Assistant ${lab().ha_version} offers`, () => {
  test('the services this HA registers for zwave_js locks, and the product reads the lock\'s slots through them', async () => {
    const services = await zwaveServices();
    const codes = await readCodesThroughHa(ha.conn, patio);
    const inUse = Object.entries(codes).filter(([, v]) => v.in_use).map(([s]) => Number(s)).sort((a, b) => a - b);
    assert.deepEqual(inUse, await enabledOnLock(), 'the slots the product read are the ones the lock holds');
    if (isCurrent()) {
      for (const s of [...CREDENTIAL_SERVICES, 'get_lock_usercode', 'set_lock_usercode', 'clear_lock_usercode']) assert.ok(services.includes(s), `HA has zwave_js.${s}`);
      // readLockCodes tries get_lock_usercode first: on this HA the codes come from there.
    } else {
      for (const s of [...CREDENTIAL_SERVICES, 'get_lock_usercode']) assert.ok(!services.includes(s), `the floor HA has no zwave_js.${s}`);
      for (const s of ['set_lock_usercode', 'clear_lock_usercode']) assert.ok(services.includes(s), `HA has zwave_js.${s}`);
      // Neither service exists here, so the product's codes above came through invoke_cc_api, which asks the lock.
    }
  });

  if (isCurrent()) {
    test('get_credential_capabilities: the lock takes PIN codes in its 10 slots', async () => {
      const caps = await respond<{ supports_user_management: boolean; max_users: number; supported_credential_types: Record<string, { num_slots: number; min_length: number; max_length: number }> }>('get_credential_capabilities');
      assert.equal(caps.max_users, 10);
      assert.ok(caps.supported_credential_types.pin_code, 'PIN codes are a credential type');
      assert.equal(caps.supported_credential_types.pin_code.num_slots, 10);
      assert.ok(caps.supported_credential_types.pin_code.min_length >= 4);
    });

    test('get_users lists one user per preset code, credentials without their data', async () => {
      const users = await respond<Users>('get_users');
      assert.equal(users.max_users, 10);
      assert.deepEqual(pinSlots(users), await enabledOnLock());
      assert.ok(users.users.every((u) => !JSON.stringify(u).includes('"data"')), 'HA lists credentials without their data');
    });

    test('set_user with a PIN adds a user on the lock; set_credential changes its PIN; delete_credential clears it', async () => {
      const before = await enabledOnLock();
      const added = await respond<{ user_id: number; credential_slot: number }>('set_user', { credential_type: 'pin_code', credential_data: GUEST_PIN });
      const slot = added.credential_slot;
      try {
        assert.ok(Number.isInteger(added.user_id) && !before.includes(slot), `a new user in a free slot (user ${added.user_id}, slot ${slot})`);
        await waitFor(async () => (await enabledOnLock()).includes(slot), 10000, `slot ${slot} to hold a code on the lock after set_user`);
        assert.ok(pinSlots(await respond<Users>('get_users')).includes(slot), 'get_users lists the new credential');
        let codes = await readCodesThroughHa(ha.conn, patio);
        assert.ok(codes[String(slot)]?.in_use && codes[String(slot)]?.usercode === GUEST_PIN, 'the lock holds the guest PIN');

        const changed = await respond<{ user_id: number; credential_slot: number }>('set_credential', {
          user_id: added.user_id, credential_type: 'pin_code', credential_data: OTHER_PIN, credential_slot: slot,
        });
        assert.deepEqual([changed.user_id, changed.credential_slot], [added.user_id, slot]);
        codes = await waitFor(async () => {
          const c = await readCodesThroughHa(ha.conn, patio);
          return c[String(slot)]?.usercode === OTHER_PIN ? c : null;
        }, 10000, `the PIN in slot ${slot} to change`);
        assert.ok(codes[String(slot)]!.in_use);
      } finally {
        await send(ha.conn, {
          type: 'call_service', domain: 'zwave_js', service: 'delete_credential',
          service_data: { user_id: added.user_id, credential_type: 'pin_code', credential_slot: slot }, target: { entity_id: patio.lock_entity },
        });
      }
      await waitFor(async () => !(await enabledOnLock()).includes(slot), 10000, `slot ${slot} to hold no code after delete_credential`);
      assert.deepEqual(await enabledOnLock(), before, 'only the guest code went');
      assert.ok(!pinSlots(await respond<Users>('get_users')).includes(slot), 'get_users no longer lists it');
      assert.equal((await readCodesThroughHa(ha.conn, patio))[String(slot)]?.in_use, false);
    });

    test('a PIN the lock cannot take is refused by HA before it reaches the lock', async () => {
      const before = await enabledOnLock();
      await assert.rejects(respond('set_user', { credential_type: 'pin_code', credential_data: '12' }), (e: { code?: string; message?: string }) => {
        assert.ok(!JSON.stringify(e).includes('"12"'), 'the error does not echo the PIN');
        return true;
      });
      assert.deepEqual(await enabledOnLock(), before);
    });
  } else {
    test('the floor HA sets and clears a code through set_lock_usercode / clear_lock_usercode, down to the lock', async () => {
      const slot = 5;
      assert.equal((await mockSlots(zl, patio.node_id))[String(slot)]?.status, 'available');
      const call = (service: string, data: Record<string, unknown>) => send(ha.conn, {
        type: 'call_service', domain: 'zwave_js', service, service_data: data, target: { entity_id: patio.lock_entity },
      });
      await call('set_lock_usercode', { code_slot: slot, usercode: GUEST_PIN });
      try {
        await waitFor(async () => (await mockSlots(zl, patio.node_id))[String(slot)]?.status === 'enabled', 10000, `slot ${slot} to be set`);
        assert.equal((await readCodesThroughHa(ha.conn, patio))[String(slot)]?.usercode === GUEST_PIN, true, 'the lock holds the guest PIN');
      } finally {
        await call('clear_lock_usercode', { code_slot: slot });
      }
      await waitFor(async () => (await mockSlots(zl, patio.node_id))[String(slot)]?.status === 'available', 10000, `slot ${slot} to be cleared`);
    });
  }
});
