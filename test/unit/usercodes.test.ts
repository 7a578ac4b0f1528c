// Reading a Z-Wave lock's codes through whichever API this Home Assistant has, in HA's exact response shapes.
// (The lab's HA 2025.4.4 proves the invoke_cc_api path for real; newer services are fed their documented shapes.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readLockCodes } from '../../src/adapters/zwave-js.actions.js';
import type { WsCall } from '../../src/adapters/protocol.js';

const LOCK = { entity_id: 'lock.front', device_id: 'dev1' };
const notFound = { code: 'not_found', message: 'Service zwave_js.x not found.' };

function ha(handlers: Record<string, (msg: Record<string, unknown>) => unknown>): { call: WsCall; sent: string[] } {
  const sent: string[] = [];
  const call = (async (msg: Record<string, unknown>) => {
    const key = msg.type === 'call_service' ? `service:${msg.service}` : `${msg.type}:${msg.method_name}`;
    sent.push(key);
    const h = handlers[key];
    if (!h) throw notFound;
    return h(msg);
  }) as WsCall;
  return { call, sent };
}

test('get_lock_usercode where HA has it, keyed by entity id or by slot', async () => {
  const codes = { 1: { usercode: '573194', in_use: true }, 2: { usercode: '', in_use: false } };
  for (const response of [{ 'lock.front': codes }, codes]) {
    const { call, sent } = ha({ 'service:get_lock_usercode': () => ({ response }) });
    assert.deepEqual(await readLockCodes(call, LOCK), codes);
    assert.deepEqual(sent, ['service:get_lock_usercode']);
  }
});

test('the user/credential API (get_users): PIN credentials by slot, other credential types ignored', async () => {
  const { call, sent } = ha({
    'service:get_users': () => ({ response: { 'lock.front': { max_users: 20, users: [
      { user_id: 1, user_name: 'Alice', active: true, user_type: 'general', credential_rule: 'single', credentials: [{ type: 'pin_code', slot: 1, data: '573194' }] },
      { user_id: 2, user_name: 'Bob', active: true, user_type: 'general', credential_rule: 'single', credentials: [{ type: 'password', slot: 1, data: 'hunter2' }, { type: 'pin_code', slot: 4, data: '1234' }] },
    ] } } }),
  });
  assert.deepEqual(await readLockCodes(call, LOCK), { 1: { usercode: '573194', in_use: true }, 4: { usercode: '1234', in_use: true } });
  assert.deepEqual(sent, ['service:get_lock_usercode', 'service:get_users']);
});

test('HA 2025.4: the lock itself through invoke_cc_api (slot count, then each slot; disabled slots still hold a code)', async () => {
  const slots: Record<number, { userIdStatus: number; userCode: string }> = { 1: { userIdStatus: 1, userCode: '573194' }, 2: { userIdStatus: 0, userCode: '' }, 3: { userIdStatus: 2, userCode: '1234' } };
  const { call } = ha({
    'zwave_js/invoke_cc_api:getUsersCount': () => 3,
    'zwave_js/invoke_cc_api:get': (m) => slots[(m.parameters as number[])[0]],
  });
  assert.deepEqual(await readLockCodes(call, LOCK), {
    1: { usercode: '573194', in_use: true }, 2: { usercode: '', in_use: false }, 3: { usercode: '1234', in_use: true },
  });
});

test('errors other than a missing service (a non-admin refused, a lock that fails) are not hidden', async () => {
  const { call } = ha({ 'service:get_lock_usercode': () => { throw { code: 'unauthorized', message: 'Unauthorized' }; } });
  await assert.rejects(readLockCodes(call, LOCK), (e: { code: string }) => e.code === 'unauthorized');
});
