// Where the card keeps the household's shared data (code registry, checklist, reviews), per Home Assistant version.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SharedStore } from '../../cards/lock-sentinel-card/data/storage.js';
import { EMPTY_SHARED } from '../../cards/lock-sentinel-card/data/header.js';

type Msg = { type: string; [k: string]: unknown };
const refuse = (code: string) => Promise.reject({ code, message: code });

/** A websocket that answers like HA 2025.4: no frontend/*_system_data, storage dashboards via lovelace/*. */
function ha2025_4(userData: unknown = null) {
  const dashboards: { url_path: string; require_admin: boolean; show_in_sidebar: boolean }[] = [];
  const configs = new Map<string, Record<string, unknown>>();
  const sent: Msg[] = [];
  const callWS = async <T>(m: Msg): Promise<T> => {
    sent.push(m);
    switch (m.type) {
      case 'frontend/get_system_data': return refuse('unknown_command');
      case 'frontend/get_user_data': return { value: userData } as T;
      case 'lovelace/config': {
        const path = String(m.url_path);
        if (!dashboards.some((d) => d.url_path === path) || !configs.has(path)) return refuse('config_not_found');
        return structuredClone(configs.get(path)) as T;
      }
      case 'lovelace/dashboards/list': return structuredClone(dashboards) as T;
      case 'lovelace/dashboards/create':
        dashboards.push({ url_path: String(m.url_path), require_admin: m.require_admin === true, show_in_sidebar: m.show_in_sidebar !== false });
        return null as T;
      case 'lovelace/config/save':
        if (!dashboards.some((d) => d.url_path === m.url_path)) return refuse('config_not_found');
        configs.set(String(m.url_path), structuredClone(m.config) as Record<string, unknown>);
        return null as T;
      default: return refuse('unknown_command');
    }
  };
  return { callWS, dashboards, sent };
}

const entry = { lock: 'lock.front', slot: 3, name: 'Maria', role: 'service' as const, added: '2026-01-01T00:00:00Z', expires: null };

test('HA 2025.4: the data goes into an admin-only hidden dashboard that every admin reads, not into one user\'s data', async () => {
  const house = ha2025_4();
  const alice = new SharedStore(() => house);
  assert.deepEqual(await alice.load(), EMPTY_SHARED);
  assert.equal(alice.mode, 'dashboard');
  await alice.save({ ...EMPTY_SHARED, code_registry: [entry], reviews: [{ time: '2026-11-20T19:00:00Z', user: 'Alice' }] });
  assert.deepEqual(house.dashboards, [{ url_path: 'lock-sentinel-data', require_admin: true, show_in_sidebar: false }]);
  const bob = new SharedStore(() => house);
  const seen = await bob.load();
  assert.deepEqual(seen.code_registry, [entry]);
  assert.equal(seen.reviews.length, 1);
  await bob.save(seen);
  assert.equal(house.dashboards.length, 1, 'a second save reuses the dashboard');
  assert.ok(!house.sent.some((m) => m.type === 'frontend/set_user_data'));
});

test('data an admin kept per user (older card versions) is carried over into the shared place, nothing lost', async () => {
  const house = ha2025_4({ code_registry: [entry], checklist: { 'wps-disabled': true }, reviews: [], acknowledged: [] });
  const store = new SharedStore(() => house);
  const data = await store.load();
  assert.deepEqual(data.code_registry, [entry]);
  assert.equal(store.mode, 'dashboard');
});

test('HA with frontend/*_system_data uses it; HA with neither falls back to per-user data', async () => {
  const sys = new SharedStore(() => ({ callWS: async <T>(m: Msg) => (m.type === 'frontend/get_system_data' ? ({ value: { code_registry: [entry] } } as T) : refuse('unknown_command')) }));
  assert.deepEqual((await sys.load()).code_registry, [entry]);
  assert.equal(sys.mode, 'system');
  const none = new SharedStore(() => ({ callWS: async <T>(m: Msg) => (m.type === 'frontend/get_user_data' ? ({ value: null } as T) : refuse('unknown_command')) }));
  await none.load();
  assert.equal(none.mode, 'user');
});
