#!/usr/bin/env node
// The lab: a real Home Assistant (pinned in lab/requirements/<key>.txt) with a real mosquitto, on loopback.
//   node lab/lab.mjs up [--ha current|floor]     start (or reuse) the lab; prints `lab ready <url>`;
//                                                writes .lab/<key>/lab.json (and points .lab/lab.json at it)
//   node lab/lab.mjs down [--ha current|floor]   stop it (and unmount the chroot, even after a failed start)
//   node lab/lab.mjs status [--ha current|floor] say whether it runs
//   node lab/lab.mjs prepare [--ha current|floor] only build what `up` needs (venv or chroot), start nothing
// The key defaults to $LAB_HA, else `current` (lab/versions.mjs).
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORE_CONFIG, writeConfig } from './hass-config.mjs';
import { httpInStorage, pinStoredHttp, promoteHttp } from './http-config.mjs';
import { mqttPublish } from './mqtt.mjs';
import { freePort, portFree, readPid, startDetached, stop, until } from './processes.mjs';
import { runtime } from './runtime.mjs';
import { VERSIONS, versionFromArgs } from './versions.mjs';
import { bridgeOnline, discoveryMessages, INITIAL_STATE, stateMessage } from './z2m.mjs';

const root = new URL('..', import.meta.url).pathname;
const key = (() => {
  try { return versionFromArgs(process.argv); } catch (e) { console.error(`lab: ${e.message}`); process.exit(2); }
})();
const labDir = join(root, '.lab', key);
const paths = {
  config: join(labDir, 'config'),
  json: join(labDir, 'lab.json'),
  hassPid: join(labDir, 'hass.pid'),
  hassLog: join(labDir, 'hass.log'),
  mqttPid: join(labDir, 'mosquitto.pid'),
  mqttLog: join(labDir, 'mosquitto.log'),
  mqttConf: join(labDir, 'mosquitto.conf'),
  mqttData: join(labDir, 'mosquitto'),
  /** The last lab started, for tests run by hand without $LAB_JSON. */
  latest: join(root, '.lab', 'lab.json'),
};
const MOSQUITTO = ['/usr/sbin/mosquitto', 'mosquitto'].find((m) => m.startsWith('/') ? existsSync(m) : true);
const log = (line) => console.log(`lab (${key}): ${line}`);
const rt = runtime(root, key, labDir, log);
// HA's APIs need `ws` from the root node_modules: loaded only when talking to HA, so `down` works without it.
const { http, httpOk, wsSession } = ['up', 'status'].includes(process.argv[2]) ? await import('./ha-api.mjs') : {};
const { configureMqtt, onboard } = process.argv[2] === 'up' ? await import('./onboard.mjs') : {};

const readLab = () => (existsSync(paths.json) ? JSON.parse(readFileSync(paths.json, 'utf8')) : null);

async function answers(lab) {
  if (!lab) return false;
  const r = await http(lab.url, '/api/config', { token: lab.token }).catch(() => null);
  return r?.status === 200 && r.body.state === 'RUNNING';
}

/** Starts mosquitto on `port`, or on another free port should that one be taken meanwhile; returns the port it listens on. */
async function startMosquitto(port) {
  mkdirSync(paths.mqttData, { recursive: true });
  for (let attempt = 1; ; attempt++) {
    writeFileSync(paths.mqttConf, [
      `listener ${port} 127.0.0.1`, 'allow_anonymous true', 'persistence true',
      `persistence_location ${paths.mqttData}/`, 'log_dest stdout', 'log_type error', 'log_type warning', '',
    ].join('\n'));
    startDetached(MOSQUITTO, ['-c', paths.mqttConf], { logFile: paths.mqttLog, pidFile: paths.mqttPid, cwd: labDir });
    const up = await until(async () => {
      if (!readPid(paths.mqttPid)) return 'exited';
      return !(await portFree(port)) && 'listening';
    }, 10000, `mosquitto did not listen on 127.0.0.1:${port} (see ${paths.mqttLog})`);
    if (up === 'listening') return port;
    if (attempt === 3) throw new Error(`mosquitto exited three times on start (see ${paths.mqttLog})`);
    log(`mosquitto could not listen on 127.0.0.1:${port}; trying another port`);
    port = await freePort();
  }
}

async function startHass() {
  const [cmd, args] = rt.hass(['-c', rt.inside(paths.config), '--skip-pip', '--log-no-color', '--log-file', rt.inside(paths.hassLog)]);
  startDetached(cmd, args, { logFile: join(labDir, 'hass.stdout.log'), pidFile: paths.hassPid, cwd: labDir });
}

async function waitRunning(url, token) {
  await until(async () => {
    if (!readPid(paths.hassPid)) throw new Error('exited');
    const r = await http(url, '/api/config', { token });
    return r.status === 200 && r.body.state === 'RUNNING';
  }, 180000, `Home Assistant did not reach RUNNING at ${url} (see ${paths.hassLog})`);
}

/** Announces the Zigbee2MQTT lock and waits until HA made its entities. */
async function announceZ2m(url, token, broker) {
  await mqttPublish(broker, [bridgeOnline(), ...discoveryMessages()]);
  await until(async () => (await http(url, '/api/states/lock.back_door', { token })).status === 200, 30000,
    'the MQTT lock (lock.back_door) did not appear in Home Assistant');
  await mqttPublish(broker, [stateMessage(INITIAL_STATE)]);
  await until(async () => (await httpOk(url, '/api/states/lock.back_door', { token })).state === 'locked', 15000,
    'the MQTT lock did not take its initial state');
}

/** The lab's parts beyond HA itself; each is idempotent and brings a reused lab up to date with the code. */
const HOOKS = [['zwave', 'the Z-Wave lab'], ['frontend', 'the card in HA\'s frontend']];

function runHooks() {
  for (const [dir, what] of HOOKS) {
    const hook = join(root, 'lab', dir, 'up.mjs');
    if (!existsSync(hook)) continue;
    if (dir === 'zwave' && !VERSIONS[key].zwave) {
      log(`no Z-Wave lab: Home Assistant ${VERSIONS[key].ha} cannot use the simulated locks (lab/versions.mjs)`);
      continue;
    }
    log(`starting ${what} (lab/${dir}/up.mjs)`);
    const r = spawnSync(process.execPath, [hook], { stdio: 'inherit', env: { ...process.env, LAB_JSON: paths.json } });
    if (r.status !== 0) throw new Error(`lab/${dir}/up.mjs failed (exit ${r.status})`);
  }
}

async function up() {
  const t0 = Date.now();
  const existing = readLab();
  if (readPid(paths.hassPid) && readPid(paths.mqttPid) && (await answers(existing))) {
    log(`already running (Home Assistant ${existing.ha_version}), reused`);
    runHooks();
    console.log(`lab started in ${((Date.now() - t0) / 1000).toFixed(1)} s (reused)`);
    console.log(`lab ready ${existing.url}`);
    return;
  }
  await down({ quiet: true });
  mkdirSync(labDir, { recursive: true });
  rt.prepare();

  // A lab whose setup never finished (no lab.json) starts over from an empty config.
  const fresh = !existing || !existsSync(join(paths.config, '.storage', 'onboarding'));
  if (fresh) rmSync(paths.config, { recursive: true, force: true });
  const port = existing && !fresh && (await portFree(new URL(existing.url).port * 1)) ? Number(new URL(existing.url).port) : await freePort();
  const oldMqtt = existing && !fresh ? existing.mqtt.port : null;
  const mqttPort = await startMosquitto(oldMqtt && (await portFree(oldMqtt)) ? oldMqtt : await freePort());
  const url = `http://127.0.0.1:${port}`;
  const broker = { host: '127.0.0.1', port: mqttPort };

  if (pinStoredHttp(paths.config, port)) log(`HTTP config in .storage/http set to 127.0.0.1:${port}`);
  writeConfig(paths.config, { port, httpYaml: !httpInStorage(paths.config) });
  log(`starting Home Assistant on ${url}${fresh ? ' (first start: onboarding)' : ''}`);
  await startHass();

  let lab;
  if (fresh) {
    await until(async () => {
      if (!readPid(paths.hassPid)) throw new Error('exited');
      return (await http(url, '/api/onboarding')).status === 200;
    }, 180000, `Home Assistant did not answer at ${url} (see ${paths.hassLog})`);
    const users = await onboard(url);
    await waitRunning(url, users.token);
    await confirmHttp(url, users.token);
    await configureMqtt(url, users.token, broker);
    const { registerPhones } = await import('./phones.mjs');
    lab = { url, ...users, phones: await registerPhones(url, { admin: users.token, nonadmin: users.nonadmin_token }) };
  } else {
    lab = { ...existing, url };
    await waitRunning(url, lab.token);
    if (mqttPort !== oldMqtt) await configureMqtt(url, lab.token, broker);
  }
  await setCoreConfig(url, lab.token);
  await announceZ2m(url, lab.token, broker);
  await placePersons(url, lab.phones);

  const config = await httpOk(url, '/api/config', { token: lab.token });
  lab = {
    url, token: lab.token, nonadmin_token: lab.nonadmin_token, users: lab.users, phones: lab.phones, mqtt: broker,
    ha_key: key, ha_version: config.version, time_zone: config.time_zone, config_dir: paths.config, started_at: new Date().toISOString(),
  };
  writeFileSync(paths.json, JSON.stringify(lab, null, 2) + '\n', { mode: 0o600 });
  pointLatestAt(paths.json);

  runHooks();
  console.log(`lab started in ${((Date.now() - t0) / 1000).toFixed(1)} s (${fresh ? 'cold: first start with onboarding' : 'warm: existing config'})`);
  console.log(`lab ready ${url}`);
}

function pointLatestAt(file) {
  if (existsSync(paths.latest) || isLink(paths.latest)) rmSync(paths.latest, { force: true });
  symlinkSync(file, paths.latest);
}

function isLink(p) {
  try { return lstatSync(p).isSymbolicLink(); } catch { return false; }
}

/** HA 2026.x runs a YAML `http:` it just migrated as a trial: confirm it, or HA reverts and restarts. */
async function confirmHttp(url, token) {
  const ws = await wsSession(url, token);
  try {
    const done = await promoteHttp(ws);
    if (done === 'promoted') log('HTTP config migrated from YAML confirmed (http/config/promote)');
  } finally {
    ws.close();
  }
}

async function setCoreConfig(url, token) {
  const ws = await wsSession(url, token);
  try {
    await ws.call({ type: 'config/core/update', ...CORE_CONFIG });
  } finally {
    ws.close();
  }
}

/** Everybody home at the start of a run (each phone reports a fix in the home zone, lab/phones.mjs). */
async function placePersons(url, phones) {
  const { movePhone } = await import('./phones.mjs');
  for (const webhookId of Object.values(phones)) await movePhone(url, webhookId, 'home');
}

async function down({ quiet = false } = {}) {
  const zwaveDown = join(root, 'lab', 'zwave', 'down.mjs');
  if (existsSync(zwaveDown)) {
    const r = spawnSync(process.execPath, [zwaveDown], { stdio: 'inherit', env: { ...process.env, LAB_JSON: paths.json } });
    if (r.status !== 0) log(`lab/zwave/down.mjs exited with ${r.status}`);
  }
  const hass = await stop(paths.hassPid, 60000);
  const mqtt = await stop(paths.mqttPid, 10000);
  const unmounted = rt.release();
  if (!quiet || hass !== 'not running' || mqtt !== 'not running') log(`Home Assistant: ${hass}; mosquitto: ${mqtt}`);
  if (unmounted.length) log(`unmounted ${unmounted.map((m) => m.slice(root.length)).join(', ')}`);
}

async function status() {
  const lab = readLab();
  const ok = readPid(paths.hassPid) && (await answers(lab));
  console.log(ok ? `lab running ${lab.url} (Home Assistant ${lab.ha_version})` : `lab not running (${key}: Home Assistant ${VERSIONS[key].ha})`);
  return ok ? 0 : 1;
}

/** Builds the runtime `up` would build (a slow first time, then idempotent), and leaves nothing mounted. */
function prepare() {
  mkdirSync(labDir, { recursive: true });
  try {
    rt.prepare();
  } finally {
    rt.release();
  }
  log(`prepared Home Assistant ${VERSIONS[key].ha}`);
}

const cmd = process.argv[2];
try {
  if (cmd === 'up') await up();
  else if (cmd === 'prepare') prepare();
  else if (cmd === 'down') await down();
  else if (cmd === 'status') process.exitCode = await status();
  else { console.error('usage: node lab/lab.mjs up|down|status|prepare [--ha current|floor]'); process.exitCode = 2; }
} catch (e) {
  console.error(`lab: ${e.message}`);
  if (existsSync(paths.hassLog)) {
    const errors = readFileSync(paths.hassLog, 'utf8').split('\n').filter((l) => / (ERROR|CRITICAL) /.test(l)).slice(-10);
    if (errors.length) console.error(`lab: last errors in ${paths.hassLog}:\n${errors.join('\n')}`);
  }
  process.exitCode = 1;
}
