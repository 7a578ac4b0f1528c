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
}
