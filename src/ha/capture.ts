// A snapshot (the engine's input) captured from a live Home Assistant over the CLI's connection: the house, the
// admin data and the shared data, assembled by src/ha/house.ts exactly as the card assembles its own.
import type { Connection, MessageBase } from 'home-assistant-js-websocket';
import type { WsCall } from '../model/ha.js';
import type { WsSubscribe } from '../adapters/protocol.js';
import type { Snapshot, SnapshotHeader } from '../model/ha.js';
import '../adapters/all.js';
import { discoverLocks } from '../adapters/discovery.js';
import { isHaError, send } from './command.js';
import { historyEntities, historyEvents } from './history.js';
import { readAdminData } from './admin-data.js';
import { assembleHeader, codeLocks, readHouse } from './house.js';
import { SharedStore, type SharedData } from './shared-store.js';

export interface CaptureOptions {
  /** Days of history to include as events (0: none). */
  days: number;
  onProgress?: (line: string) => void;
  now?: Date;
}

/** The connection as the one websocket call the capture and the card share. */
export const wsCall = (conn: Connection): WsCall => (msg) => send(conn, msg as MessageBase);

export async function captureHeader(conn: Connection, now: Date): Promise<SnapshotHeader> {
  const call = wsCall(conn);
  const house = await readHouse(call);
  // The codes some protocols read back over a subscription (Zigbee2MQTT's answers on MQTT).
  const subscribe: WsSubscribe = (msg, onEvent) => conn.subscribeMessage(onEvent, msg as MessageBase);
  const admin = await readAdminData(call, house.states, codeLocks(house), { subscribe });
  return assembleHeader(house, admin, await sharedData(call), now.getTime());
}

/** The registry, review marks and checklist the household keeps in HA (the card's store), as the card reads them. */
async function sharedData(call: WsCall): Promise<SharedData | undefined> {
  const store = new SharedStore(() => ({ callWS: call }));
  try {
    return await store.load();
  } catch (err) {
    if (isHaError(err)) return undefined;
    throw err;
  }
}

export async function captureSnapshot(conn: Connection, opts: CaptureOptions): Promise<Snapshot> {
  const now = opts.now ?? new Date();
  const header = await captureHeader(conn, now);
  if (opts.days <= 0) return header;
  const ids = historyEntities(discoverLocks(header), header.states);
  const start = new Date(now.getTime() - opts.days * 86400_000);
  const events = await historyEvents(wsCall(conn), ids, start, now, (done, total) => {
    opts.onProgress?.(`history: ${done}/${total} entities, last ${opts.days} day(s)`);
  });
  return { ...header, events };
}
