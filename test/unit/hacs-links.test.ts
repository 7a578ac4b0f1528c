// Every link to the repository comes from src/repo.ts: README (npm run links), blueprints, the card's docs URL.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOCS_URL } from '../../cards/lock-sentinel-card/const.js';
import { blueprints } from '../../src/generate/blueprints.js';
import { blueprintImportLink, docsUrl, hacsRepositoryLink, REPO, REPO_NAME, repoUrl } from '../../src/repo.js';
import { minHomeAssistant, withLinks } from '../../scripts/links.js';

const root = join(import.meta.dirname, '..', '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to dashes. */
const slugs = new Set([...readme.matchAll(/^#{1,6} (.+)$/gm)].map((m) => m[1]!.toLowerCase().replace(/[^\w\- ]/g, '').replace(/ /g, '-')));

test('README.md is what `npm run links` writes from src/repo.ts and hacs.json', () => {
  assert.equal(withLinks(readme, minHomeAssistant()), readme);
});

test('the README states hacs.json\'s minimum Home Assistant and links HACS to this repository as a dashboard plugin', () => {
  assert.ok(readme.includes(`**${minHomeAssistant()}**`));
  const [owner, name] = REPO.split('/');
  assert.equal(hacsRepositoryLink(), `https://my.home-assistant.io/redirect/hacs_repository/?owner=${owner}&repository=${name}&category=plugin`);
  assert.ok(readme.includes(`(${hacsRepositoryLink()})`));
  assert.ok(readme.includes(`/hacsfiles/${REPO_NAME}/lock-sentinel-card.js`));
});

test('every blueprint has its import button in the README', () => {
  for (const f of blueprints()) assert.ok(readme.includes(`(${blueprintImportLink(`automations/${f.path}`)})`), f.path);
});

test('no other GitHub repository address in the README, the blueprints or the card\'s docs link', () => {
  const blueprintText = readdirSync(join(root, 'automations'), { recursive: true }).map(String).filter((f) => f.endsWith('.yaml'))
    .map((f) => readFileSync(join(root, 'automations', f), 'utf8')).join('\n');
  const importTargets = [...readme.matchAll(/blueprint_url=([^)\s]+)/g)].map((m) => decodeURIComponent(m[1]!));
  const texts = [readme, ...importTargets, blueprintText, DOCS_URL];
  const repos = new Set(texts.flatMap((t) => [...t.matchAll(/github\.com\/([\w.-]+\/[\w.-]+)/g)].map((m) => m[1]!.replace(/\.git$/, ''))));
  assert.deepEqual([...repos], [REPO]);
  assert.ok(blueprintText.includes(`source_url: ${repoUrl()}/blob/`));
});

test('the card\'s documentation link opens a section that exists in the README', () => {
  const anchor = DOCS_URL.split('#')[1]!;
  assert.equal(DOCS_URL, docsUrl(anchor));
  assert.ok(slugs.has(anchor), `README has no heading for #${anchor}`);
});
