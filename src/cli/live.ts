// Live Home Assistant as a snapshot source (the CLI's --url/--token path).
import type { Snapshot } from '../model/ha.js';
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

export async function loadLiveSnapshot(opts: LiveOptions): Promise<Snapshot> {
  useNodeWebSocket();
  let conn;
  try {
    conn = await connectHa(opts.url, opts.token);
  } catch (e) {
    throw e instanceof HaConnectError ? new UsageError(e.message) : e;
  }
  try {
    return await captureSnapshot(conn, { days: opts.days, onProgress: opts.onProgress });
  } finally {
    conn.close();
  }
}
