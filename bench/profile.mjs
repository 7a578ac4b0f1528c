// Reads a V8 CPU profile (.cpuprofile, from node --cpu-prof) and sums self time per function.
import { readFileSync } from 'node:fs';

export function summarizeProfile(path, top = 20) {
  const p = JSON.parse(readFileSync(path, 'utf8'));
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const dt = p.timeDeltas;
  for (let i = 0; i < p.samples.length; i++) {
    const n = byId.get(p.samples[i]);
    const f = n.callFrame;
    const file = f.url ? f.url.replace(/^.*\/(bench\/data|node_modules)\//, '$1/').replace(/^file:\/\/\/work\/main\//, '') : '';
    const key = `${f.functionName || '(anonymous)'} ${file}${f.url ? `:${f.lineNumber + 1}` : ''}`;
    self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0));
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  return [...self].sort((a, b) => b[1] - a[1]).slice(0, top)
    .map(([fn, us]) => ({ fn, ms: Math.round(us / 1000), share: Math.round((1000 * us) / total) / 10 }));
}
