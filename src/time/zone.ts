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
      off = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - at;
      this.offsets.set(bucket, off);
    }
    return off;
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

/** Parses an ISO time (HA's `time_fired`, `last_changed`) to epoch ms; NaN when unreadable. */
export function parseTime(value: unknown): number {
  if (typeof value === 'number') return value > 1e12 ? value : value * 1000;
  if (typeof value !== 'string') return NaN;
  return Date.parse(value);
}
