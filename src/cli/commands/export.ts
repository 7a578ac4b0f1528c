// `lock-sentinel export`: the audit trail, one row per access event, never a PIN.
import { writeFileSync } from 'node:fs';
import { parseArgs, value } from '../args.js';
import { UsageError, type Command } from '../command.js';
import { loadAuditor, SOURCE_BOOLEANS, SOURCE_USAGE, SOURCE_VALUED } from '../source.js';
import { auditTrail, trailToCsv } from '../../report/trail.js';
import { THRESHOLD_USAGE, THRESHOLD_VALUED, thresholdFlags } from '../thresholds.js';

const exportCmd: Command = {
  name: 'export',
  summary: 'export the audit trail (CSV or JSON): time, lock, method, slot, holder, result, findings',
  usage: `lock-sentinel export [--snapshot FILE | --url URL --token TOKEN | --demo] [thresholds] [--format csv|json] [--since ISO] [--out FILE]
${SOURCE_USAGE}
${THRESHOLD_USAGE}
  --format   csv (default) or json
  --since    only events at or after this ISO time
  --out      write to FILE instead of stdout`,
  async run(args) {
    const p = parseArgs(args, SOURCE_BOOLEANS, [...SOURCE_VALUED, ...THRESHOLD_VALUED, 'format', 'since', 'out']);
    if (p.positional.length) throw new UsageError(`unexpected argument ${JSON.stringify(p.positional[0])}`);
    const format = value(p, 'format') ?? 'csv';
    if (format !== 'csv' && format !== 'json') throw new UsageError(`--format must be csv or json, got ${JSON.stringify(format)}`);
    const sinceRaw = value(p, 'since');
    const since = sinceRaw === undefined ? undefined : Date.parse(sinceRaw);
    if (since !== undefined && Number.isNaN(since)) throw new UsageError(`--since must be an ISO date-time, got ${JSON.stringify(sinceRaw)}`);
    const rows = auditTrail(await loadAuditor(p, { thresholds: thresholdFlags(p) }), since);
    const body = format === 'csv' ? trailToCsv(rows) : JSON.stringify(rows, null, 2) + '\n';
    const out = value(p, 'out');
    if (out) writeFileSync(out, body);
    else process.stdout.write(body);
    return 0;
  },
};
export default exportCmd;
