// Rollup plugin: `import { mdiLock } from '@mdi/js'` becomes one tiny module per icon, so each icon ships in the
// chunk that uses it. (@mdi/js is one module: rollup would put every icon used anywhere into the shared startup chunk.)
import { createRequire } from 'node:module';

const PREFIX = '\0mdi-icon:';
const IMPORT = /import\s*\{([^}]+)\}\s*from\s*['"]@mdi\/js['"];?/g;

export function mdiIcons() {
  const require = createRequire(import.meta.url);
  let icons;
  return {
    name: 'mdi-icons',
    transform(code, id) {
      if (id.startsWith('\0') || !code.includes('@mdi/js')) return null;
      const out = code.replace(IMPORT, (_m, names) =>
        names.split(',').map((n) => n.trim()).filter(Boolean).map((n) => `import ${n} from '${PREFIX}${n}';`).join('\n'));
      return out === code ? null : { code: out, map: null };
    },
    resolveId(source) {
      return source.startsWith(PREFIX) ? source : null;
    },
    load(id) {
      if (!id.startsWith(PREFIX)) return null;
      icons ??= require('@mdi/js');
      const name = id.slice(PREFIX.length);
      if (typeof icons[name] !== 'string') throw new Error(`@mdi/js has no icon ${name}`);
      return `export default ${JSON.stringify(icons[name])};`;
    },
  };
}
