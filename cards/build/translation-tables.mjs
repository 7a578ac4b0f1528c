// Translation tables as modules that hold the JSON text: `import t from './xx.json?table'` gives a string that
// the card parses only for the language it uses. Shared by the rollup build and the web-test-runner dev server.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

const SUFFIX = '?table';

/** The module text for one table: its JSON, validated and minified, as a string literal. */
export function tableModule(file) {
  const table = JSON.parse(readFileSync(file, 'utf8'));
  if (typeof table !== 'object' || table === null || Array.isArray(table)) throw new Error(`${file}: a translation table must be a JSON object`);
  return `export default ${JSON.stringify(JSON.stringify(table))};`;
}

export function rollupTables() {
  return {
    name: 'translation-tables',
    resolveId(source, importer) {
      if (!source.endsWith(SUFFIX) || !importer) return null;
      return resolve(dirname(importer), source.slice(0, -SUFFIX.length)) + SUFFIX;
    },
    load(id) {
      return id.endsWith(SUFFIX) ? tableModule(id.slice(0, -SUFFIX.length)) : null;
    },
  };
}

/** @web/dev-server plugin: serves `<root>/cards/translations/xx.json?table` as the same module. */
export function devServerTables(root) {
  return {
    name: 'translation-tables',
    serve(context) {
      if (!/^\/cards\/translations\/[a-z]{2}\.json$/.test(context.path) || context.querystring !== 'table') return undefined;
      return { body: tableModule(resolve(root, `.${context.path}`)), type: 'js' };
    },
  };
}
