// The guide's thresholds as CLI flags, shared by audit, generate, install and export. Bad values: one line, exit 2.
import { THRESHOLD_OPTIONS, type Thresholds } from '../thresholds.js';
import { value, type ParsedArgs } from './args.js';
import { UsageError } from './command.js';

/** Flags, ranges and meanings from the one table the card's config also reads. */
const NUMBERS = THRESHOLD_OPTIONS;
const HOURS = 'unusual-hours';

export const THRESHOLD_VALUED = [...NUMBERS.map((n) => n.flag), HOURS];
export const THRESHOLD_USAGE = [
  ...NUMBERS.map((n) => `  ${`--${n.flag} N`.padEnd(17)} ${n.what} (${n.min}-${n.max})`),
  `  ${`--${HOURS} HH-HH`.padEnd(17)} unlocks in these local hours are unusual, e.g. 01-05 (22-05 spans midnight)`,
].join('\n');

/** The thresholds the flags set (none set: an empty object, the guide's defaults apply). */
export function thresholdFlags(p: ParsedArgs): Partial<Thresholds> {
  const out: Partial<Thresholds> = {};
  for (const n of NUMBERS) {
    const raw = value(p, n.flag);
    if (raw === undefined) continue;
    const v = Number(raw);
    if (!/^\d+$/.test(raw) || v < n.min || v > n.max) {
      throw new UsageError(`--${n.flag} must be a whole number from ${n.min} to ${n.max}, got ${JSON.stringify(raw)}`);
    }
    (out as Record<string, number>)[n.key] = v;
  }
  const hours = value(p, HOURS);
  if (hours !== undefined) {
    const m = /^(\d{1,2})-(\d{1,2})$/.exec(hours);
    const [start, end] = m ? [Number(m[1]), Number(m[2])] : [NaN, NaN];
    if (!m || start > 23 || end > 23 || start === end) {
      throw new UsageError(`--${HOURS} must be two different hours from 00 to 23 as HH-HH, e.g. 01-05, got ${JSON.stringify(hours)}`);
    }
    out.unusualHourStart = start;
    out.unusualHourEnd = end;
  }
  return out;
}
