// Element tests of the dashboard card in Debian's Chromium (nothing downloaded).
// Prints `N passed, N failed` at the end (scripts/test.mjs sums it).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { sendKeysPlugin, setViewportPlugin } from '@web/test-runner-commands/plugins';
import { devServerTables } from './cards/build/translation-tables.mjs';

const root = new URL('.', import.meta.url).pathname;

/** `executeServerCommand('screenshot', {path, selector})`: a PNG of one element, under test/screenshots/. */
function screenshotPlugin() {
  return {
    name: 'lock-sentinel-screenshot',
    async executeCommand({ command, payload, session }) {
      if (command !== 'screenshot') return undefined;
      const file = resolve(root, 'test/screenshots', String(payload.name).replace(/[^a-z0-9-]/gi, '_') + '.png');
      mkdirSync(dirname(file), { recursive: true });
      const page = session.browser.getPage(session.id);
      await page.locator(payload.selector).first().screenshot({ path: file, animations: 'disabled' });
      return file.slice(root.length);
    },
  };
}

/**
 * `executeServerCommand('baseline', {name, selector})`: a fresh PNG of one element next to the committed baseline
 * (test/browser/baselines/<name>.png), both base64, for the page to compare pixel by pixel. UPDATE_BASELINES=1
 * rewrites the baseline instead; a missing baseline is an error, never created silently.
 */
function baselinePlugin() {
  return {
    name: 'lock-sentinel-baseline',
    async executeCommand({ command, payload, session }) {
      if (command !== 'baseline') return undefined;
      const file = resolve(root, 'test/browser/baselines', String(payload.name).replace(/[^a-z0-9-]/gi, '_') + '.png');
      const page = session.browser.getPage(session.id);
      const actual = await page.locator(payload.selector).first().screenshot({ animations: 'disabled' });
      if (process.env.UPDATE_BASELINES === '1' && payload.compareOnly !== true) {
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, actual);
        return { updated: true, actual: actual.toString('base64'), baseline: actual.toString('base64') };
      }
      if (!existsSync(file)) return { missing: file.slice(root.length) };
      return { updated: false, actual: actual.toString('base64'), baseline: readFileSync(file).toString('base64') };
    },
  };
}

/** Totals across all test files, printed once at the end. */
function totalsReporter() {
  let passed = 0;
  let failed = 0;
  const walk = (suite) => {
    for (const t of suite?.tests ?? []) (t.passed ? passed++ : failed++);
    for (const s of suite?.suites ?? []) walk(s);
  };
  return {
    onTestRunFinished({ sessions }) {
      for (const s of sessions) {
        walk(s.testResults);
        if (!s.passed && !s.testResults?.tests?.length && !s.testResults?.suites?.length) failed++;
      }
      console.log(`\n${passed} passed, ${failed} failed`);
    },
  };
}

export default {
  rootDir: root,
  files: ['test/browser/**/*.test.ts'],
  nodeResolve: { exportConditions: ['production'] },
  concurrency: 1,
  testFramework: { config: { timeout: 15000 } },
  plugins: [
    devServerTables(root),
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: resolve(root, 'tsconfig.json') }),
    sendKeysPlugin(),
    setViewportPlugin(),
    screenshotPlugin(),
    baselinePlugin(),
  ],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: {
        executablePath: '/usr/bin/chromium',
        headless: true,
        args: ['--no-sandbox', '--headless=new', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
          '--disable-component-update', '--disable-sync', '--no-first-run'],
      },
    }),
  ],
  reporters: [defaultReporter(), totalsReporter()],
};
