// `lock-sentinel install`: writes the alert automations into Home Assistant and waits until they run.
import { install, restClient } from '../../generate/installer.js';
import { parseArgs } from '../args.js';
import { UsageError, type Command } from '../command.js';
import { pickSource } from '../source.js';
import { generateFor, loadHeader, notifyFlag } from './generate.js';
import { THRESHOLD_USAGE, THRESHOLD_VALUED, thresholdFlags } from '../thresholds.js';

const installCmd: Command = {
  name: 'install',
  summary: 'install the alert automations into Home Assistant (idempotent)',
  usage: `lock-sentinel install --url URL --token TOKEN [thresholds] [--notify notify.x ...]
  --url URL, --token TOKEN   Home Assistant (or env LOCK_SENTINEL_URL / LOCK_SENTINEL_TOKEN); an admin token
  --notify SERVICE           a notify service for every alert (repeatable); must exist in Home Assistant
${THRESHOLD_USAGE}
A second run updates what the first installed and removes automations of locks that are gone.`,
  async run(args) {
    const p = parseArgs(args, [], ['url', 'token', 'notify', ...THRESHOLD_VALUED]);
    const source = pickSource(p);
    if (source.kind !== 'live') throw new UsageError('install needs --url URL --token TOKEN');
    const notify = notifyFlag(p);
    const gen = generateFor(await loadHeader(p), notify, thresholdFlags(p));
    const r = await install(restClient(source.url, source.token), gen, notify);
    for (const n of [...gen.notes, ...r.warnings]) process.stderr.write(`note: ${n}\n`);
    process.stdout.write(`installed: ${r.created.length} new, ${r.updated.length} updated, ${r.removed.length} removed, ${r.unchanged.length} unchanged\n`);
    return 0;
  },
};
export default installCmd;
