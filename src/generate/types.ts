// Shapes the generator produces: Home Assistant automation and script configs (HA's current keys).
import type { ConfigMap } from '../model/automation.js';

export { Input, type ConfigMap, type Json, type Subject } from '../model/automation.js';

export type { AlertKind } from '../model/alerts.js';

export interface AutomationConfig {
  id: string;
  alias: string;
  description: string;
  mode: 'single' | 'queued' | 'parallel' | 'restart';
  max?: number;
  max_exceeded?: 'silent';
  variables: ConfigMap;
  triggers: ConfigMap[];
  conditions: ConfigMap[];
  actions: ConfigMap[];
}

export interface ScriptConfig {
  alias: string;
  description: string;
  mode: 'single';
  icon: string;
  sequence: ConfigMap[];
}

export interface Generated {
  automations: AutomationConfig[];
  scripts: Record<string, ScriptConfig>;
  /** One line each: what could not be generated and why. */
  notes: string[];
}
