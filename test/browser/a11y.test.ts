// axe-core in real Chromium over every view of the card, light and dark: no serious or critical violation.
import './fixed-clock.js';
import 'axe-core';
import type { AxeResults } from 'axe-core';
import { expect } from '@open-wc/testing';
import { zwaveNotification } from './fixtures.js';
import { mount, openView, unmountAll, type Mounted } from './helpers.js';
import { applyTheme } from './themes.js';

declare global {
  interface Window {
    axe: { run(context: Element, options: Record<string, unknown>): Promise<AxeResults> };
  }
}

afterEach(() => unmountAll());

const shared = {
  code_registry: [{ lock: 'lock.front_door', slot: 1, name: 'Anna', role: 'family', added: '2026-03-01T10:00:00Z', expires: null }],
};

/** Serious and critical violations, one line each (rule, impact, the first offending node). */
async function violations(m: Mounted): Promise<string[]> {
  // Closed disclosures hide their content from axe: open them all so evidence and fixes are checked too.
  for (const d of m.root.querySelectorAll('details')) d.open = true;
  await m.el.updateComplete;
  const r = await window.axe.run(m.el, { resultTypes: ['violations'] });
  return r.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes[0]?.target.join(' ')} ${v.nodes[0]?.failureSummary ?? ''}`);
}

for (const theme of ['light', 'dark'] as const) {
  describe(`accessibility, ${theme} theme`, () => {
    it('every view and the compact tile have no serious or critical axe violations', async function (this: { timeout(ms: number): void }) {
      // axe over six views is slow on a loaded 2-core machine (one CI run took over 15 s): a guard, not a speed goal.
      this.timeout(120_000);
      applyTheme(theme);
      const m = await mount({}, { shared, darkMode: theme === 'dark', rest: true });
      m.h.fire(zwaveNotification(19, null, 30 * 60_000));
      m.h.fire(zwaveNotification(6, 1, 10 * 60_000));
      await m.el.updateComplete;
      const found: string[] = [];
      for (const view of ['overview', 'alerts', 'codes', 'timeline', 'scorecard']) {
        await openView(m, view);
        found.push(...(await violations(m)).map((v) => `${view}: ${v}`));
      }
      // The code editor form and the delete confirmation too.
      await openView(m, 'codes');
      m.root.querySelector<HTMLButtonElement>('button[aria-label="Edit: Slot 1"]')!.click();
      await m.el.updateComplete;
      found.push(...(await violations(m)).map((v) => `code form: ${v}`));
      unmountAll();
      const compact = await mount({ mode: 'compact' }, { shared, darkMode: theme === 'dark' });
      found.push(...(await violations(compact)).map((v) => `compact: ${v}`));
      expect(found, found.join('\n')).to.deep.equal([]);
      // The check ran on real content: the views were not empty.
      expect(m.root.querySelectorAll('button').length).to.be.greaterThan(5);
    });
  });
}
