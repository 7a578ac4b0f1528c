// The card in Debian's Chromium (playwright-core, nothing downloaded): first render with 20 locks and 30 days of
// history, renders on 1,000 unrelated hass updates, time to apply one new lock event. See card-page.js.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, PAGE, distRoutes, file, serve } from './serve.mjs';

const root = new URL('..', import.meta.url).pathname;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

/** `runs` fresh pages; times are medians over the pages, render counts the worst page. */
export async function cardBench({ log, days = 30, runs = 5 }) {
  const fixture = join(root, 'bench', 'data', 'card-fixture.json');
  // History relative to now, made fresh each run.
  execFileSync(process.execPath, ['--import', 'tsx', join(root, 'bench', 'card-fixture.ts'), fixture, String(days)], { cwd: root, stdio: 'inherit' });
  const server = await serve({
    '/': ['html', () => PAGE],
    ...distRoutes(root),
    '/bench.js': ['js', file(join(root, 'bench', 'card-page.js'))],
    '/fixture.json': ['json', file(fixture)],
  });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true });
  try {
    log(`card: Chromium ${browser.version()}, 20 locks, ${days} days of history, ${runs} fresh pages ...`);
    const results = [];
    for (let i = 0; i < runs; i++) {
      const page = await browser.newPage({ viewport: { width: 680, height: 1200 } });
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${server.url}/`);
      await page.addScriptTag({ type: 'module', url: '/bench.js' });
      await page.waitForFunction(() => window.__bench || null, undefined, { timeout: 180_000, polling: 250 }).catch((e) => {
        throw new Error(`card benchmark did not finish: ${errors.join('; ') || e.message}`);
      });
      results.push(await page.evaluate(() => window.__bench));
      if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
      await page.close();
    }
    const times = (k) => results.map((r) => r[k]);
    return {
      chromium: browser.version(), runs, ...results.at(-1),
      first_render_ms: median(times('first_render_ms')), first_render_ms_runs: times('first_render_ms'),
      event_apply_ms: median(times('event_apply_ms')), event_apply_max_ms: Math.max(...times('event_apply_max_ms')),
      unrelated_hass_set_us: median(times('unrelated_hass_set_us')),
      renders_on_unrelated_updates: Math.max(...times('renders_on_unrelated_updates')),
      renders_on_related_update: Math.min(...times('renders_on_related_update')),
    };
  } finally {
    await browser.close();
    await server.close();
  }
}
