// Element tests of the dashboard card in Debian's Chromium (nothing downloaded).
// Prints `N passed, N failed` at the end (scripts/test.mjs sums it).
import { mkdirSync } from 'node:fs';
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
