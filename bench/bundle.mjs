// Bundle size: raw and gzip bytes of the shipped card, and each dependency's share. The shares come from a separate
// analysis build (the same rollup input and plugins as the shipped build, generated in memory, nothing written):
// every module's rendered code, grouped, minified by the same minifier and gzipped on its own.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { rollup } from 'rollup';
import { transform } from 'esbuild';

const root = new URL('..', import.meta.url).pathname;

/** Which part of the bundle a module belongs to. */
export function groupOf(id) {
  const path = id.replace(/\\/g, '/');
  if (/\/cards\/translations\/[^/]+$/.test(path)) return 'translations';
  if (/node_modules\/(lit|lit-html|lit-element|@lit\/[^/]+)\//.test(path)) return 'lit';
  if (/node_modules\/date-fns\/locale\//.test(path)) return 'date-fns locales';
  if (/node_modules\/date-fns\//.test(path)) return 'date-fns';
  if (/node_modules\/home-assistant-js-websocket\//.test(path)) return 'home-assistant-js-websocket';
  if (path.startsWith(join(root, 'src/generate/'))) return 'automation generator (src/generate/)';
  if (path.startsWith(join(root, 'src/'))) return 'engine (src/)';
  if (path.startsWith(join(root, 'cards/'))) return 'card (cards/)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(path);
  return pkg ? pkg[1] : 'other';
}

const gz = (buf) => gzipSync(buf, { level: 9 }).length;

export async function bundleBench() {
  const configs = (await import(join(root, 'rollup.config.mjs'))).default;
  const card = (Array.isArray(configs) ? configs : [configs]).find((c) => String(c.output?.file).endsWith('lock-sentinel-card.js'));
  if (!card) throw new Error('rollup.config.mjs has no build of lock-sentinel-card.js');
  const shipped = readFileSync(join(root, card.output.file));
  const build = await rollup({ input: card.input, plugins: card.plugins, onwarn: () => {} });
  const { output } = await build.generate(card.output);
  await build.close();
  const chunk = output.find((o) => o.type === 'chunk' && o.isEntry);
  const groups = new Map();
  for (const [id, m] of Object.entries(chunk.modules)) {
    if (!m.renderedLength) continue;
    const g = groups.get(groupOf(id)) ?? { rendered: 0, code: [] , modules: 0 };
    g.rendered += m.renderedLength;
    g.code.push(m.code ?? '');
    g.modules++;
    groups.set(groupOf(id), g);
  }
  const parts = [];
  for (const [name, g] of groups) {
    const min = (await transform(g.code.join('\n'), { minify: true, target: 'es2022', charset: 'utf8', format: 'esm' })).code;
    const label = name === 'translations' ? `translations (${g.modules} languages)` : name;
    parts.push({ name: label, modules: g.modules, rendered: g.rendered, minified: Buffer.byteLength(min), gzip_alone: gz(Buffer.from(min)) });
  }
  const minTotal = parts.reduce((s, p) => s + p.minified, 0);
  const gzipTotal = gz(shipped);
  for (const p of parts) {
    p.share = Math.round((1000 * p.minified) / minTotal) / 10;
    p.est_raw = Math.round((shipped.length * p.minified) / minTotal);
    p.est_gzip = Math.round((gzipTotal * p.minified) / minTotal);
  }
  parts.sort((a, b) => b.minified - a.minified);
  return {
    file: card.output.file, raw: shipped.length, gzip: gzipTotal, gzip_level: 9,
    // The analysis build must be the shipped one: same size before minification means same modules.
    analysis_raw: Buffer.byteLength(chunk.code), parts,
  };
}
