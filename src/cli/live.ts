// Live Home Assistant as a snapshot source. Owned by the lab/HA-client work (src/ha/).
import type { Snapshot } from '../model/ha.js';

export interface LiveOptions {
  url: string;
  token: string;
  days: number;
  onProgress?: (line: string) => void;
}

export async function loadLiveSnapshot(_opts: LiveOptions): Promise<Snapshot> {
  throw new Error('live Home Assistant is not supported in this build yet');
}
