// Bundle size: raw and gzip bytes of what the card loads at startup (dist/lock-sentinel-card.js and the chunks it
// imports statically), of every on-demand chunk in dist/, each dependency's and each module's share of the startup code. The
// shares come from a separate analysis build (the same rollup input, output and plugins as the shipped build,
// generated in memory, nothing written): each module's rendered code, grouped, minified together and measured.
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

const gz = (buf, level) => gzipSync(buf, { level }).length;
const sizes = (buf) => ({ raw: buf.length, gzip: gz(buf, 9), gzip6: gz(buf, 6) });

/** The card's build from rollup.config.mjs. */
async function cardBuild() {
  const configs = (await import(join(root, 'rollup.config.mjs'))).default;
  const card = (Array.isArray(configs) ? configs : [configs]).find((c) => String(c.input).includes('lock-sentinel-card'));
  if (!card) throw new Error('rollup.config.mjs has no build of the card');
  return card;
}

export async function bundleBench() {
  const card = await cardBuild();
  const dir = card.output.dir ?? join(card.output.file, '..');
  const build = await rollup({ input: card.input, plugins: card.plugins, onwarn: () => {} });
  const { output } = await build.generate(card.output);
  await build.close();
  const chunks = output.filter((o) => o.type === 'chunk');
  const entry = chunks.find((c) => c.isEntry);
  // Startup: the entry and, transitively, what it imports statically. Everything else loads on demand.
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const startup = new Set();
  const visit = (c) => { if (startup.has(c.fileName)) return; startup.add(c.fileName); c.imports.forEach((f) => visit(byName.get(f))); };
  visit(entry);
  // The protocol modules (src/adapters/index.ts's manifest): the card loads those of the house's locks.
  const manifest = readFileSync(join(root, 'src/adapters/index.ts'), 'utf8');
  const protocolModules = new Set([...manifest.matchAll(/import\('\.\/([a-z0-9-]+)\.js'\)/g)].map((m) => join(root, 'src/adapters', `${m[1]}.ts`)));
  const loadedAs = (c) => (startup.has(c.fileName) ? 'startup' : protocolModules.has(c.facadeModuleId) ? "with a house's protocol" : 'on demand');
  const files = chunks.map((c) => {
    // The shipped file must be the analysed one (same name, same bytes), or the run measured a stale dist/.
    let shipped;
    try { shipped = readFileSync(join(root, dir, c.fileName)); } catch { throw new Error(`${join(dir, c.fileName)} is missing: dist/ is older than the sources (npm run build)`); }
    if (shipped.toString('utf8') !== c.code) throw new Error(`${join(dir, c.fileName)} differs from a fresh build: dist/ is stale (npm run build)`);
    return { file: join(dir, c.fileName), loaded: loadedAs(c), modules: Object.keys(c.modules).map((id) => id.replace(root, '')).filter((id) => !id.startsWith('\0')).length, ...sizes(shipped) };
  });
  const groups = new Map();
  const modules = [];
  for (const c of chunks.filter((x) => startup.has(x.fileName))) {
    for (const [id, m] of Object.entries(c.modules)) {
      if (!m.renderedLength) continue;
      modules.push({ id: id.replace(root, '').replace(/^\0/, ''), code: m.code ?? '' });
      const g = groups.get(groupOf(id)) ?? { code: [], modules: 0, names: [] };
      g.code.push(m.code ?? '');
      g.modules++;
      g.names.push(/([^/]+?)(\.json)?(\?table)?$/.exec(id)[1]);
      groups.set(groupOf(id), g);
    }
  }
  const parts = [];
  for (const [name, g] of groups) {
    const min = (await transform(g.code.join('\n'), { minify: true, target: 'es2022', charset: 'utf8', format: 'esm' })).code;
    parts.push({ name: name === 'translations' ? `translations (${g.names.join(', ')})` : name, modules: g.modules, minified: Buffer.byteLength(min), gzip_alone: gz(Buffer.from(min), 9) });
  }
  const startupFiles = files.filter((f) => f.loaded === 'startup');
  const total = (fs, k) => fs.reduce((s, f) => s + f[k], 0);
  const raw = total(startupFiles, 'raw'), gzip = total(startupFiles, 'gzip');
  const minTotal = parts.reduce((s, p) => s + p.minified, 0);
  for (const p of parts) {
    p.share = Math.round((1000 * p.minified) / minTotal) / 10;
    p.est_gzip = Math.round((gzip * p.minified) / minTotal);
  }
  parts.sort((a, b) => b.minified - a.minified);
  // Each startup module's share, measured as the groups are: its code minified alone, its share of the file's gzip.
  for (const m of modules) m.minified = Buffer.byteLength((await transform(m.code, { minify: true, target: 'es2022', charset: 'utf8', format: 'esm' })).code);
  const modTotal = modules.reduce((s, m) => s + m.minified, 0);
  const startupModules = modules.map(({ id, minified }) => ({ id, minified, est_gzip: Math.round((gzip * minified) / modTotal) }))
    .sort((a, b) => b.minified - a.minified);
  return {
    entry: join(dir, entry.fileName),
    // What a dashboard downloads to show the card (entry + static imports), gzip -9 (and -6, gzip's default).
    raw, gzip, gzip6: total(startupFiles, 'gzip6'),
    on_demand: { raw: total(files, 'raw') - raw, gzip: total(files, 'gzip') - gzip },
    // What each protocol of the house adds to the first screen (a house with generic locks only adds nothing).
    protocol_gzip: files.filter((f) => f.loaded !== 'startup' && f.loaded !== 'on demand').map((f) => f.gzip).sort((a, b) => a - b),
    files, parts, startup_modules: startupModules,
  };
}
