// The guide's thresholds as CLI flags, shared by audit, generate, install and export. Bad values: one line, exit 2.
import type { Thresholds } from '../thresholds.js';
import { value, type ParsedArgs } from './args.js';
import { UsageError } from './command.js';

interface NumberFlag {
  flag: string;
  key: keyof Thresholds;
  min: number;
  max: number;
  what: string;
}

/** Same ranges as the card's config. */
const NUMBERS: NumberFlag[] = [
  { flag: 'failed-attempts', key: 'failedAttempts', min: 2, max: 20, what: 'failed codes that make a burst' },
  { flag: 'low-battery', key: 'lowBattery', min: 5, max: 95, what: 'low battery below this %' },
  { flag: 'stale-days', key: 'staleDays', min: 7, max: 365, what: 'codes unused this long are stale' },
];
const HOURS = 'unusual-hours';

export const THRESHOLD_VALUED = [...NUMBERS.map((n) => n.flag), HOURS];
export const THRESHOLD_USAGE = [
  ...NUMBERS.map((n) => `  --${`${n.flag} N`.padEnd(16)}${n.what} (${n.min}-${n.max})`),
  `  --${`${HOURS} HH-HH`.padEnd(16)}unlocks in these local hours are unusual, e.g. 01-05 (22-05 spans midnight)`,
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
