// How far back the event history really reaches. One stray event (a lock whose clock was never set reports 1970)
// must not make a 30-day capture look like 56 years of history, and events after the capture do not count.
// The history begins at the earliest event that is not cut off from the later ones by more than MAX_SILENCE_DAYS
// without any event at all (a house's event stream is never silent that long while it is being recorded).
const DAY = 86_400_000;
export const MAX_SILENCE_DAYS = 365;

export class Coverage {
  /** Earliest event time per UTC day. */
  private readonly days = new Map<number, number>();

  add(t: number): void {
    if (!Number.isFinite(t)) return;
    const d = Math.floor(t / DAY);
    const v = this.days.get(d);
    if (v === undefined || t < v) this.days.set(d, t);
  }

  /** The start of the history up to `until` (epoch ms), Infinity when no event lies before it. */
  start(until: number): number {
    const last = Math.floor(until / DAY);
    const days = [...this.days.keys()].filter((d) => d <= last).sort((a, b) => a - b);
    if (days.length === 0) return Infinity;
    let i = days.length - 1;
    while (i > 0 && days[i] - days[i - 1] <= MAX_SILENCE_DAYS) i--;
    const t = this.days.get(days[i]) as number;
    return t <= until ? t : Infinity;
  }
}
