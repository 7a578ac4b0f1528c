// Shared helpers for tests against the lab's real Home Assistant (started by `node lab/lab.mjs up`).
import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Connection } from 'home-assistant-js-websocket';
import { mqttPublish as publish } from '../../lab/mqtt.mjs';
import { stateMessage } from '../../lab/z2m.mjs';
import { movePhone } from '../../lab/phones.mjs';
import { VERSIONS } from '../../lab/versions.mjs';
import { connectHa } from '../../src/ha/connection.js';
import { send } from '../../src/ha/command.js';
import { useNodeWebSocket } from '../../src/ha/node.js';
import type { HassState } from '../../src/model/ha.js';

export const root = join(new URL('.', import.meta.url).pathname, '..', '..');

export interface ZwaveLock {
  node_id: number;
  lock_entity: string;
  device_id: string;
  battery_entity: string;
}

export interface LabInfo {
  url: string;
  token: string;
  nonadmin_token: string;
  users: { admin: string; nonadmin: string };
  /** The persons' phones (lab/phones.mjs): tracker object id → its mobile_app webhook id. */
  phones: Record<string, string>;
  mqtt: { host: string; port: number };
  /** The lab's version key (lab/versions.mjs): `current` or `floor`. */
  ha_key: string;
  ha_version: string;
  time_zone: string;
  config_dir: string;
  started_at: string;
  zwave?: { control: string; locks: ZwaveLock[] };
}

/** The running lab's facts (.lab/lab.json). */
export function lab(): LabInfo {
  const file = process.env.LAB_JSON ?? join(root, '.lab', 'lab.json');
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as LabInfo;
  } catch {
    throw new Error(`no lab at ${file}: run \`node lab/lab.mjs up\` first`);
  }
}

/** Whether the running lab's HA can use the simulated Z-Wave locks (lab/versions.mjs): tests that need them exist only then. */
export const labHasZwave = (): boolean => VERSIONS[lab().ha_key]?.zwave ?? false;

/** An authenticated home-assistant-js-websocket connection (admin unless a token is given). */
export async function connect(token = lab().token): Promise<Connection> {
  useNodeWebSocket();
  return connectHa(lab().url, token);
}

export const fireEvent = (conn: Connection, eventType: string, data: Record<string, unknown>) =>
  send<unknown>(conn, { type: 'fire_event', event_type: eventType, event_data: data });

export const callService = (conn: Connection, domain: string, service: string, data: Record<string, unknown> = {}, entityId?: string) =>
  send<unknown>(conn, { type: 'call_service', domain, service, service_data: data, ...(entityId ? { target: { entity_id: entityId } } : {}) });

/** Publishes through the lab's mosquitto, as Zigbee2MQTT would. */
export const mqttPublish = (topic: string, payload: string | object, retain = false) =>
  publish(lab().mqtt, [{ topic, payload, retain }]);

/** A Zigbee2MQTT state message for the lab's MQTT lock (`zigbee2mqtt/back_door`). */
export const z2mState = (state: Record<string, unknown>) => publish(lab().mqtt, [stateMessage(state)]);

/** Moves a person's phone (and so the person) `home` or `not_home`, as the companion app reports a GPS fix. */
export function movePerson(devId: string, location: 'home' | 'not_home'): Promise<void> {
  const webhookId = lab().phones?.[devId];
  if (!webhookId) throw new Error(`the lab has no phone ${devId}`);
  return movePhone(lab().url, webhookId, location);
}

/** Moves every person of the lab `home` or `not_home` and waits until Home Assistant's person entities say so
 * (the phones' webhook answers before HA has updated the trackers and persons). */
export async function moveEveryone(conn: Connection, location: 'home' | 'not_home'): Promise<void> {
  for (const dev of Object.keys(lab().phones ?? {})) await movePerson(dev, location);
  await waitFor(async () => (await send<HassState[]>(conn, { type: 'get_states' }))
    .filter((s) => s.entity_id.startsWith('person.')).every((s) => s.state === location), 10000, `every person ${location}`);
}

export async function getState(conn: Connection, entityId: string): Promise<HassState | undefined> {
  const states = await send<HassState[]>(conn, { type: 'get_states' });
  return states.find((s) => s.entity_id === entityId);
}

/** Polls until `probe` returns a truthy value that is not an empty array, or fails naming what was awaited. */
export async function waitFor<T>(probe: () => T | Promise<T>, timeoutMs: number, what: string): Promise<NonNullable<T>> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v && !(Array.isArray(v) && v.length === 0)) return v as NonNullable<T>;
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** An IANA fixed-offset zone where the local hour is `hour` right now (e.g. to make "now" an unusual hour). */
export function zoneWhereHourIs(hour: number, now = new Date()): string {
  let offset = hour - now.getUTCHours();
  if (offset < -12) offset += 24;
  if (offset > 14) offset -= 24;
  // Etc/GMT signs are inverted: Etc/GMT-3 is UTC+3.
  return offset === 0 ? 'Etc/GMT' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
}

export const setTimeZone = (conn: Connection, tz: string) => send<unknown>(conn, { type: 'config/core/update', time_zone: tz });

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI (bin/lock-sentinel.js → build/cli.js) with the given args and extra environment (and stdin). */
export function runCli(args: string[], env: Record<string, string> = {}, input?: string): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const base = { ...process.env };
    delete base.LOCK_SENTINEL_URL;
    delete base.LOCK_SENTINEL_TOKEN;
    const child = spawn(process.execPath, [join(root, 'bin', 'lock-sentinel.js'), ...args], {
      cwd: root, env: { ...base, ...env }, stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    if (input !== undefined) child.stdin!.end(input);
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d) => { stdout += d; });
    child.stderr!.on('data', (d) => { stderr += d; });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** Stops and starts the whole lab (same config, same ports when free), as `npm run lab:down && npm run lab` would. */
export function restartLab(): void {
  const key = lab().ha_key;
  for (const cmd of ['down', 'up']) {
    const r = spawnSync(process.execPath, [join(root, 'lab', 'lab.mjs'), cmd, '--ha', key], { cwd: root, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`lab ${cmd} failed (exit ${r.status}): ${r.stderr || r.stdout}`);
  }
}

/** HA's log file (lab/lab.mjs starts HA with `--log-file .lab/<key>/hass.log`). */
export const hassLogFile = (): string => join(root, '.lab', lab().ha_key, 'hass.log');

/**
 * What HA logs from now until `close()`: both ends are marked in HA's own log (system_log.write), and `close()`
 * waits for its mark in the file. HA writes its log through one queue, so whatever it logged before the end mark
 * is in the file once that mark is.
 */
export async function logWindow(conn: Connection): Promise<{ close: () => Promise<string[]> }> {
  const id = randomUUID();
  const mark = async (end: string) => {
    const line = `lock-sentinel lab log window ${id} ${end}`;
    await callService(conn, 'system_log', 'write', { message: line, level: 'warning', logger: 'lock_sentinel.lab' });
    return waitFor(() => {
      const lines = readFileSync(hassLogFile(), 'utf8').split('\n');
      const at = lines.findIndex((l) => l.includes(line));
      return at >= 0 ? { lines, at } : null;
    }, 10000, `"${line}" in ${hassLogFile()}`);
  };
  await mark('start');
  return {
    close: async () => {
      const { lines, at } = await mark('end');
      const start = lines.findIndex((l) => l.includes(`lock-sentinel lab log window ${id} start`));
      return lines.slice(start + 1, at);
    },
  };
}

/** HA's logbook and history (every entity) since `since`, as HA's REST API serves them to any client: raw JSON text. */
export async function recordedSince(since: Date): Promise<{ logbook: string; history: string }> {
  const { url, token } = lab();
  const get = async (path: string) => {
    const res = await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${token}` } });
    if (res.status !== 200) throw new Error(`GET ${path.split('?')[0]}: HTTP ${res.status}`);
    return res.text();
  };
  const from = encodeURIComponent(since.toISOString());
  const ids = (JSON.parse(await get('/api/states')) as { entity_id: string }[]).map((s) => s.entity_id);
  return { logbook: await get(`/api/logbook/${from}`), history: await get(`/api/history/period/${from}?filter_entity_id=${ids.join(',')}`) };
}
