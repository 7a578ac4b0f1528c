// Who was home when: each person's state over time, reconstructed from `person` state changes.
import type { HassState } from '../model/ha.js';
import type { PersonChange } from '../store/event-store.js';

interface PersonTrack {
  /** State before the first recorded change (that change's old state), or the current state with no changes. */
  initial: string;
  times: number[];
  states: string[];
}

export class Presence {
  private readonly tracks = new Map<string, PersonTrack>();

  constructor(states: HassState[], changes: Map<string, PersonChange[]>) {
    const current = new Map(states.filter((s) => s.entity_id.startsWith('person.')).map((s) => [s.entity_id, s.state]));
    for (const id of new Set([...current.keys(), ...changes.keys()])) {
      const list = [...(changes.get(id) ?? [])].sort((a, b) => a.t - b.t);
      const initial = list.length ? (list[0].old ?? list[0].new ?? 'unknown') : (current.get(id) ?? 'unknown');
      this.tracks.set(id, { initial, times: list.map((c) => c.t), states: list.map((c) => c.new ?? 'unknown') });
    }
  }

  get persons(): string[] {
    return [...this.tracks.keys()].sort();
  }

  stateAt(person: string, t: number): string {
    const tr = this.tracks.get(person);
    if (!tr) return 'unknown';
    let lo = 0, hi = tr.times.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (tr.times[mid] <= t) lo = mid + 1; else hi = mid; }
    return lo === 0 ? tr.initial : tr.states[lo - 1];
  }

  /** Persons at home at `t`. */
  homeAt(t: number): string[] {
    return this.persons.filter((p) => this.stateAt(p, t) === 'home');
  }
}
