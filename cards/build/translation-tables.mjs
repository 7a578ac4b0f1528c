// Translation tables as modules that hold the JSON text: `import t from './xx.json?table'` gives a string that
// the card parses only for the language it uses. Shared by the rollup build and the web-test-runner dev server.
// English, the built-in language, comes in two parts: `?core` (what the first screen says: the overview, tabs,
// states, alert titles) ships with the card; `?rest` (the other views, the editor, the installer) loads with them.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

const SUFFIXES = ['?table', '?core', '?rest'];

/** Keys only the views that load on demand, the visual editor and the alert installer use. */
const REST = /^(config|install|codes|timeline|answer|role|verdict|scorecard|period|action|severity)\.|^(alerts\.(times|times_list|none|acknowledge|acknowledged)|status\.(pass|warn|fail|unknown)|finding\.evidence|finding\.fix|readonly|notice\.storage_per_user)$/;

/** The module text for one table (or one part of it): its JSON, validated and minified, as a string literal. */
export function tableModule(file, part = 'table') {
  const table = JSON.parse(readFileSync(file, 'utf8'));
  if (typeof table !== 'object' || table === null || Array.isArray(table)) throw new Error(`${file}: a translation table must be a JSON object`);
  const keep = part === 'core' ? (k) => !REST.test(k) : part === 'rest' ? (k) => REST.test(k) : () => true;
  return `export default ${JSON.stringify(JSON.stringify(Object.fromEntries(Object.entries(table).filter(([k]) => keep(k)))))};`;
}

const suffixOf = (id) => SUFFIXES.find((s) => id.endsWith(s));

export function rollupTables() {
  return {
    name: 'translation-tables',
    resolveId(source, importer) {
      const suffix = suffixOf(source);
      if (!suffix || !importer) return null;
      return resolve(dirname(importer), source.slice(0, -suffix.length)) + suffix;
    },
    load(id) {
      const suffix = suffixOf(id);
      return suffix ? tableModule(id.slice(0, -suffix.length), suffix.slice(1)) : null;
    },
  };
}

/** @web/dev-server plugin: serves `<root>/cards/translations/xx.json?table|core|rest` as the same module. */
export function devServerTables(root) {
  return {
    name: 'translation-tables',
    serve(context) {
      if (!/^\/cards\/translations\/[a-z]{2}\.json$/.test(context.path) || !SUFFIXES.includes(`?${context.querystring}`)) return undefined;
      return { body: tableModule(resolve(root, `.${context.path}`), context.querystring), type: 'js' };
    },
  };
}
