#!/usr/bin/env node
// `node scripts/changelog.mjs vX.Y.Z`: prints CHANGELOG.md's section for that version (the release notes), without
// its heading. A missing or empty section: one line on stderr, exit 2.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

/** The body of `## [X.Y.Z]…` or `## X.Y.Z…` up to the next `## `, trimmed; null when absent or empty. */
export function releaseNotes(changelog, tag) {
  const version = tag.replace(/^v/, '');
  const lines = changelog.split('\n');
  const start = lines.findIndex((l) => new RegExp(`^## \\[?${version.replace(/\./g, '\\.')}\\]?(\\s|$)`).test(l));
  if (start < 0) return null;
  const end = lines.findIndex((l, i) => i > start && l.startsWith('## '));
  const body = lines.slice(start + 1, end < 0 ? undefined : end).join('\n').trim();
  return body || null;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const tag = process.argv[2];
  const notes = tag && /^v?\d+\.\d+\.\d+(-[\w.]+)?$/.test(tag) ? releaseNotes(readFileSync(join(root, 'CHANGELOG.md'), 'utf8'), tag) : null;
  if (!notes) {
    console.error(tag ? `changelog: CHANGELOG.md has no notes for ${tag}` : 'changelog: usage: node scripts/changelog.mjs vX.Y.Z');
    process.exit(2);
  }
  console.log(notes);
}
