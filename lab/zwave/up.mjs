#!/usr/bin/env node
// Starts the simulated Z-Wave locks and adds Home Assistant's real zwave_js integration to the lab.
//   LAB_JSON=<.lab/lab.json> node lab/zwave/up.mjs
// Needs a running, onboarded HA (lab.json: url, token). Merges {"zwave": {...}} into lab.json.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { http, httpOk, wsSession } from '../ha-api.mjs';
import { freePort, readPid, startDetached, stop, until } from '../processes.mjs';
import { paths } from './paths.mjs';

const here = dirname(new URL(import.meta.url).pathname);
const log = (line) => console.log(`zwave: ${line}`);

function readLab(file) {
  if (!file) throw new Error('LAB_JSON is not set (path of .lab/lab.json)');
  if (!existsSync(file)) throw new Error(`LAB_JSON ${file} does not exist`);
  const lab = JSON.parse(readFileSync(file, 'utf8'));
  if (!lab.url || !lab.token) throw new Error(`${file} has no url/token: start the lab first`);
  return lab;
}

/** The Node side: lab/zwave's own pinned packages. */
function ensureNodeDeps() {
  if (existsSync(join(here, 'node_modules', '@zwave-js', 'server', 'package.json'))) return;
  log('installing lab/zwave packages (npm ci)');
  execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: here, stdio: 'inherit' });
}

/** Identifies the server code: a running server started from other code is restarted. */
function codeStamp() {
  const h = createHash('sha256');
  for (const f of ['server.cjs', 'schema-shim.cjs', 'package-lock.json']) h.update(readFileSync(join(here, f)));
  return h.digest('hex');
}

/** A server from this code that HA still uses: nothing to do. */
async function reusable(lab, p) {
  if (!readPid(p.pid) || !lab.zwave || !existsSync(p.stamp) || readFileSync(p.stamp, 'utf8') !== codeStamp()) return false;
  const health = await http(lab.zwave.control, '/health').catch(() => null);
  if (health?.body?.ready !== true) return false;
  const state = await http(lab.url, `/api/states/${lab.zwave.lock_entity}`, { token: lab.token }).catch(() => null);
  return state?.status === 200 && ['locked', 'unlocked'].includes(state.body.state);
}

async function startServer(p) {
  const port = await freePort();
  const serverPort = await freePort();
  const controlPort = await freePort();
  startDetached(process.execPath, [join(here, 'server.cjs'), '--port', String(port), '--server-port', String(serverPort), '--control-port', String(controlPort),
    '--cache-dir', p.cache], { logFile: p.log, pidFile: p.pid, cwd: here });
  const control = `http://127.0.0.1:${controlPort}`;
  await until(async () => {
    if (!readPid(p.pid)) throw new Error('exited');
    return (await http(control, '/health')).body?.ready === true;
  }, 120000, `the Z-Wave server did not come up (see ${p.log})`);
  return { port, control };
}

/** Walks zwave_js' config flow: no add-on, server URL. Replaces any entry left from an earlier lab run. */
async function addIntegration(url, token, wsUrl) {
  const entries = await httpOk(url, '/api/config/config_entries/entry?domain=zwave_js', { token });
  for (const e of entries) {
    await httpOk(url, `/api/config/config_entries/entry/${e.entry_id}`, { method: 'DELETE', token });
  }
  let step = await httpOk(url, '/api/config/config_entries/flow', { method: 'POST', token, json: { handler: 'zwave_js' } });
  for (let i = 0; i < 5 && step.type === 'form'; i++) {
    const answer = step.step_id === 'on_supervisor' ? { use_addon: false } : step.step_id === 'manual' ? { url: wsUrl } : null;
    if (!answer) throw new Error(`zwave_js config flow asked an unexpected step: ${step.step_id}`);
    if (step.errors && Object.keys(step.errors).length) throw new Error(`zwave_js config flow: ${JSON.stringify(step.errors)}`);
    step = await httpOk(url, `/api/config/config_entries/flow/${step.flow_id}`, { method: 'POST', token, json: answer });
  }
  if (step.type !== 'create_entry') throw new Error(`zwave_js config flow ended with ${step.type}: ${step.reason ?? JSON.stringify(step.errors ?? {})}`);
  return step.result.entry_id;
}

/** Waits until every mock lock node has its lock entity, and returns them with their devices. */
async function waitForLocks(url, token, entryId, nodeIds) {
  const ws = await wsSession(url, token);
  try {
    return await until(async () => {
      const [entities, devices] = await Promise.all([
        ws.call({ type: 'config/entity_registry/list' }), ws.call({ type: 'config/device_registry/list' }),
      ]);
      const locks = [];
      for (const nodeId of nodeIds) {
        const device = devices.find((d) => d.config_entries.includes(entryId)
          && d.identifiers.some(([dom, id]) => dom === 'zwave_js' && new RegExp(`^\\d+-${nodeId}$`).test(id)));
        const lock = device && entities.find((e) => e.device_id === device.id && e.entity_id.startsWith('lock.'));
        if (!lock) return null;
        const state = await http(url, `/api/states/${lock.entity_id}`, { token });
        if (state.status !== 200 || !['locked', 'unlocked'].includes(state.body.state)) return null;
        const battery = entities.find((e) => e.device_id === device.id && e.entity_id.startsWith('sensor.') && /battery_level$/.test(e.entity_id));
        locks.push({ node_id: nodeId, lock_entity: lock.entity_id, device_id: device.id, battery_entity: battery?.entity_id ?? null });
      }
      return locks;
    }, 90000, 'the Z-Wave lock entities did not appear in Home Assistant (see .lab/hass.log)');
  } finally {
    ws.close();
  }
}

async function main() {
  const t0 = Date.now();
  const labFile = process.env.LAB_JSON;
  const lab = readLab(labFile);
  const p = paths(dirname(labFile));
  const config = await http(lab.url, '/api/config', { token: lab.token }).catch((e) => ({ status: 0, body: e.message }));
  if (config.status !== 200) throw new Error(`Home Assistant at ${lab.url} does not answer (${config.status || config.body}): start the lab first`);
  ensureNodeDeps();
  if (await reusable(lab, p)) {
    log(`reused the running server (${lab.zwave.locks.map((l) => l.lock_entity).join(', ')})`);
    return;
  }
  if (readPid(p.pid)) log(`restarting the server: ${await stop(p.pid, 10000)}`);
  rmSync(p.stamp, { force: true });

  const { port, control } = await startServer(p);
  writeFileSync(p.stamp, codeStamp());
  log(`server up on ws://127.0.0.1:${port} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const nodeIds = (await httpOk(control, '/health')).nodes;
  const entryId = await addIntegration(lab.url, lab.token, `ws://127.0.0.1:${port}`);
  const locks = await waitForLocks(lab.url, lab.token, entryId, nodeIds);

  const fresh = JSON.parse(readFileSync(labFile, 'utf8'));
  fresh.zwave = { control, server_port: port, config_entry_id: entryId, ...locks[0], locks };
  writeFileSync(labFile, JSON.stringify(fresh, null, 2) + '\n', { mode: 0o600 });
  log(`${locks.map((l) => `${l.lock_entity} (node ${l.node_id})`).join(', ')} ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

main().catch((e) => {
  console.error(`zwave: ${e.message}`);
  process.exitCode = 1;
});
