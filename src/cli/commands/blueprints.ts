// `lock-sentinel blueprints`: one automation blueprint per alert kind, written under --out (the repo's automations/).
import { ensureDir, writeOutput } from '../../io/files.js';
import { dirname, join } from 'node:path';
import { blueprints } from '../../generate/blueprints.js';
import { parseArgs, value } from '../args.js';
import { UsageError, type Command } from '../command.js';

const blueprintsCmd: Command = {
  name: 'blueprints',
  summary: 'write one automation blueprint per alert kind',
  usage: `lock-sentinel blueprints --out DIR
  --out DIR   writes DIR/lock_sentinel/<kind>.yaml (npm run blueprints writes automations/)`,
  async run(args) {
    const p = parseArgs(args, [], ['out']);
    const out = value(p, 'out');
    if (!out) throw new UsageError('blueprints needs --out DIR');
    const files = blueprints();
    for (const f of files) {
      ensureDir(dirname(join(out, f.path)));
      writeOutput(join(out, f.path), f.yaml);
    }
    process.stdout.write(`${files.length} blueprints written to ${out}\n`);
    return 0;
  },
};
export default blueprintsCmd;
