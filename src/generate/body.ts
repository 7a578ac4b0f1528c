// The part of an automation a builder decides; `automation.ts` and `blueprint.ts` wrap it.
import type { Thresholds } from '../thresholds.js';
import type { AlertKind, AutomationConfig, ConfigMap, Subject } from './types.js';

export interface Body {
  kind: AlertKind;
  /** Short title for aliases and blueprint names, e.g. "Failed code attempts". */
  title: string;
  description: string;
  mode: 'single' | 'queued' | 'parallel';
  /** Runs at once (queued, parallel); HA's default is 10. */
  max?: number;
  max_exceeded?: 'silent';
  variables?: ConfigMap;
  triggers: ConfigMap[];
  conditions: ConfigMap[];
  actions: ConfigMap[];
}

export type Runnable = Pick<AutomationConfig, 'mode' | 'max' | 'max_exceeded' | 'variables' | 'triggers' | 'conditions' | 'actions'>;

/** What an automation (or a blueprint) runs for a body: mode, variables, triggers, conditions, actions. */
export function runnable(body: Body, variables: ConfigMap): Runnable {
  return {
    mode: body.mode,
    ...(body.max ? { max: body.max } : {}),
    ...(body.max_exceeded ? { max_exceeded: body.max_exceeded } : {}),
    variables: { ...variables, ...body.variables },
    triggers: body.triggers,
    conditions: body.conditions,
    actions: body.actions,
  };
}

export type LockBuilder = (s: Subject, th: Readonly<Thresholds>) => Body | null;

export const template = (jinja: string): ConfigMap => ({ condition: 'template', value_template: `{{ ${jinja} }}` });

/** Condition: this automation did not run within `seconds` (one alert for one incident reported twice). */
export const quietFor = (seconds: number): ConfigMap =>
  template(`this.attributes.last_triggered is none or (now() - this.attributes.last_triggered).total_seconds() > ${seconds}`);

/**
 * A time-based automation HA loads after its time (HA was down then, or the automation was installed or reloaded
 * late) would never act: its time trigger has passed, and a template trigger already true when HA loads it never
 * fires. These triggers run it also when HA starts and after every automation reload; pair them with
 * `missedOnce` (or an equivalent condition) so that a missed time acts once, late, and a future one not early.
 */
export const CATCH_UP_ID = 'catch_up';
export const catchUpTriggers = (): ConfigMap[] => [
  { trigger: 'homeassistant', event: 'start', id: CATCH_UP_ID },
  { trigger: 'event', event_type: 'automation_reloaded', id: CATCH_UP_ID },
];

/** Condition: `due` (a Jinja datetime expression) has passed and this automation has not run since. */
export const missedOnce = (due: string): ConfigMap =>
  template(`now() >= ${due} and (this.attributes.last_triggered is none or this.attributes.last_triggered < ${due})`);
