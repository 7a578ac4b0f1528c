// Where Home Assistant's HTTP server listens. Up to 2026.x it is YAML (`http:` in configuration.yaml). HA 2026.x
// migrates that YAML once into `.storage/http` as a *pending* trial, ignores the YAML from then on, and reverts
// the trial (restarting itself; a bare `hass` exits with 100) unless an admin confirms it within five minutes
// over the websocket (`http/config/promote`). The lab therefore:
//   - writes `http:` in YAML only while HA has no `.storage/http` (the first start, and every start of the floor);
//   - confirms the trial right after onboarding (promote);
//   - before a later start on another port, rewrites the confirmed (`stable`) config's host and port in
//     `.storage/http` while HA is stopped, keeping every other field of HA's own record.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const storeFile = (configDir) => join(configDir, '.storage', 'http');

/**
 * HA's stored HTTP config when it is the 2026.x stable/pending record, else null. (Older HA also writes
 * `.storage/http`, a plain copy of the YAML it ran with that it does not read back: YAML stays the source there.)
 */
function trialStore(configDir) {
  const file = storeFile(configDir);
  if (!existsSync(file)) return null;
  const store = JSON.parse(readFileSync(file, 'utf8'));
  return store.data && typeof store.data.stable === 'object' && 'pending' in store.data ? store : null;
}

/** True when HA keeps its HTTP config in storage (then YAML `http:` would only raise a repair issue). */
export const httpInStorage = (configDir) => trialStore(configDir) !== null;

/** Points the stored, confirmed HTTP config at 127.0.0.1:port and drops any pending trial (HA must be stopped). */
export function pinStoredHttp(configDir, port) {
  const store = trialStore(configDir);
  if (!store) return false;
  const file = storeFile(configDir);
  const { stable } = store.data;
  if (stable.server_port === port && JSON.stringify(stable.server_host) === '["127.0.0.1"]' && store.data.pending === null) return false;
  store.data.stable = { ...stable, server_host: ['127.0.0.1'], server_port: port, error: null, error_message: null };
  store.data.pending = null;
  writeFileSync(file, JSON.stringify(store, null, 2), { mode: 0o600 });
  return true;
}

/**
 * Confirms a pending HTTP trial (HA 2026.x) over the websocket; a no-op on releases without `http/config`.
 * Returns what it did: 'promoted', 'stable' (nothing pending) or 'no http/config' (older HA).
 */
export async function promoteHttp(ws) {
  let config;
  try {
    config = await ws.call({ type: 'http/config' });
  } catch (e) {
    if (/unknown_command/.test(e.message)) return 'no http/config';
    throw e;
  }
  if (!config.pending) return 'stable';
  if (config.pending.error) throw new Error(`HA's pending HTTP config failed its trial: ${config.pending.error} ${config.pending.error_message ?? ''}`);
  await ws.call({ type: 'http/config/promote' });
  return 'promoted';
}
