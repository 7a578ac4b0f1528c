// hacs.json as HACS reads it (hacs/integration custom_components/hacs/utils/validate.py, HACS_MANIFEST_JSON_SCHEMA:
// unknown keys fail validation) and the README/CHANGELOG HACS users need.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'hacs.json'), 'utf8')) as Record<string, unknown>;
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string; license: string };

/** The keys HACS accepts and their types. `zip_release` is accepted but for integrations only: not for a card. */
const ACCEPTED: Record<string, 'string' | 'boolean' | 'country'> = {
  name: 'string', filename: 'string', homeassistant: 'string', hacs: 'string', persistent_directory: 'string',
  content_in_root: 'boolean', hide_default_branch: 'boolean', render_readme: 'boolean', zip_release: 'boolean', country: 'country',
};

test('hacs.json holds only keys HACS accepts, with their types, and a name', () => {
  for (const [key, value] of Object.entries(manifest)) {
    assert.ok(key in ACCEPTED, `HACS rejects the key ${key}`);
    const type = ACCEPTED[key];
    if (type === 'country') assert.ok(typeof value === 'string' || Array.isArray(value), key);
    else assert.equal(typeof value, type, key);
  }
  assert.equal(typeof manifest.name, 'string');
  assert.ok((manifest.name as string).length > 0);
});

test('hacs.json: the card comes from the release assets (no zip, not from the repository root)', () => {
  assert.ok(!('zip_release' in manifest), 'zip_release is for integrations');
  assert.ok(!manifest.content_in_root, 'content_in_root would make HACS skip the release assets');
  assert.match(String(manifest.filename), /^[\w-]+\.js$/, 'a file name, no folder (HACS drops folders from it)');
});

test('hacs.json: homeassistant is a full release version (HACS compares it with the running HA)', () => {
  assert.match(String(manifest.homeassistant), /^20\d\d\.\d{1,2}\.\d+$/);
});

test('the README shows HACS users an image (hacs/action "images" check) and the license is MIT (OSI)', () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const images = readme.split('\n').filter((l) => (l.includes('![') || l.includes('<img')) && !/-shield|img\.shields\.io|buymeacoffee\.com/.test(l));
  assert.ok(images.some((l) => /\.png\)/.test(l)), 'a screenshot in the README');
  assert.equal(pkg.license, 'MIT');
  assert.match(readFileSync(join(root, 'LICENSE'), 'utf8'), /^MIT License/);
});
