// `lock-sentinel code-check`: PINs on stdin, one per line; the verdicts never echo them.
import { text } from 'node:stream/consumers';
import { flag, parseArgs } from '../args.js';
import { UsageError, type Command } from '../command.js';
import { checkCode } from '../../rules/code-strength.js';

const codeCheck: Command = {
  name: 'code-check',
  summary: 'judge PINs read from stdin (one per line) without echoing them',
  usage: `lock-sentinel code-check [--json] < pins.txt
  --json   [{"index": 0, "verdict": "weak"|"strong", "reasons": [...]}] in input order (blank lines are skipped)`,
  async run(args) {
    const p = parseArgs(args, ['json'], []);
    if (p.positional.length) throw new UsageError('code-check reads PINs from stdin, never from arguments (they would land in shell history)');
    if (process.stdin.isTTY) process.stderr.write('Type one PIN per line, then Ctrl-D.\n');
    const pins = (await text(process.stdin)).split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
    const results = pins.map((pin, index) => ({ index, ...checkCode(pin) }));
    if (flag(p, 'json')) process.stdout.write(JSON.stringify(results, null, 2) + '\n');
    else for (const r of results) process.stdout.write(`#${r.index + 1}: ${r.verdict}${r.reasons.length ? ` (${r.reasons.join(', ')})` : ''}\n`);
    return 0;
  },
};
export default codeCheck;
