// Where the Z-Wave lab keeps its runtime files: beside lab.json, in the lab's directory (.lab/<key>/).
import { join } from 'node:path';

/** @param {string} labDir the directory holding lab.json */
export function paths(labDir) {
  return {
    pid: join(labDir, 'zwave.pid'),
    log: join(labDir, 'zwave.log'),
    /** Hash of the server code the running server was started from. */
    stamp: join(labDir, 'zwave.stamp'),
    cache: join(labDir, 'zwave-cache'),
  };
}
