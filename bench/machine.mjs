// The machine a run measured on: CPU model, cores, RAM, Node, and the load while measuring.
import { cpus, loadavg, totalmem } from 'node:os';
import { readFileSync } from 'node:fs';

export function machine() {
  let model = cpus()[0]?.model ?? 'unknown CPU';
  try {
    model = /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? model;
  } catch { /* not Linux */ }
  const os = (() => {
    try { return /PRETTY_NAME="([^"]+)"/.exec(readFileSync('/etc/os-release', 'utf8'))?.[1] ?? process.platform; } catch { return process.platform; }
  })();
  const mhz = cpus()[0]?.speed ? ` (${cpus()[0].speed} MHz)` : '';
  return `${model}${mhz}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GB RAM, ${os}, Node ${process.versions.node}`;
}

/** The 1-minute load average, rounded. */
export const loadAverage = () => Math.round(loadavg()[0] * 100) / 100;
