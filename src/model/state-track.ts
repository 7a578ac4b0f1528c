// An entity's state over time, rebuilt from its state changes: before the first change, that change's old
// state; with no change at all, the entity's current state.
export interface StateChange {
  t: number;
  old: string | null;
  new: string | null;
}

export class StateTrack {
  private readonly initial: string;
  private readonly times: number[];
  private readonly states: string[];

  constructor(current: string | undefined, changes: StateChange[]) {
    const list = [...changes].sort((a, b) => a.t - b.t);
    this.initial = list.length ? (list[0].old ?? list[0].new ?? 'unknown') : (current ?? 'unknown');
    this.times = list.map((c) => c.t);
    this.states = list.map((c) => c.new ?? 'unknown');
  }

  /** The state at `t` (a change at exactly `t` counts). */
  at(t: number): string {
    let lo = 0, hi = this.times.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (this.times[mid] <= t) lo = mid + 1; else hi = mid; }
    return lo === 0 ? this.initial : this.states[lo - 1];
  }
}
