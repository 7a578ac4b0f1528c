// `npm run links`: rewrites every link and fact the README derives from src/repo.ts and hacs.json, so changing the
// repository's address (REPO) or the minimum Home Assistant is one edit plus this command. Generated places are
// `<!-- generated:KEY -->…<!-- /generated:KEY -->` spans and the Import cell of each blueprint row (a row naming
// `automations/<file>`). test/unit/hacs-links.test.ts fails when the README drifts from this.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importLink } from '../src/generate/blueprints.js';
import { hacsRepositoryLink, REPO, REPO_NAME, repoUrl } from '../src/repo.js';

const root = join(import.meta.dirname, '..');
const HACS_FILENAME = (JSON.parse(readFileSync(join(root, 'hacs.json'), 'utf8')) as { filename: string }).filename;

/** What each generated span holds. */
export function generatedSpans(minHa: string): Record<string, string> {
  const HACS_RESOURCE = `/hacsfiles/${REPO_NAME}/${HACS_FILENAME}`;
  return {
    'hacs-button': `[![Open your Home Assistant instance and open a repository inside the Home Assistant Community Store.](https://my.home-assistant.io/badges/hacs_repository.svg)](${hacsRepositoryLink()})`,
    'repo-url': `\`${repoUrl()}\``,
    'repo': `\`github.com/${REPO}\``,
    'latest-release': `[latest release](${repoUrl()}/releases/latest)`,
    'hacs-folder': `\`<config>/www/community/${REPO_NAME}/\``,
    'hacs-resource': `\`${HACS_RESOURCE}?hacstag=…\``,
    'hacs-yaml': ['', '```yaml', 'lovelace:', '  resources:', `    - url: ${HACS_RESOURCE}`, '      type: module', '```', ''].join('\n'),
    'min-ha': `**${minHa}**`,
  };
}

const IMPORT_BADGE = '[![Import](https://my.home-assistant.io/badges/blueprint_import.svg)]';

/** The README with every generated place rewritten; throws on an unknown span key. */
export function withLinks(readme: string, minHa: string): string {
  const spans = generatedSpans(minHa);
  const out = readme.replace(/<!-- generated:([\w-]+) -->[\s\S]*?<!-- \/generated:\1 -->/g, (_, key: string) => {
    if (!(key in spans)) throw new Error(`README: unknown generated span ${key}`);
    return `<!-- generated:${key} -->${spans[key]}<!-- /generated:${key} -->`;
  });
  return out.split('\n').map((line) => {
    const file = /`automations\/([\w/]+\.yaml)`/.exec(line)?.[1];
    if (!file || !line.includes(IMPORT_BADGE)) return line;
    const start = line.indexOf(IMPORT_BADGE) + IMPORT_BADGE.length;
    const end = line.indexOf(')', start);
    return `${line.slice(0, start)}(${importLink(file)})${line.slice(end + 1)}`;
  }).join('\n');
}

export const minHomeAssistant = (): string => (JSON.parse(readFileSync(join(root, 'hacs.json'), 'utf8')) as { homeassistant: string }).homeassistant;

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = join(root, 'README.md');
  const before = readFileSync(file, 'utf8');
  const after = withLinks(before, minHomeAssistant());
  if (after !== before) writeFileSync(file, after);
  console.log(after === before ? 'README.md: links up to date' : 'README.md: links rewritten');
}
