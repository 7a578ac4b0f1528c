// `lock-sentinel code-check`: PINs on stdin, one per line; the verdicts never echo them.
import { flag, parseArgs } from '../args.js';
import { UsageError, type Command } from '../command.js';
import { checkCode } from '../../rules/code-strength.js';
import { keypadInput, keypadLines } from '../keypad-input.js';
import { write } from '../output.js';

interface Verdict { index: number; verdict: 'weak' | 'strong' | 'invalid'; reasons: string[] }

const codeCheck: Command = {
  name: 'code-check',
  summary: 'judge PINs read from stdin (one per line) without echoing them',
  usage: `lock-sentinel code-check [--json] < pins.txt
  --json   [{"index": 0, "verdict": "weak"|"strong"|"invalid", "reasons": [...]}] in input order (blank lines are skipped; no PIN at all is an error, exit 2)
Lock keypads take the digits 0-9 only (at most 10): anything else is "invalid", with what it is.`,
  async run(args) {
    const p = parseArgs(args, ['json'], []);
    if (p.positional.length) throw new UsageError('code-check reads PINs from stdin, never from arguments (they would land in shell history)');
    if (process.stdin.isTTY) process.stderr.write('Type one PIN per line, then Ctrl-D.\n');
    const results: Verdict[] = [];
    for await (const { text, bytes } of keypadLines(process.stdin)) {
      if (bytes <= 256 && text.trim() === '') continue;
      const input = keypadInput(text, bytes);
      const index = results.length;
      results.push('code' in input ? { index, ...checkCode(input.code) } : { index, verdict: 'invalid', reasons: [input.invalid] });
    }
    if (!results.length) throw new UsageError('code-check: no PIN on standard input (one per line)');
    if (flag(p, 'json')) await write(JSON.stringify(results, null, 2) + '\n');
    else for (const r of results) await write(`#${r.index + 1}: ${r.verdict}${r.reasons.length ? ` (${r.reasons.join(', ')})` : ''}\n`);
    return 0;
  },
};
export default codeCheck;
