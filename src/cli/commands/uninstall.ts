// `lock-sentinel uninstall`: removes exactly the automations and script that install wrote.
import { restClient, uninstall } from '../../generate/installer.js';
import { parseArgs } from '../args.js';
import { UsageError, type Command } from '../command.js';
import { pickSource } from '../source.js';

const uninstallCmd: Command = {
  name: 'uninstall',
  summary: 'remove the automations and script that install wrote, nothing else',
  usage: `lock-sentinel uninstall --url URL --token TOKEN
  --url URL, --token TOKEN   Home Assistant (or env LOCK_SENTINEL_URL / LOCK_SENTINEL_TOKEN); an admin token`,
  async run(args) {
    const p = parseArgs(args, [], ['url', 'token']);
    const source = pickSource(p);
    if (source.kind !== 'live') throw new UsageError('uninstall needs --url URL --token TOKEN');
    const removed = await uninstall(restClient(source.url, source.token));
    process.stdout.write(`removed ${removed.length}: ${removed.join(', ') || 'nothing was installed'}\n`);
    return 0;
  },
};
export default uninstallCmd;
