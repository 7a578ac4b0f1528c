// The part of an automation a builder decides; `automation.ts` and `blueprint.ts` wrap it.
import type { Thresholds } from '../thresholds.js';
import type { AlertKind, ConfigMap, Subject } from './types.js';

export interface Body {
  kind: AlertKind;
  /** Short title for aliases and blueprint names, e.g. "Failed code attempts". */
  title: string;
  description: string;
  mode: 'single' | 'queued';
  max_exceeded?: 'silent';
  variables?: ConfigMap;
  triggers: ConfigMap[];
  conditions: ConfigMap[];
  actions: ConfigMap[];
}

export type LockBuilder = (s: Subject, th: Readonly<Thresholds>) => Body | null;

export const template = (jinja: string): ConfigMap => ({ condition: 'template', value_template: `{{ ${jinja} }}` });

/** Condition: this automation did not run within `seconds` (one alert for one incident reported twice). */
export const quietFor = (seconds: number): ConfigMap =>
  template(`this.attributes.last_triggered is none or (now() - this.attributes.last_triggered).total_seconds() > ${seconds}`);
