// Driving Home Assistant's real frontend in Debian's Chromium: login through HA's login page, the dashboard that
// lab/frontend/up.mjs installed, the card inside HA's shadow roots (playwright's CSS selectors pierce open ones).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { lab, root, type LabInfo } from '../lab/support.js';
import { PRESET_CODES as Z2M_PINS } from '../../lab/z2m.mjs';

const CHROMIUM_ARGS = ['--no-sandbox', '--headless=new', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];

/** The lab's codes (Z-Wave mock locks, lab/zwave/server.cjs; the Zigbee2MQTT lock, lab/z2m.mjs): none may ever reach the page or its console. */
export const LAB_PINS = ['573194', '1234', '906217', '482916', ...Object.values(Z2M_PINS)];

export type Role = 'admin' | 'nonadmin';

/** An uncaught error or unhandled rejection in a page, as Chromium reports it. */
export interface PageError {
  /** Chromium's summary: "Uncaught" or "Uncaught (in promise)". */
  text: string;
  /** The thrown value's description ("Error: …" with its stack, or "Object" for a plain object). */
  description: string;
  /** A plain object's properties as Chromium previews them (`{code: 3, message: Connection lost}`), else its value. */
  value: string;
  /** Where it was thrown, or where the promise was rejected; innermost first. */
  frames: { url: string; fn: string; line: number; column: number }[];
}

export interface FrontendLab extends LabInfo {
  frontend: { dashboard: string; resource: string; users: Record<Role, { username: string; password: string }> };
}

/**
 * Runs the lab's frontend hook (idempotent): the freshly built bundle under a new `?v=<hash>`, the dashboard,
 * known passwords. A lab that was already running when `npm test` started would otherwise serve an older build.
 */
export function installCard(): FrontendLab {
  const r = spawnSync(process.execPath, [join(root, 'lab', 'frontend', 'up.mjs')], { encoding: 'utf8', env: process.env });
  if (r.status !== 0) throw new Error(`lab/frontend/up.mjs failed: ${r.stderr.trim() || r.stdout.trim()}`);
  const info = lab() as Partial<FrontendLab>;
  if (!info.frontend) throw new Error('lab.json has no frontend block after lab/frontend/up.mjs');
  return info as FrontendLab;
}

export const launch = (): Promise<Browser> =>
  chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true });

/**
 * Every browser console error and uncaught page error of the watched pages, and every console line holding a lab PIN.
 * No HA noise needs filtering while HA runs: HA 2025.4.4's frontend logs no errors here; what it does log (Vaadin's
 * "Material theme is deprecated" warning from the entity pickers, Chromium's "Autofocus processing was blocked" on the
 * login form) is warning/info level, which is not collected. Across an HA restart HA's frontend has errors of its own:
 * the restart test in card-in-ha.test.ts excuses them by origin.
 */
export class ConsoleWatch {
  readonly errors: string[] = [];
  readonly pinLeaks: string[] = [];
  /** Every console line and page error of every level, for scans for a PIN a test set (`leaks`). */
  readonly lines: string[] = [];
  /** Each uncaught page error with where it was thrown (or where the promise was rejected): its origin. */
  readonly pageErrors: PageError[] = [];

  /**
   * Page errors come from Chromium's own report (CDP `Runtime.exceptionThrown`), not playwright's `pageerror`: a
   * promise rejected with a plain object (as home-assistant-js-websocket rejects) reaches `pageerror` as the bare text
   * "Object", with neither its value nor where it came from.
   */
  async attach(page: Page): Promise<Page> {
    page.on('console', (m) => {
      const text = m.text();
      this.lines.push(text);
      if (hasPin(text).length) this.pinLeaks.push(`${m.type()}: a console line holds a lab PIN`);
      if (m.type() === 'error') this.errors.push(`console.error: ${text}`);
    });
    const cdp = await page.context().newCDPSession(page);
    cdp.on('Runtime.exceptionThrown', ({ exceptionDetails: d }) => {
      const ex = d.exception;
      const value = ex?.preview?.properties?.length
        ? `{${ex.preview.properties.map((p) => `${p.name}: ${p.value ?? p.type}`).join(', ')}}` : String(ex?.value ?? '');
      const frames = (d.stackTrace?.callFrames ?? []).map((f) => ({ url: f.url, fn: f.functionName, line: f.lineNumber + 1, column: f.columnNumber + 1 }));
      const error: PageError = { text: d.text, description: ex?.description ?? d.text, value, frames };
      this.pageErrors.push(error);
      this.lines.push(error.description, value, ...frames.map((f) => f.url));
      const at = frames[0] ? ` at ${frames[0].fn || '(anonymous)'} (${frames[0].url}:${frames[0].line}:${frames[0].column})` : '';
      this.errors.push(`pageerror: ${d.text} ${error.description}${value ? ` ${value}` : ''}${at}`);
    });
    await cdp.send('Runtime.enable');
    return page;
  }

  /** How many console lines hold one of `pins` (never the lines themselves: they would print the PIN). */
  leaks(pins: readonly string[]): number {
    return this.lines.filter((l) => hasPin(l, pins).length > 0).length;
  }
}

/** An `unsubscribe_events` HA refused on a page's connection, with the script URLs of the frames that called it. */
export interface RefusedUnsubscribe {
  code: string;
  message: string;
  callers: string[];
}

/**
 * Records each `unsubscribe_events` that HA refuses on the page's own connection (`hass.connection`, which outlives
 * reconnects) and who sent it: the script URLs on the stack of the call (the page's `new Error().stack`), innermost
 * first. Read with the returned function. Nothing else changes: the caller gets the same promise.
 */
export async function traceRefusedUnsubscribes(page: Page): Promise<() => Promise<RefusedUnsubscribe[]>> {
  await page.evaluate(`(() => {
    const conn = document.querySelector('home-assistant').hass.connection;
    const send = conn.sendMessagePromise.bind(conn);
    window.__lsRefusedUnsubscribes = [];
    conn.sendMessagePromise = (msg) => {
      const stack = new Error().stack ?? '';
      const answer = send(msg);
      if (msg.type === 'unsubscribe_events') {
        answer.catch((err) => window.__lsRefusedUnsubscribes.push({
          code: String(err?.code), message: String(err?.message),
          callers: [...stack.matchAll(/(https?:\\/\\/[^\\s)]+):\\d+:\\d+/g)].map((m) => m[1]),
        }));
      }
      return answer;
    };
  })()`);
  return () => page.evaluate('window.__lsRefusedUnsubscribes') as Promise<RefusedUnsubscribe[]>;
}

/** Logs in through HA's login page (what a person types) and lands on the lab dashboard with the card loaded. */
export async function login(context: BrowserContext, info: FrontendLab, role: Role, watch: ConsoleWatch): Promise<Page> {
  const page = await watch.attach(await context.newPage());
  await page.goto(info.url + info.frontend.dashboard);
  const { username, password } = info.frontend.users[role];
  await page.getByRole('textbox', { name: 'Username' }).fill(username);
  await page.getByRole('textbox', { name: 'Password' }).fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL((u) => u.pathname === info.frontend.dashboard && !u.search.includes('auth_callback'), { timeout: 30000 });
  await cardReady(page);
  return page;
}

/** A new page in an already logged-in context (HA keeps its tokens in localStorage). */
export async function open(context: BrowserContext, info: FrontendLab, watch: ConsoleWatch): Promise<Page> {
  const page = await watch.attach(await context.newPage());
  await page.goto(info.url + info.frontend.dashboard);
  await cardReady(page);
  return page;
}

/** The card inside HA's `hui-card`, with its tabs rendered and the history loaded. */
export async function cardReady(page: Page): Promise<void> {
  await page.locator('hui-card lock-sentinel-card [role="tablist"]').waitFor({ timeout: 30000 });
  await page.locator('hui-card lock-sentinel-card .loading').first().waitFor({ state: 'detached', timeout: 30000 });
}

/** The card's visible text pieces for a selector inside it, whitespace collapsed. */
export async function texts(page: Page, selector: string): Promise<string[]> {
  return (await page.locator(`hui-card lock-sentinel-card ${selector}`).allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
}

/** Everything the card's subtree holds: text, attribute values and form values, through shadow roots. */
export function cardDom(page: Page): Promise<string> {
  return page.locator('hui-card lock-sentinel-card').first().evaluate(DEEP_DOM);
}

/** The same for the whole page: HA's frontend and every card, through shadow roots. */
export function pageDom(page: Page): Promise<string> {
  return page.locator('html').evaluate(DEEP_DOM);
}

// A plain function source: tsx would wrap a named inner function of a TypeScript callback in a helper the page lacks.
const DEEP_DOM = `(card) => {
  const out = [];
  const walk = (n) => {
    if (n.nodeType === Node.TEXT_NODE) out.push(n.data);
    if (n instanceof Element) {
      for (const a of n.attributes) out.push(a.value);
      if ('value' in n && typeof n.value === 'string') out.push(n.value);
      if (n.shadowRoot) walk(n.shadowRoot);
    }
    for (const c of n.childNodes) walk(c);
  };
  walk(card);
  return out.join('\\n');
}`;

/** Which of `pins` (the lab's by default) the text holds as a whole number (not inside a longer run of digits). */
export const hasPin = (text: string, pins: readonly string[] = LAB_PINS) => pins.filter((pin) => new RegExp(`(^|\\D)${pin}(\\D|$)`).test(text));

export const contextOptions = (o: BrowserContextOptions = {}): BrowserContextOptions => ({
  viewport: { width: 1280, height: 900 }, colorScheme: 'light', locale: 'en-US', timezoneId: 'Europe/Berlin', ...o,
});
