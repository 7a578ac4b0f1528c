// Live Home Assistant as a snapshot source (the CLI's --url/--token path).
import type { Snapshot } from '../model/ha.js';
import type { Connection } from 'home-assistant-js-websocket';
import { captureSnapshot } from '../ha/capture.js';
import { connectHa, HaConnectError } from '../ha/connection.js';
import { useNodeWebSocket } from '../ha/node.js';
import { UsageError } from './command.js';

export interface LiveOptions {
  url: string;
  token: string;
  days: number;
  onProgress?: (line: string) => void;
}

/**
 * Connects to Home Assistant, runs `use` and closes the connection (also when `use` throws). A connection HA refuses
 * (unreachable, a bad token) is one clear usage error.
 */
export async function withHa<T>(url: string, token: string, use: (conn: Connection) => Promise<T>): Promise<T> {
  useNodeWebSocket();
  let conn: Connection;
  try {
    conn = await connectHa(url, token);
  } catch (e) {
    throw e instanceof HaConnectError ? new UsageError(e.message) : e;
  }
  try {
    return await use(conn);
  } finally {
    conn.close();
  }
}

export function loadLiveSnapshot(opts: LiveOptions): Promise<Snapshot> {
  return withHa(opts.url, opts.token, (conn) => captureSnapshot(conn, { days: opts.days, onProgress: opts.onProgress }));
}
