// `lock-sentinel audit`: findings and the security scorecard.
import { flag, parseArgs, value } from '../args.js';
import { UsageError, type Command } from '../command.js';
import { loadAuditor, SOURCE_BOOLEANS, SOURCE_USAGE, SOURCE_VALUED } from '../source.js';
import { THRESHOLD_USAGE, THRESHOLD_VALUED, thresholdFlags } from '../thresholds.js';
import { formatReport } from '../../report/text.js';
import { printableJson } from '../../privacy/escape.js';

const audit: Command = {
  name: 'audit',
  summary: 'audit a house: findings with evidence and fixes, and the security score',
  usage: `lock-sentinel audit [--snapshot FILE | --url URL --token TOKEN | --demo] [thresholds] [--json] [--fail-under N]
${SOURCE_USAGE}
${THRESHOLD_USAGE}
  --json            machine-readable report {score, locks, checks, findings}
  --fail-under N    exit 1 when the score is below N`,
  async run(args) {
    const p = parseArgs(args, [...SOURCE_BOOLEANS, 'json'], [...SOURCE_VALUED, ...THRESHOLD_VALUED, 'fail-under']);
    if (p.positional.length) throw new UsageError(`unexpected argument ${JSON.stringify(p.positional[0])}`);
    const failUnderRaw = value(p, 'fail-under');
    const failUnder = failUnderRaw === undefined ? null : Number(failUnderRaw);
    if (failUnder !== null && (!/^\d+(\.\d+)?$/.test(failUnderRaw as string) || failUnder > 100)) {
      throw new UsageError(`--fail-under must be a number from 0 to 100, got ${JSON.stringify(failUnderRaw)}`);
    }
    const auditor = await loadAuditor(p, { thresholds: thresholdFlags(p) });
    const report = auditor.report();
    if (flag(p, 'json')) process.stdout.write(printableJson(JSON.stringify(report, null, 2)) + '\n');
    else {
      const name = typeof auditor.header.config.location_name === 'string' ? auditor.header.config.location_name : 'Home';
      process.stdout.write(formatReport(report, auditor.timeZone, `audit of ${name}, captured ${auditor.timeZone.format(Date.parse(auditor.header.captured_at))}`));
    }
    if (failUnder !== null && report.score.total < failUnder) {
      process.stderr.write(`lock-sentinel: score ${report.score.total} is below ${failUnder}\n`);
      return 1;
    }
    return 0;
  },
};
export default audit;
