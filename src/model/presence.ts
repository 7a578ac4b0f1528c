// Who was home when: each person's state over time, reconstructed from `person` state changes.
import type { HassState } from '../model/ha.js';
import { StateTrack, type StateChange } from './state-track.js';

export class Presence {
  private readonly tracks = new Map<string, StateTrack>();

  constructor(states: HassState[], changes: Map<string, StateChange[]>) {
    const current = new Map(states.filter((s) => s.entity_id.startsWith('person.')).map((s) => [s.entity_id, s.state]));
    const ids = new Set([...current.keys(), ...[...changes.keys()].filter((id) => id.startsWith('person.'))]);
    for (const id of ids) this.tracks.set(id, new StateTrack(current.get(id), changes.get(id) ?? []));
  }

  get persons(): string[] {
    return [...this.tracks.keys()].sort();
  }

  stateAt(person: string, t: number): string {
    return this.tracks.get(person)?.at(t) ?? 'unknown';
  }

  /** Persons at home at `t`. */
  homeAt(t: number): string[] {
    return this.persons.filter((p) => this.stateAt(p, t) === 'home');
  }

  /**
   * Where the household was at `t`: someone home, everybody known to be away, or not known (nobody home, but someone
   * `unknown`/`unavailable`, normal right after an HA restart: that is no evidence of an empty house, nor of a full one).
   */
  whereabouts(t: number): 'someone-home' | 'all-away' | 'unknown' {
    let unknown = false;
    for (const p of this.persons) {
      const s = this.stateAt(p, t);
      if (s === 'home') return 'someone-home';
      if (UNKNOWN_PRESENCE.has(s)) unknown = true;
    }
    return unknown ? 'unknown' : 'all-away';
  }

  /** Persons whose whereabouts are not known at `t`. */
  unknownAt(t: number): string[] {
    return this.persons.filter((p) => UNKNOWN_PRESENCE.has(this.stateAt(p, t)));
  }
}

/** States that say nothing about where a person is (normal right after an HA restart). */
const UNKNOWN_PRESENCE = new Set(['unknown', 'unavailable', '']);
