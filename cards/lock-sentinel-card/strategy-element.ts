// Registers the dashboard strategy with HA: the element HA calls `generate` on, and the entry that lists it in
// Add dashboard (HA 2026.5+). The generator itself loads only when a strategy dashboard is opened.
import { DOCS_URL, STRATEGY_TYPE as TYPE } from './const.js';
import type { HomeAssistant } from './data/hass.js';
import { english, loadTable, translator } from './i18n.js';

export class LockSentinelStrategy extends HTMLElement {
  static async generate(_config: unknown, hass: HomeAssistant) {
    const [{ dashboardConfig }, table] = await Promise.all([import('./strategy.js'), loadTable(hass.locale?.language ?? hass.language)]);
    return dashboardConfig(hass, translator(table));
  }
}

interface CustomStrategyEntry {
  type: string;
  strategyType: 'dashboard' | 'view' | 'section';
  name?: string;
  description?: string;
  documentationURL?: string;
}

declare global {
  interface Window {
    customStrategies?: CustomStrategyEntry[];
  }
}

const tag = `ll-strategy-dashboard-${TYPE}`;
if (!customElements.get(tag)) customElements.define(tag, LockSentinelStrategy);
window.customStrategies ??= [];
if (!window.customStrategies.some((s) => s.type === TYPE && s.strategyType === 'dashboard')) {
  window.customStrategies.push({
    type: TYPE, strategyType: 'dashboard', name: english('strategy.name'), description: english('strategy.description'), documentationURL: DOCS_URL,
  });
}
