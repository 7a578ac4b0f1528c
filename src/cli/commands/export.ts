// `lock-sentinel export`: the audit trail, one row per access event, never a PIN. Rows stream to the output.
import { parseArgs, value } from '../args.js';
import { UsageError, type Command } from '../command.js';
import { loadAuditor, SOURCE_BOOLEANS, SOURCE_USAGE, SOURCE_VALUED } from '../source.js';
import { CSV_HEADER, csvLine, trailRows } from '../../report/trail.js';
import { OutputFile } from '../../io/files.js';
import { printableJson } from '../../privacy/escape.js';
import { parseHaTime } from '../../time/zone.js';
import { write } from '../output.js';
import { THRESHOLD_USAGE, THRESHOLD_VALUED, thresholdFlags } from '../thresholds.js';

/** Pieces are gathered to about this size before each write. */
const BATCH = 1 << 16;

const exportCmd: Command = {
  name: 'export',
  summary: 'export the audit trail (CSV or JSON): time, lock, method, slot, holder, result, findings',
  usage: `lock-sentinel export [--snapshot FILE | --url URL --token TOKEN | --demo] [thresholds] [--format csv|json] [--since ISO] [--out FILE]
${SOURCE_USAGE}
${THRESHOLD_USAGE}
  --format   csv (default) or json
  --since    only events at or after this ISO 8601 date-time (without a zone: in Home Assistant's time zone)
  --out      write to FILE instead of stdout`,
  async run(args) {
    const p = parseArgs(args, SOURCE_BOOLEANS, [...SOURCE_VALUED, ...THRESHOLD_VALUED, 'format', 'since', 'out']);
    if (p.positional.length) throw new UsageError(`unexpected argument ${JSON.stringify(p.positional[0])}`);
    const format = value(p, 'format') ?? 'csv';
    if (format !== 'csv' && format !== 'json') throw new UsageError(`--format must be csv or json, got ${JSON.stringify(format)}`);
    const sinceRaw = value(p, 'since');
    const ISO_SHAPE = /^\d{4}-\d{2}-\d{2}/;
    if (sinceRaw !== undefined && !ISO_SHAPE.test(sinceRaw)) throw new UsageError(`--since must be an ISO 8601 date-time like 2026-11-01 or 2026-11-01T08:00:00+01:00, got ${JSON.stringify(sinceRaw)}`);
    const outPath = value(p, 'out');
    const auditor = await loadAuditor(p, { thresholds: thresholdFlags(p) });
    const since = sinceRaw === undefined ? undefined : parseHaTime(sinceRaw, auditor.timeZone);
    if (Number.isNaN(since)) throw new UsageError(`--since must be an ISO 8601 date-time like 2026-11-01 or 2026-11-01T08:00:00+01:00, got ${JSON.stringify(sinceRaw)}`);
    const file = outPath === undefined ? null : new OutputFile(outPath);
    try {
      let buf = '';
      const put = async (s: string, last = false) => {
        buf += s;
        if (buf.length < BATCH && !last) return;
        const text = format === 'json' ? printableJson(buf) : buf;
        buf = '';
        if (file) file.write(text); else await write(text);
      };
      if (format === 'csv') {
        await put(CSV_HEADER);
        for (const row of trailRows(auditor, since)) await put(csvLine(row));
        await put('', true);
      } else {
        let n = 0;
        await put('[');
        for (const row of trailRows(auditor, since)) await put(`${n++ ? ',' : ''}\n  ${JSON.stringify(row)}`);
        await put(n ? '\n]\n' : ']\n', true);
      }
    } finally {
      file?.close();
    }
    return 0;
  },
};
export default exportCmd;
