import { nodeResolve } from '@rollup/plugin-node-resolve';
import esbuild, { minify } from 'rollup-plugin-esbuild';
import { existsSync } from 'node:fs';
import { rollupTables } from './cards/build/translation-tables.mjs';

// Two faces of one engine: the dashboard card (browser, one ES module) and the CLI (Node).
const builds = [];

// LS_BUILD=cli builds only the CLI (quick engine work).
if (process.env.LS_BUILD !== 'cli' && existsSync('cards/lock-sentinel-card/card.ts')) {
  builds.push({
    input: 'cards/lock-sentinel-card/card.ts',
    output: { file: 'dist/lock-sentinel-card.js', format: 'es', inlineDynamicImports: true },
    plugins: [
      nodeResolve({ browser: true, exportConditions: ['production'] }),
      rollupTables(),
      esbuild({ target: 'es2022', charset: 'utf8', tsconfig: 'tsconfig.json' }),
      // Minify the whole chunk (not module by module): names are mangled across modules.
      minify({ target: 'es2022', charset: 'utf8' }),
    ],
  });
}

builds.push({
  input: 'src/cli/main.ts',
  output: { file: 'dist/cli.js', format: 'es', banner: '#!/usr/bin/env node' },
  external: (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0'),
  plugins: [esbuild({ target: 'node20', tsconfig: 'tsconfig.json' })],
});

export default builds;
