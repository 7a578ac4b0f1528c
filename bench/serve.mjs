// A tiny local web server for the browser benchmarks: fixed routes to files (or generated text), nothing else.
import { createServer } from 'node:http';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const TYPES = { js: 'text/javascript', json: 'application/json', html: 'text/html' };

/** routes: path → [type, () => string | Buffer]. Resolves to {url, close}. */
export function serve(routes) {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const route = routes[path];
    if (!route) return res.writeHead(404).end();
    const [type, body] = route;
    res.writeHead(200, { 'content-type': TYPES[type], 'cache-control': 'no-store' });
    res.end(body());
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({
    url: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((r) => server.close(r)),
  })));
}

export const file = (path) => () => readFileSync(path);
export const PAGE = '<!doctype html><html><body style="margin:8px;width:640px;font-family:sans-serif"></body></html>';

export const CHROMIUM_ARGS = ['--no-sandbox', '--headless=new', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Every file of the card's dist/ at the site root (the entry imports its chunks relatively), the entry also as /card.js. */
export function distRoutes(root) {
  const dist = join(root, 'dist');
  const routes = { '/card.js': ['js', file(join(dist, 'lock-sentinel-card.js'))] };
  for (const name of readdirSync(dist)) if (name.endsWith('.js')) routes[`/${name}`] = ['js', file(join(dist, name))];
  return routes;
}
