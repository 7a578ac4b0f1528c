// lab-needs: zwave (runs only against a lab whose Home Assistant can use the simulated Z-Wave locks: lab/versions.mjs)
// The generator's output judged by the lab's real Home Assistant: `install` writes every automation through the
// config API and HA loads them; a second run writes only what differs and never an automation of the user's own;
// `uninstall` removes only ours; every blueprint is saved with blueprint/save and instantiated with use_blueprint; a
// blueprint alerts on real events.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Connection } from 'home-assistant-js-websocket';
import { send } from '../../src/ha/command.js';
import { blueprints } from '../../src/generate/blueprints.js';
import { BREACH_SCRIPT_ID, ID_PREFIX } from '../../src/generate/generate.js';
import { generateFor } from '../../src/cli/commands/generate.js';
import { install, installedIds, type HaRest } from '../../src/generate/installer.js';
import type { Generated } from '../../src/generate/types.js';
import { captureHeader } from '../../src/ha/capture.js';
import { act, callService, connect, lab, root, runCli, waitFor, zwaveLab } from './support.js';
import { api, removeAll, sleep, watchNotifications } from './generate-support.js';

interface St { entity_id: string; state: string; attributes: Record<string, unknown> }

let conn: Connection;
const states = () => send<St[]>(conn, { type: 'get_states' });
const ours = async () => (await states()).filter((s) => s.entity_id.startsWith('automation.') && String(s.attributes.id).startsWith(ID_PREFIX));
const cli = (cmd: string, extra: string[] = []) => runCli([cmd, ...extra], { LOCK_SENTINEL_URL: lab().url, LOCK_SENTINEL_TOKEN: lab().token });
const BP_PREFIX = 'bp_check_';
const NOTIFY = ['notify.persistent_notification'];
/** What the interrupted install's re-run installed. */
let installedGen: Generated | undefined;

before(async () => {
  conn = await connect();
  await removeAll();
});

after(async () => {
  await removeAll().catch(() => undefined);
  for (const f of blueprints()) {
    await api().request('DELETE', `/api/config/automation/config/${BP_PREFIX}${f.path.replace(/\W/g, '_')}`).catch(() => undefined);
  }
  conn?.close();
});

describe('install, update, uninstall through HA\'s config API', () => {
  test('install writes every automation and HA loads each one (state on)', async () => {
    const r = await cli('install', ['--notify', 'notify.persistent_notification']);
    assert.equal(r.code, 0, r.stderr);
    const m = /installed: (\d+) new, 0 updated, 0 removed/.exec(r.stdout);
    assert.ok(m, r.stdout);
    const loaded = await ours();
    assert.equal(loaded.length + 1, Number(m[1]), 'every automation plus the breach script');
    for (const s of loaded) assert.equal(s.state, 'on', `${s.entity_id} loaded`);
    // One per kind and lock of the lab: the Z-Wave locks get the Z-Wave-only kinds.
    const ids = loaded.map((s) => String(s.attributes.id));
    for (const z of zwaveLab().zwave.locks) {
      for (const kind of ['failed_attempts', 'lockout', 'unusual_hour', 'away_access', 'tamper', 'jam', 'low_battery', 'unavailable']) {
        assert.ok(ids.includes(`${ID_PREFIX}${kind}_${z.lock_entity.slice(5)}`), `${kind} for ${z.lock_entity}`);
      }
    }
    assert.ok(ids.includes(`${ID_PREFIX}failed_attempts_back_door`), 'Zigbee2MQTT lock burst from its action entity');
    assert.ok(ids.includes(`${ID_PREFIX}firmware_back_door`), 'firmware alert for the lock with an update entity');
  });

  test('the breach script is installed and locks every lock when run', async () => {
    await waitFor(async () => (await states()).find((s) => s.entity_id === `script.${BREACH_SCRIPT_ID}`), 15000,
      `script.${BREACH_SCRIPT_ID} (needs \`script: !include scripts.yaml\` in the lab's configuration.yaml)`);
    const patio = zwaveLab().zwave.locks[0];
    await act(zwaveLab(), patio.node_id, { action: 'manual_unlock' });
    await waitFor(async () => (await states()).find((s) => s.entity_id === patio.lock_entity)?.state === 'unlocked', 10000, 'patio unlocked');
    const watch = await watchNotifications(conn);
    try {
      await callService(conn, 'script', 'turn_on', {}, `script.${BREACH_SCRIPT_ID}`);
      await waitFor(() => watch.notes.filter((n) => n.title.includes('suspected breach')), 15000, 'the breach notification');
      await waitFor(async () => (await states()).find((s) => s.entity_id === patio.lock_entity)?.state === 'locked', 15000, 'patio locked by the script');
    } finally {
      await watch.stop();
    }
  });

  test('a second install of the same automations writes nothing (each write makes HA reload): same automations, no duplicates', async () => {
    const before = (await ours()).map((s) => s.entity_id).sort();
    const r = await cli('install', ['--notify', 'notify.persistent_notification']);
    assert.equal(r.code, 0, r.stderr);
    const m = /installed: 0 new, 0 updated, 0 removed, (\d+) unchanged/.exec(r.stdout);
    assert.ok(m, r.stdout);
    assert.equal(Number(m[1]), before.length + 1, 'every automation and the breach script unchanged');
    assert.deepEqual((await ours()).map((s) => s.entity_id).sort(), before);
  });

  test('an install interrupted half-way (the client gone after half the writes) can be run again and ends right', async () => {
    // Over the install above (same notify target), with another threshold: only the failed-attempts automations
    // change, and the client is gone after half of those writes. Generated from what the CLI generates from (the
    // house and its code registry, which a warm lab may hold from earlier sessions), so that nothing else differs.
    const gen = generateFor(await captureHeader(conn, new Date()), NOTIFY, { failedAttempts: 3 });
    installedGen = gen;
    const changing = gen.automations.filter((a) => a.id.startsWith(`${ID_PREFIX}failed_attempts_`)).map((a) => a.id);
    assert.ok(changing.length >= 2, 'locks with failed-attempt alerts');
    const half = Math.floor(changing.length / 2);
    const written: string[] = [];
    const dying: HaRest = {
      request: (method, path, body) => {
        if (method !== 'POST') return api().request(method, path, body);
        if (written.length >= half) return Promise.reject(new Error('client gone'));
        written.push(path.slice(path.lastIndexOf('/') + 1));
        return api().request(method, path, body);
      },
    };
    await assert.rejects(install(dying, gen, NOTIFY), /client gone/);
    assert.deepEqual(written, changing.slice(0, half), 'only changed automations are written');
    const r = await install(api(), gen, NOTIFY);
    assert.deepEqual(r.created, [], 'nothing new');
    for (const id of written) assert.ok(r.unchanged.includes(id), `${id}, written by the interrupted run, is not written twice`);
    assert.deepEqual(r.updated.filter((id) => !(id in gen.scripts)), changing.slice(half), 'the rest of the changed ones is updated');
    assert.equal(r.unchanged.length + r.updated.length, gen.automations.length + Object.keys(gen.scripts).length);
    const loaded = await ours();
    assert.deepEqual(loaded.map((s) => String(s.attributes.id)).sort(), gen.automations.map((a) => a.id).sort(), 'every automation once');
    for (const s of loaded) assert.equal(s.state, 'on', `${s.entity_id} loaded`);
    for (const a of gen.automations.filter((x) => x.id.startsWith(`${ID_PREFIX}failed_attempts_`))) {
      const cfg = (await api().request('GET', `/api/config/automation/config/${a.id}`)).body;
      assert.match(JSON.stringify(cfg), /count == 3 /, `${a.id} has the new threshold`);
    }
    assert.deepEqual((await installedIds(api())).scripts, Object.keys(gen.scripts));
  });

  test('an automation of the user\'s own at one of our ids (no marker) is left as it is; nothing else is written', async () => {
    const gen = installedGen ?? assert.fail('the interrupted install ran');
    const id = `${ID_PREFIX}weekly_review`;
    const own = { id, alias: 'My own weekly review', description: 'hand-written', triggers: [{ trigger: 'event', event_type: 'never_fired' }], actions: [] };
    const path = `/api/config/automation/config/${id}`;
    await api().request('POST', path, own);
    try {
      await waitFor(async () => (await states()).find((s) => s.attributes.id === id)?.attributes.friendly_name === own.alias, 15000, 'the user\'s automation loaded');
      const r = await install(api(), gen, NOTIFY);
      assert.deepEqual(r.foreign, [id]);
      assert.deepEqual([r.created, r.updated, r.removed], [[], [], []], 'nothing written');
      assert.deepEqual((await api().request('GET', path)).body, own, 'the user\'s automation as it was');
    } finally {
      await api().request('DELETE', path);
    }
  });

  test('install refuses a notify target HA does not have, with one line', async () => {
    const r = await cli('install', ['--notify', 'notify.mobile_app_nobody']);
    assert.notEqual(r.code, 0);
    assert.equal(r.stderr.trim(), 'lock-sentinel install: no such notify service in Home Assistant: notify.mobile_app_nobody');
  });

  test('uninstall removes exactly what install wrote', async () => {
    const foreign = [
      { id: 'not_lock_sentinel_probe', alias: 'Someone else\'s automation', description: 'not ours' },
      { id: `${ID_PREFIX}lookalike`, alias: 'Lookalike without our marker', description: 'hand-written' },
    ];
    for (const f of foreign) {
      await api().request('POST', `/api/config/automation/config/${f.id}`, { ...f, triggers: [{ trigger: 'event', event_type: 'never_fired' }], actions: [] });
    }
    try {
      await waitFor(async () => (await states()).filter((s) => foreign.some((f) => f.id === s.attributes.id)).length === 2, 15000, 'foreign automations');
      const r = await cli('uninstall');
      assert.equal(r.code, 0, r.stderr);
      const left = (await states()).filter((s) => s.entity_id.startsWith('automation.')).map((s) => String(s.attributes.id));
      assert.deepEqual(left.filter((id) => id.startsWith(ID_PREFIX)), [`${ID_PREFIX}lookalike`]);
      assert.ok(left.includes('not_lock_sentinel_probe'));
      assert.ok(!(await states()).some((s) => s.entity_id === `script.${BREACH_SCRIPT_ID}`), 'script removed');
    } finally {
      for (const f of foreign) await api().request('DELETE', `/api/config/automation/config/${f.id}`);
    }
  });
});

describe('blueprints', () => {
  test('HA accepts every committed blueprint and runs an automation made from each', async () => {
    const z = zwaveLab().zwave.locks[0];
    const input = {
      lock: z.lock_entity, battery: z.battery_entity, firmware: 'update.back_door',
      locks: zwaveLab().zwave.locks.map((l) => l.lock_entity), notify_targets: ['notify.persistent_notification'],
    };
    for (const f of blueprints()) {
      const yaml = readFileSync(join(root, 'automations', f.path), 'utf8');
      await send(conn, { type: 'blueprint/save', domain: 'automation', path: f.path, yaml, allow_override: true });
      const id = `${BP_PREFIX}${f.path.replace(/\W/g, '_')}`;
      const r = await api().request('POST', `/api/config/automation/config/${id}`,
        { id, alias: `Blueprint check ${f.path}`, description: 'lab check', use_blueprint: { path: f.path, input } });
      assert.equal(r.status, 200, `${f.path}: ${JSON.stringify(r.body)}`);
    }
    const ids = blueprints().map((f) => `${BP_PREFIX}${f.path.replace(/\W/g, '_')}`);
    const loaded = await waitFor(async () => {
      const s = (await states()).filter((x) => ids.includes(String(x.attributes.id)));
      return s.length === ids.length ? s : null;
    }, 20000, 'every blueprint automation');
    for (const s of loaded) assert.equal(s.state, 'on', `${s.attributes.id} loaded`);
  });

  test('the failed-attempts blueprint alerts once per burst; notify.persistent_notification as a target adds no second notification', async () => {
    const z = zwaveLab().zwave.locks[0]; // the lock the blueprint automations were made for
    const watch = await watchNotifications(conn);
    try {
      for (let i = 0; i < 4; i++) { await act(zwaveLab(), z.node_id, { action: 'wrong_code' }); await sleep(400); }
      await sleep(2500);
      assert.equal(watch.notes.filter((n) => n.title.includes('failed code attempts')).length, 0);
      await act(zwaveLab(), z.node_id, { action: 'wrong_code' });
      await waitFor(() => watch.notes.filter((n) => n.title.includes('failed code attempts')), 10000, 'the alert');
      // A push through notify.persistent_notification would follow the notification within milliseconds.
      await sleep(2500);
      const notes = watch.notes.filter((n) => n.title.includes('failed code attempts'));
      assert.equal(notes.length, 1, 'one alert, one notification');
      const name = (await states()).find((s) => s.entity_id === z.lock_entity)?.attributes.friendly_name;
      assert.equal(notes[0].message, `${String(name)}: 5 failed code attempts within 10 minutes (last by keypad).`);
    } finally {
      await watch.stop();
      for (const f of blueprints()) await api().request('DELETE', `/api/config/automation/config/${BP_PREFIX}${f.path.replace(/\W/g, '_')}`);
    }
  });
});
