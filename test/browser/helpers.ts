import '../../cards/lock-sentinel-card/card.js';
import type { LockSentinelCard } from '../../cards/lock-sentinel-card/card.js';
import { harness, type Harness, type HarnessOptions } from './fixtures.js';

export interface Mounted {
  el: LockSentinelCard;
  h: Harness;
  root: ShadowRoot;
  /** Counts calls of render() from now on. */
  renders(): number;
}

const mounted: HTMLElement[] = [];

export async function until(cond: () => unknown, what = 'condition', ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/**
 * Mounts the card the way HA does: create, setConfig, hass, then attach; waits for the history load. `prepare` changes
 * the harness first (a house as HA shows it while starting: a lock without a state yet, one that does not answer).
 */
export async function mount(config: Record<string, unknown> = {}, opts: HarnessOptions = {}, prepare?: (h: Harness) => void): Promise<Mounted> {
  const h = harness(opts);
  prepare?.(h);
  const el = document.createElement('lock-sentinel-card') as LockSentinelCard;
  el.setConfig({ type: 'custom:lock-sentinel-card', ...config });
  el.hass = h.hass;
  const host = document.createElement('div');
  host.style.width = '600px';
  host.append(el);
  document.body.append(host);
  mounted.push(host);
  const root = el.shadowRoot!;
  await until(() => root.querySelector('.panel, .compact') && !root.querySelector('.loading, .loading-view'), 'card ready');
  await el.updateComplete;
  let count = 0;
  const orig = (el as unknown as { render: () => unknown }).render.bind(el);
  (el as unknown as { render: () => unknown }).render = () => {
    count++;
    return orig();
  };
  return { el, h, root, renders: () => count };
}

export function unmountAll(): void {
  for (const m of mounted.splice(0)) m.remove();
}

export const text = (root: ParentNode, selector: string): string[] =>
  [...root.querySelectorAll(selector)].map((n) => (n.textContent ?? '').replace(/\s+/g, ' ').trim());

export async function openView(m: Mounted, view: string): Promise<void> {
  const tab = m.root.querySelector<HTMLButtonElement>(`#tab-${view}`);
  if (!tab) throw new Error(`no tab ${view}`);
  tab.click();
  await m.el.updateComplete;
  // Views other than the overview load on first use.
  await until(() => !m.root.querySelector('.loading-view'), `view ${view} loaded`);
  await m.el.updateComplete;
}

/** Every text node and attribute value of a shadow tree (and nested shadow trees). */
export function allDomText(root: ParentNode): string {
  const out: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) out.push(node.textContent ?? '');
    if (node instanceof Element) {
      for (const a of node.attributes) out.push(a.value);
      if (node instanceof HTMLInputElement || node instanceof HTMLSelectElement || node instanceof HTMLTextAreaElement) out.push(node.value);
      if (node.shadowRoot) walk(node.shadowRoot);
    }
    for (const c of node.childNodes) walk(c);
  };
  walk(root as Node);
  return out.join('\n');
}
