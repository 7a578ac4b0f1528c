// The installer's comparison rule (decide) and install() over an in-memory stand-in for HA's config API, which
// behaves as HA's (homeassistant/components/config/{view,automation,script}.py, 2025.4 and 2026.11 alike): a POST
// replaces whatever is stored under that id with the posted JSON (an automation's id is the URL's key), a GET returns
// the first stored entry with the id or 404. The real HA is in test/lab/generate-install.test.ts.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { discoverLocks } from '../../src/adapters/discovery.js';
import { demoSnapshot } from '../../src/demo/house.js';
import { generate, ID_PREFIX, MARKER } from '../../src/generate/generate.js';
import { decide, install, installedIds, type HaResponse, type HaRest } from '../../src/generate/installer.js';
import type { Generated } from '../../src/generate/types.js';

type Config = Record<string, unknown>;

/** HA's automations.yaml (a list) and scripts.yaml (a map), and every write the installer made. */
class FakeHa implements HaRest {
  automations: Config[] = [];
  scripts: Record<string, Config> = {};
  writes: string[] = [];
  /** Fails every write after this many (the client gone half-way). */
  failAfter = Infinity;

  async request(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<HaResponse> {
    if (path === '/api/states') return { status: 200, body: this.states() };
    if (path === '/api/services') return { status: 200, body: [{ domain: 'notify', services: { persistent_notification: {} } }] };
    const m = /^\/api\/config\/(automation|script)\/config\/(\w+)$/.exec(path);
    if (!m) return { status: 404, body: { message: 'not found' } };
    const [, kind, id] = m;
    const stored = kind === 'automation' ? this.automations.find((a) => a.id === id) : this.scripts[id];
    if (method === 'GET') return stored ? { status: 200, body: structuredClone(stored) } : { status: 404, body: { message: 'Resource not found' } };
    if (this.writes.length >= this.failAfter) throw new Error('client gone');
    this.writes.push(`${method} ${id}`);
    if (method === 'DELETE') {
      if (!stored) return { status: 400, body: { message: 'Resource not found' } };
      if (kind === 'automation') this.automations.splice(this.automations.indexOf(stored), 1);
      else delete this.scripts[id];
      return { status: 200, body: { result: 'ok' } };
    }
    const value = JSON.parse(JSON.stringify(body)) as Config;
    if (kind === 'script') this.scripts[id] = value;
    else {
      const updated = { id, ...value };
      const at = this.automations.findIndex((a) => a.id === id);
      if (at < 0) this.automations.push(updated);
      else this.automations = this.automations.map((a) => (a.id === id ? updated : a));
    }
    return { status: 200, body: { result: 'ok' } };
  }

  /** Every stored automation and script loaded and on. */
  states() {
    return [
      ...this.automations.map((a) => ({ entity_id: `automation.${String(a.id)}`, state: 'on', attributes: { id: a.id, friendly_name: a.alias } })),
      ...Object.entries(this.scripts).map(([id, s]) => ({ entity_id: `script.${id}`, state: 'off', attributes: { friendly_name: s.alias } })),
    ];
  }
}

const NOTIFY = ['notify.persistent_notification'];
const house = (notify = NOTIFY, failedAttempts?: number): Generated =>
  generate({ locks: discoverLocks(demoSnapshot()), registry: [], notify, thresholds: failedAttempts ? { failedAttempts } : {} });
const run = (ha: FakeHa, gen: Generated) => install(ha, gen, NOTIFY, 2000, 500);
const userOwn = (id: string): Config => ({ id, alias: 'My own automation', description: 'written by hand', triggers: [{ trigger: 'event', event_type: 'x' }], actions: [] });

describe('decide: what install does with one config, from what HA has stored under its id', () => {
  const gen = house().automations[0];
  test('nothing stored: create', () => assert.equal(decide(undefined, gen), 'create'));
  test('stored as HA stores a posted config (id first, keys in another order, undefined values not sent): unchanged', () => {
    const stored = Object.fromEntries(Object.entries(JSON.parse(JSON.stringify(gen)) as Config).reverse());
    assert.equal(decide({ id: gen.id, ...stored }, { ...gen, variables: { ...gen.variables, unset: undefined } }), 'unchanged');
  });
  test('ours, different in anything (another notify target, an older Lock Sentinel\'s keys): update', () => {
    assert.equal(decide(house([]).automations[0], gen), 'update');
    const older = { id: gen.id, alias: gen.alias, description: gen.description, mode: gen.mode, trigger: gen.triggers, action: gen.actions };
    assert.equal(decide(older, gen), 'update');
  });
  test('stored without our marker (the user\'s own automation at one of our ids): foreign, even when otherwise equal', () => {
    assert.equal(decide(userOwn(gen.id), gen), 'foreign');
    assert.equal(decide({ ...gen, description: gen.description.slice(MARKER.length + 1) }, gen), 'foreign');
  });
});

describe('install over whatever HA holds', () => {
  test('a second install writes nothing', async () => {
    const ha = new FakeHa();
    const gen = house();
    const first = await run(ha, gen);
    assert.equal(first.created.length, gen.automations.length + 1);
    ha.writes = [];
    const second = await run(ha, gen);
    assert.deepEqual(ha.writes, []);
    assert.deepEqual([second.created, second.updated, second.removed, second.foreign], [[], [], [], []]);
    assert.equal(second.unchanged.length, gen.automations.length + 1);
  });

  test('the user\'s own automations stay as they are, also at one of our ids; an older Lock Sentinel\'s are updated or removed once', async () => {
    const ha = new FakeHa();
    const gen = house();
    const [taken, older] = gen.automations.map((a) => a.id);
    const olderConfig = { id: older, alias: 'Lock Sentinel: old', description: `${MARKER} written by an older version`, trigger: [{ platform: 'state', entity_id: 'lock.x' }], action: [] };
    const gone = { id: `${ID_PREFIX}jam_lock_that_is_gone`, alias: 'Lock Sentinel: gone', description: `${MARKER} a lock that is gone`, triggers: [], actions: [] };
    const lookalike = userOwn(`${ID_PREFIX}my_own`);
    ha.automations = [userOwn('kitchen_lights'), userOwn(taken), olderConfig, gone, lookalike];
    const before = structuredClone([ha.automations[0], ha.automations[1], lookalike]);
    const r = await run(ha, gen);
    assert.deepEqual(r.foreign, [taken]);
    assert.match(r.warnings.join('\n'), new RegExp(`automation ${taken} that Lock Sentinel did not write`));
    assert.ok(!ha.writes.some((w) => w.endsWith(` ${taken}`) || w.endsWith(' kitchen_lights') || w.endsWith(` ${lookalike.id}`)), ha.writes.join(', '));
    assert.deepEqual([ha.automations.find((a) => a.id === 'kitchen_lights'), ha.automations.find((a) => a.id === taken), ha.automations.find((a) => a.id === lookalike.id)], before);
    assert.deepEqual(r.updated, [older]);
    assert.deepEqual(r.removed, [gone.id]);
    assert.equal(r.created.length, gen.automations.length - 2 + 1);
    assert.deepEqual((await installedIds(ha)).automations, gen.automations.map((a) => a.id).filter((id) => id !== taken).sort());
    ha.writes = [];
    const again = await run(ha, gen);
    assert.deepEqual(ha.writes, [], 'the second run writes nothing');
    assert.deepEqual(again.foreign, [taken]);
  });

  test('an install interrupted half-way, run again, writes only what it had not written', async () => {
    const ha = new FakeHa();
    await run(ha, house());
    const gen = house(NOTIFY, 3);
    const changing = gen.automations.filter((a) => a.id.startsWith(`${ID_PREFIX}failed_attempts_`)).map((a) => a.id);
    assert.ok(changing.length >= 2);
    ha.writes = [];
    ha.failAfter = 1;
    await assert.rejects(run(ha, gen), /client gone/);
    assert.deepEqual(ha.writes, [`POST ${changing[0]}`]);
    ha.failAfter = Infinity;
    ha.writes = [];
    const r = await run(ha, gen);
    assert.deepEqual(r.updated, changing.slice(1));
    assert.deepEqual(ha.writes, changing.slice(1).map((id) => `POST ${id}`));
  });

  test('a failed read decides nothing', async () => {
    const ha = new FakeHa();
    const failing: HaRest = { request: async (m, p, b) => (m === 'GET' && p.includes('/config/') ? { status: 500, body: { message: 'boom' } } : ha.request(m, p, b)) };
    await assert.rejects(install(failing, house(), NOTIFY, 500, 100), /failed \(500\): boom/);
    assert.deepEqual(ha.writes, []);
  });
});
