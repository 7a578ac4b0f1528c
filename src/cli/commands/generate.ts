// `lock-sentinel generate`: the house's Lock Sentinel automations and breach script as YAML files.
import { ensureDir, writeOutput } from '../../io/files.js';
import { join } from 'node:path';
import { discoverLocks } from '../../adapters/discovery.js';
import { houseView } from '../../engine.js';
import { notifyTargets } from '../../generate/alert.js';
import { generate as build } from '../../generate/generate.js';
import { toYaml } from '../../generate/yaml.js';
import type { Snapshot } from '../../model/ha.js';
import { parseArgs, value, values, type ParsedArgs } from '../args.js';
import { UsageError, type Command } from '../command.js';
import { loadSource, pickSource, SOURCE_BOOLEANS, SOURCE_USAGE, SOURCE_VALUED } from '../source.js';
import { THRESHOLD_USAGE, THRESHOLD_VALUED, thresholdFlags } from '../thresholds.js';
import type { Thresholds } from '../../thresholds.js';

/** Live sources need no history for the generator. */
export async function loadHeader(p: ParsedArgs): Promise<Snapshot> {
  if (!p.flags.has('days') && pickSource(p).kind === 'live') p.flags.set('days', ['0']);
  return loadSource(p);
}

/** `--notify` values, refused as bad input (exit 2). */
export function notifyFlag(p: ParsedArgs): string[] {
  try {
    return notifyTargets(values(p, 'notify'));
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

export function generateFor(snap: Snapshot, notify: string[], thresholds: Partial<Thresholds> = {}) {
  // Lock and holder names as shown everywhere: a code in them is masked before it can reach an automation.
  const shown = houseView(snap);
  const version = snap.config.version;
  return build({
    locks: discoverLocks(shown), registry: shown.code_registry ?? [], notify, thresholds,
    haVersion: typeof version === 'string' ? version : undefined,
  });
}

const generateCmd: Command = {
  name: 'generate',
  summary: 'write the alert automations and the breach script as Home Assistant YAML',
  usage: `lock-sentinel generate [--snapshot FILE | --url URL --token TOKEN | --demo] [thresholds] --out DIR [--notify notify.x ...]
${SOURCE_USAGE}
${THRESHOLD_USAGE}
  --out DIR         writes DIR/lock_sentinel_automations.yaml (a list for automations.yaml or an !include)
                    and DIR/lock_sentinel_scripts.yaml (for scripts.yaml)
  --notify SERVICE  a notify service for every alert, e.g. notify.mobile_app_phone (repeatable)`,
  async run(args) {
    const p = parseArgs(args, SOURCE_BOOLEANS, [...SOURCE_VALUED, ...THRESHOLD_VALUED, 'out', 'notify']);
    const out = value(p, 'out');
    if (!out) throw new UsageError('generate needs --out DIR');
    const notify = notifyFlag(p);
    const gen = generateFor(await loadHeader(p), notify, thresholdFlags(p));
    ensureDir(out);
    writeOutput(join(out, 'lock_sentinel_automations.yaml'), toYaml(gen.automations));
    writeOutput(join(out, 'lock_sentinel_scripts.yaml'), toYaml(gen.scripts));
    for (const n of gen.notes) process.stderr.write(`note: ${n}\n`);
    process.stdout.write(`${gen.automations.length} automations and ${Object.keys(gen.scripts).length} script written to ${out}\n`);
    return 0;
  },
};
export default generateCmd;
