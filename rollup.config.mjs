import { nodeResolve } from '@rollup/plugin-node-resolve';
import esbuild from 'rollup-plugin-esbuild';
import terser from '@rollup/plugin-terser';
import { existsSync, readFileSync } from 'node:fs';
import { rollupTables } from './cards/build/translation-tables.mjs';
import { mdiIcons } from './cards/build/mdi-icons.mjs';

// The card's version (its console line LOCK-SENTINEL-CARD vX.Y.Z): package.json's, or LS_VERSION for a test build.
const version = process.env.LS_VERSION ?? JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')).version;

// Two faces of one engine: the dashboard card (browser, dist/ as HACS ships it) and the CLI (Node, build/).
const builds = [];

// LS_BUILD=cli builds only the CLI (quick engine work), LS_BUILD=card only the card (scripts/release.mjs, into LS_CARD_DIR).
if (process.env.LS_BUILD !== 'cli' && existsSync('cards/lock-sentinel-card/card.ts')) {
  builds.push({
    input: 'cards/lock-sentinel-card/card.ts',
    // HACS ships everything in dist/: the card, plus chunks it loads only when needed (a language other than
    // English, the alert installer for admins). Content-hashed chunk names keep browser caches honest. The entry
    // stays a small facade over the main chunk: HA and HACS load it with a query string (?v=, ?hacstag=), and
    // chunks that imported the entry itself would load it a second time under another URL.
    output: { dir: process.env.LS_CARD_DIR ?? 'dist', format: 'es', entryFileNames: 'lock-sentinel-card.js', chunkFileNames: 'lock-sentinel-card-[name]-[hash].js' },
    plugins: [
      nodeResolve({ browser: true, exportConditions: ['production'] }),
      rollupTables(),
      mdiIcons(),
      esbuild({ target: 'es2022', charset: 'utf8', tsconfig: 'tsconfig.json', define: { __CARD_VERSION__: JSON.stringify(version) } }),
      // Minify each whole chunk (not module by module): names are mangled across modules; terser packs tighter than esbuild.
      terser({ ecma: 2022, module: true, compress: { passes: 3, unsafe_arrows: true }, format: { comments: false } }),
    ],
  });
}

if (process.env.LS_BUILD !== 'card') builds.push({
  input: 'src/cli/main.ts',
  // One file: the protocol modules the card loads on demand are all in it (src/adapters/all.ts registers them).
  output: { file: 'build/cli.js', format: 'es', banner: '#!/usr/bin/env node', inlineDynamicImports: true },
  external: (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0'),
  plugins: [esbuild({ target: 'node20', tsconfig: 'tsconfig.json' })],
});

export default builds;
