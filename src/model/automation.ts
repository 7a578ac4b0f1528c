// Home Assistant automation config shapes, and the Subject (one lock, or a blueprint's inputs) that protocol
// modules turn into triggers and Jinja tests. Types only; the generator and the adapters both read them.
import type { Protocol } from './lock.js';

/** A blueprint `!input <name>` reference; only blueprints contain these. */
export class Input {
  constructor(readonly name: string) {}
}

export type Json = string | number | boolean | null | Input | Json[] | { [k: string]: Json };
export type ConfigMap = { [k: string]: Json };

/** Everything one lock contributes, resolved either to real values (automations) or to blueprint inputs. */
export interface Subject {
  /** Protocols whose triggers are included (a blueprint includes all of them). */
  protocols: Protocol[];
  /** Lock entity id, or the blueprint's lock input. */
  lock: string | Input;
  /** Device id to filter integration events by, when known at generation time. */
  device: string | null;
  /** Entities whose states report the lock's actions (a protocol module names them: `Protocol.subject`). */
  actionEntities: string[] | Input;
  tamperEntities: string[] | Input;
  /** Jam problem sensors (some integrations report a jam only as `binary_sensor.*_lock_jammed`). */
  jamEntities: string[] | Input;
  /** "Keypad temporarily disabled" sensors (some integrations show a keypad lockout only this way). */
  lockoutEntities: string[] | Input;
  /** Battery sensor (percent) and firmware update entity, when the lock has them. */
  battery: string | Input | null;
  firmware: string | Input | null;
  /** Jinja expression for the lock's name (a string literal for automations, a state lookup in blueprints). */
  nameExpr: string;
  /** Jinja dict literal slot → holder name, or null when the registry is unknown (blueprints). */
  holders: Record<string, string> | null;
}
