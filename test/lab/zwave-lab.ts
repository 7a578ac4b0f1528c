// Shared by the Z-Wave lab tests: the lab's zwave block, the mock lock's control channel, and a live HA session
// through the product's own client (src/ha). Never prints a PIN: code values stay inside the engine.
import { readFileSync } from 'node:fs';
import { readLockCodes } from '../../src/adapters/zwave-js.actions.js';
import { join } from 'node:path';
import type { Connection } from 'home-assistant-js-websocket';
import { connectHa } from '../../src/ha/connection.js';
import { useNodeWebSocket } from '../../src/ha/node.js';
import { subscribeLockEvents, type Feed } from '../../src/ha/feed.js';
import { captureHeader } from '../../src/ha/capture.js';
import { send } from '../../src/ha/command.js';
import type { HassEvent, SnapshotHeader, UsercodeResponse } from '../../src/model/ha.js';

export interface ZwaveLock {
  node_id: number;
  lock_entity: string;
  device_id: string;
  battery_entity: string | null;
}

export interface ZwaveLab {
  url: string;
  token: string;
  zwave: ZwaveLock & { control: string; server_port: number; config_entry_id: string; locks: ZwaveLock[] };
}

export interface Sent {
  type: number;
  event: number;
  userId?: number;
}

export function loadLab(): ZwaveLab {
  const file = process.env.LAB_JSON ?? join(import.meta.dirname, '..', '..', '.lab', 'lab.json');
  const lab = JSON.parse(readFileSync(file, 'utf8')) as Partial<ZwaveLab>;
  if (!lab.url || !lab.token) throw new Error(`${file} has no url/token: is the lab up?`);
  if (!lab.zwave || lab.zwave.locks.length < 2) throw new Error(`${file} has no zwave block with two locks: did lab/zwave/up.mjs run?`);
  return lab as ZwaveLab;
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
    await until(async () => (await missing()).length === 0, 10000, `the preset codes of ${lock.lock_entity} were not restored`);
    // HA learns the lock's new values a moment after the lock holds them (its value cache follows the driver's
    // events): wait until the product's own read through HA shows every preset too.
    await until(async () => {
      const read = await readCodesThroughHa(conn, lock);
      return Object.keys(presets).every((slot) => read[slot]?.in_use);
    }, 10000, `Home Assistant does not show the preset codes of ${lock.lock_entity}`);
  }
}

export async function until<T>(probe: () => Promise<T | null | undefined | false> | T | null | undefined | false, timeoutMs: number, message: string): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(message);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A live admin session on the lab's HA through the product's client, recording every lock event it delivers. */
export class LiveHa {
  readonly events: HassEvent[] = [];

  private constructor(readonly conn: Connection, private feed: Feed | null) {}

  static async open(lab: ZwaveLab): Promise<LiveHa> {
    useNodeWebSocket();
    const conn = await connectHa(lab.url, lab.token);
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
    return until(() => this.since(from, pred)[0], timeoutMs, `Home Assistant delivered no ${what} within ${timeoutMs} ms`);
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

/**
 * A Z-Wave lock's codes, read through Home Assistant in the shape of `zwave_js.get_lock_usercode`.
 * HA 2025.4 has no such service: there the same data comes from the admin-only `zwave_js/invoke_cc_api`
 * (User Code CC `getUsersCount` and `get(slot)`), which asks the lock itself.
 */
/** The lock's codes read the way the product reads them (src/adapters/zwave-js.actions.ts): HA's service where it has one, else the lock via invoke_cc_api. */
export function readCodesThroughHa(conn: Connection, lock: ZwaveLock): Promise<UsercodeResponse> {
  return readLockCodes((msg) => send(conn, msg), { entity_id: lock.lock_entity, device_id: lock.device_id });
}
