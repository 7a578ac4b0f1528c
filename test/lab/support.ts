// The one support module of the tests against the lab's real Home Assistant (started by `node lab/lab.mjs up`): the
// lab's facts (one loader), connections, the one polling helper (`waitFor`), the simulated Z-Wave locks' control
// channel and a live HA session through the product's own client (src/ha). Never prints a PIN.
import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Connection } from 'home-assistant-js-websocket';
import { mqttPublish as publish } from '../../lab/mqtt.mjs';
import { stateMessage } from '../../lab/z2m.mjs';
import { movePhone } from '../../lab/phones.mjs';
import { VERSIONS } from '../../lab/versions.mjs';
import { ensureBuilt } from '../../scripts/ensure.mjs';
import { readLockCodes } from '../../src/adapters/zwave-js.actions.js';
import { captureHeader } from '../../src/ha/capture.js';
import { connectHa } from '../../src/ha/connection.js';
import { send } from '../../src/ha/command.js';
import { subscribeLockEvents, type Feed } from '../../src/ha/feed.js';
import { useNodeWebSocket } from '../../src/ha/node.js';
import type { HassEvent, HassState, SnapshotHeader, UsercodeResponse } from '../../src/model/ha.js';

export const root = join(new URL('.', import.meta.url).pathname, '..', '..');

/** One simulated Z-Wave lock of the lab (lab/zwave/up.mjs). */
export interface ZwaveLock {
  node_id: number;
  lock_entity: string;
  device_id: string;
  battery_entity: string | null;
}

/** The lab's Z-Wave block: the mock locks' control channel and its locks (the first lock's fields repeated at the top). */
export interface ZwaveInfo extends ZwaveLock {
  control: string;
  server_port: number;
  config_entry_id: string;
  locks: ZwaveLock[];
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
  zwave?: ZwaveInfo;
}

/** A lab with its simulated Z-Wave locks. */
export type ZwaveLab = LabInfo & { zwave: ZwaveInfo };

/** The running lab's facts (.lab/lab.json). */
export function lab(): LabInfo {
  const file = process.env.LAB_JSON ?? join(root, '.lab', 'lab.json');
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as LabInfo;
  } catch {
    throw new Error(`no lab at ${file}: run \`node lab/lab.mjs up\` first`);
  }
}

/** The running lab with its Z-Wave locks (fails when lab/zwave/up.mjs did not add them). */
export function zwaveLab(): ZwaveLab {
  const l = lab();
  if (!l.zwave || l.zwave.locks.length < 2) throw new Error('the lab has no zwave block with two locks: did lab/zwave/up.mjs run?');
  return l as ZwaveLab;
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

/**
 * The lab tests' one polling helper: polls until `probe` returns a truthy value that is not an empty array, or fails
 * naming what was awaited. Wait for what a test asserts; never assume HA has processed something because the lock has.
 */
export async function waitFor<T>(probe: () => T | Promise<T>, timeoutMs: number, what: string): Promise<NonNullable<T>> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v && !(Array.isArray(v) && v.length === 0)) return v as NonNullable<T>;
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
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

let built = false;

/**
 * Runs the built CLI (bin/lock-sentinel.js → build/cli.js) with the given args and extra environment (and stdin), as
 * a user does. A build older than the sources (a warm worktree after a merge or an edit, one test file run by hand)
 * is rebuilt first, as `npm test` does: else the lab judges an old CLI beside today's src (an old installer that
 * rewrote every unchanged automation failed "a second install writes nothing").
 */
export function runCli(args: string[], env: Record<string, string> = {}, input?: string): Promise<CliResult> {
  if (!built) { ensureBuilt(); built = true; }
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

// ---- the simulated Z-Wave locks (lab/zwave/server.cjs) and a live session ----

export interface Sent {
  type: number;
  event: number;
  userId?: number;
}

/** Makes a mock lock act as a person at the door would (see lab/zwave/server.cjs ACTIONS). */
export async function act(lab: ZwaveLab, nodeId: number, body: Record<string, unknown>): Promise<Sent[]> {
  const r = await fetch(`${lab.zwave.control}/nodes/${nodeId}/act`, { method: 'POST', body: JSON.stringify(body) });
  const out = (await r.json()) as { sent?: Sent[]; error?: string };
  if (r.status !== 200 || !out.sent) throw new Error(`mock lock ${nodeId} refused ${String(body.action)}: ${out.error ?? r.status}`);
  return out.sent;
}

/** Which slots the mock lock itself holds a code in (statuses only, never the codes). */
export async function mockSlots(lab: ZwaveLab, nodeId: number): Promise<Record<string, { status: 'enabled' | 'available' }>> {
  const r = await fetch(`${lab.zwave.control}/nodes/${nodeId}/codes`);
  if (r.status !== 200) throw new Error(`mock lock ${nodeId}: HTTP ${r.status}`);
  return (await r.json()) as Record<string, { status: 'enabled' | 'available' }>;
}

/** The preset codes of lab/zwave/server.cjs (node → slot → code); lab fixtures, slot 2 of node 2 deliberately weak. */
const PRESETS: Record<number, Record<number, string>> = { 2: { 1: '573194', 2: '1234', 3: '906217' }, 3: { 1: '482916' } };

/** The preset battery levels of lab/zwave/server.cjs (node → %); other suites (card-live) read them. */
const BATTERY_PRESETS: Record<number, number> = { 2: 87, 3: 64 };

/** Puts the mock locks' batteries back at their preset levels (a test that changes one calls this after). */
export async function restoreBatteries(lab: ZwaveLab): Promise<void> {
  for (const lock of lab.zwave.locks) {
    const level = BATTERY_PRESETS[lock.node_id];
    if (level !== undefined) await act(lab, lock.node_id, { action: 'battery', level });
  }
}

/** Puts back, through HA, any preset code an earlier test (or a failed one) left cleared on a mock lock. */
export async function restorePresets(lab: ZwaveLab, conn: Connection): Promise<void> {
  for (const lock of lab.zwave.locks) {
    const presets = PRESETS[lock.node_id] ?? {};
    const missing = async () => {
      const slots = await mockSlots(lab, lock.node_id);
      return Object.keys(presets).filter((slot) => slots[slot]?.status !== 'enabled');
    };
    for (const slot of await missing()) {
      await send(conn, {
        type: 'call_service', domain: 'zwave_js', service: 'set_lock_usercode',
        service_data: { code_slot: Number(slot), usercode: presets[Number(slot)] }, target: { entity_id: lock.lock_entity },
      });
    }
    await waitFor(async () => (await missing()).length === 0, 10000, `the preset codes of ${lock.lock_entity} to be restored`);
    // HA learns the lock's new values a moment after the lock holds them (its value cache follows the driver's
    // events): wait until the product's own read through HA shows every preset too.
    await waitFor(async () => {
      const read = await readCodesThroughHa(conn, lock);
      return Object.keys(presets).every((slot) => read[slot]?.in_use);
    }, 10000, `Home Assistant to show the preset codes of ${lock.lock_entity}`);
  }
}

/** A live admin session on the lab's HA through the product's client, recording every lock event it delivers. */
export class LiveHa {
  readonly events: HassEvent[] = [];

  private constructor(readonly conn: Connection, private feed: Feed | null) {}

  static async open(lab: LabInfo): Promise<LiveHa> {
    const conn = await connect(lab.token);
    const live = new LiveHa(conn, null);
    live.feed = await subscribeLockEvents(conn, (e) => live.events.push(e));
    if (live.feed.refused.length) throw new Error(`HA refused ${live.feed.refused.join(', ')} to the lab admin`);
    return live;
  }

  /** Events after `from` (an index into `events`) matching `pred`. */
  since(from: number, pred: (e: HassEvent) => boolean): HassEvent[] {
    return this.events.slice(from).filter(pred);
  }

  async waitFor(from: number, pred: (e: HassEvent) => boolean, what: string, timeoutMs = 10000): Promise<HassEvent> {
    return waitFor(() => this.since(from, pred)[0], timeoutMs, `Home Assistant to deliver ${what}`);
  }

  async state(entityId: string): Promise<string | undefined> {
    const states = await send<{ entity_id: string; state: string }[]>(this.conn, { type: 'get_states' });
    return states.find((s) => s.entity_id === entityId)?.state;
  }

  /** The engine's input as the product's CLI captures it, plus the events this session saw. */
  async snapshot(extra: Partial<SnapshotHeader> = {}): Promise<SnapshotHeader & { events: HassEvent[] }> {
    const header = await captureHeader(this.conn, new Date());
    return { ...header, ...extra, events: [...this.events] };
  }

  async close(): Promise<void> {
    await this.feed?.close();
    this.conn.close();
  }
}

export const isNotification = (deviceId: string, type: number, event: number) => (e: HassEvent) =>
  e.event_type === 'zwave_js_notification' && e.data.device_id === deviceId && e.data.type === type && e.data.event === event;

export const isStateChange = (entityId: string, to: string) => (e: HassEvent) =>
  e.event_type === 'state_changed' && e.data.entity_id === entityId
  && (e.data.new_state as { state?: string } | null)?.state === to;

/** The lock's codes read the way the product reads them (src/adapters/zwave-js.actions.ts): HA's service where it has one, else the lock via invoke_cc_api. */
export function readCodesThroughHa(conn: Connection, lock: ZwaveLock): Promise<UsercodeResponse> {
  return readLockCodes((msg) => send(conn, msg), { entity_id: lock.lock_entity, device_id: lock.device_id });
}
