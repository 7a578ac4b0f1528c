#!/usr/bin/env node
// Stops the simulated Z-Wave server started by up.mjs.   LAB_JSON=<.lab/lab.json> node lab/zwave/down.mjs
// The zwave_js config entry stays in HA (up.mjs replaces it on the next start).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { stop } from '../processes.mjs';
import { paths } from './paths.mjs';

const labFile = process.env.LAB_JSON;
if (!labFile) {
  console.error('zwave: LAB_JSON is not set (path of .lab/lab.json)');
  process.exit(1);
}
const how = await stop(paths(dirname(labFile)).pid, 10000);
if (how !== 'not running') console.log(`zwave: server ${how}`);
if (existsSync(labFile)) {
  const lab = JSON.parse(readFileSync(labFile, 'utf8'));
  if (lab.zwave) {
    delete lab.zwave;
    writeFileSync(labFile, JSON.stringify(lab, null, 2) + '\n', { mode: 0o600 });
  }
}
