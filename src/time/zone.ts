// Local wall-clock time in HA's configured time zone, without a dependency and fast enough for millions of events:
// the UTC offset is looked up once per 15-minute bucket (every real zone changes offset on such a boundary).
const BUCKET_MS = 15 * 60 * 1000;

export class TimeZone {
  private readonly offsets = new Map<number, number>();
  private readonly parts: Intl.DateTimeFormat;

  constructor(readonly name: string) {
    try {
      this.parts = new Intl.DateTimeFormat('en-US', {
        timeZone: name, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric',
        hour: 'numeric', minute: 'numeric', second: 'numeric',
      });
    } catch {
      throw new RangeError(`unknown time zone "${name}"`);
    }
  }

  /** Offset of local time from UTC in ms at the instant `ms`. */
  offset(ms: number): number {
    const bucket = Math.floor(ms / BUCKET_MS);
    let off = this.offsets.get(bucket);
    if (off === undefined) {
      const at = bucket * BUCKET_MS;
      const p: Record<string, number> = {};
      for (const { type, value } of this.parts.formatToParts(at)) if (type !== 'literal') p[type] = Number(value);
      const local = new Date(0);
      local.setUTCFullYear(p.year, p.month - 1, p.day);
      local.setUTCHours(p.hour, p.minute, p.second);
      off = local.getTime() - at;
      this.offsets.set(bucket, off);
    }
    return off;
  }

  /** The instant whose local wall clock reads `wall` (ms, as if UTC); in a DST gap, the later reading. */
  fromWall(wall: number): number {
    let t = wall - this.offset(wall);
    t = wall - this.offset(t);
    return t;
  }

  /** A Date whose UTC fields read as the local wall clock (use getUTC* on it). */
  wall(ms: number): Date {
    return new Date(ms + this.offset(ms));
  }

  hour(ms: number): number {
    return this.wall(ms).getUTCHours();
  }

  /** "YYYY-MM-DD HH:mm:ss" local. */
  format(ms: number): string {
    return this.wall(ms).toISOString().slice(0, 19).replace('T', ' ');
  }

  /** ISO 8601 with the local offset, e.g. 2026-11-24T03:12:00+01:00. */
  iso(ms: number): string {
    const off = Math.round(this.offset(ms) / 60000);
    const sign = off < 0 ? '-' : '+';
    const abs = Math.abs(off);
    const hh = String(Math.floor(abs / 60)).padStart(2, '0');
    const mm = String(abs % 60).padStart(2, '0');
    return `${this.wall(ms).toISOString().slice(0, 19)}${sign}${hh}:${mm}`;
  }
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * An ISO 8601 date-time to epoch ms, NaN when it is not one ("1", "12", "someday" are not). A time without a zone is
 * read in `tz` (Home Assistant's configured zone); without `tz` it is refused (NaN), never read in the machine's zone.
 * Numbers are epoch seconds (or ms above 1e12), as HA's compressed states carry them.
 */
export function parseHaTime(value: unknown, tz?: TimeZone): number {
  return inDateRange(parseUnchecked(value, tz));
}

/**
 * A Date holds ±8.64e15 ms: an instant outside is no time (formatting it threw a RangeError deep in a rule). Two days
 * of margin keep its local wall clock (instant plus the zone's offset) a Date too.
 */
const MAX_MS = 8.64e15 - 2 * 86_400_000;
const inDateRange = (ms: number) => (Math.abs(ms) <= MAX_MS ? ms : NaN);

function parseUnchecked(value: unknown, tz?: TimeZone): number {
  if (typeof value === 'number') return Number.isFinite(value) ? (Math.abs(value) > 1e12 ? value : value * 1000) : NaN;
  if (typeof value !== 'string' || value.length > 64) return NaN;
  const m = ISO.exec(value.trim());
  if (!m) return NaN;
  const [, y, mo, d, h = '0', mi = '0', sec = '0', frac = '', zone] = m;
  const ms = Number(frac.slice(0, 3).padEnd(3, '0'));
  const fields = [Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(sec), ms] as const;
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0-99 as 1900-1999 ("0099-01-01" became 1999).
  const back = new Date(0);
  back.setUTCFullYear(fields[0], fields[1], fields[2]);
  back.setUTCHours(fields[3], fields[4], fields[5], fields[6]);
  const wall = back.getTime();
  const day = new Date(0);
  day.setUTCFullYear(fields[0], fields[1], fields[2]);
  // Refuse impossible fields (month 13, 31 February, 25 o'clock) instead of rolling them over.
  if (day.getUTCMonth() !== fields[1] || day.getUTCDate() !== fields[2] || fields[3] > 23 || fields[4] > 59 || fields[5] > 60) return NaN;
  if (zone) {
    if (zone.toUpperCase() === 'Z') return wall;
    const sign = zone[0] === '-' ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const hours = Number(digits.slice(0, 2)), minutes = Number(digits.slice(2) || '0');
    // Real offsets run from -12:00 to +14:00; "+99:99" is no zone.
    if (hours > 14 || minutes > 59) return NaN;
    return wall - sign * (hours * 60 + minutes) * 60_000;
  }
  return tz ? tz.fromWall(wall) : NaN;
}

/** Parses HA's `time_fired` / `last_changed` (zoned ISO or epoch numbers) to epoch ms; NaN when unreadable. */
export function parseTime(value: unknown): number {
  return parseHaTime(value);
}
