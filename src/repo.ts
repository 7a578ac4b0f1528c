// Where Lock Sentinel lives on GitHub: the one place that knows it. Every link (README buttons, the card's
// documentation URL, blueprint source and import links, the HACS button) is generated from here.

/** `owner/name` on GitHub. A placeholder until the real repository exists: change it here and run `npm run links`. */
export const REPO = 'lock-sentinel/lock-sentinel';
/** The branch that blueprint links and the README point at. */
export const DEFAULT_BRANCH = 'main';

/** HACS' folder name for a dashboard plugin: the repository name (`<config>/www/community/<name>/`). */
export const REPO_NAME = REPO.split('/')[1]!;

export const repoUrl = (): string => `https://github.com/${REPO}`;

/** A README section (`#anchor`, GitHub's heading slug) on the repository's front page. */
export const docsUrl = (anchor: string): string => `${repoUrl()}#${anchor}`;

/** A committed file on the default branch, as GitHub shows it. */
export const fileUrl = (path: string): string => `${repoUrl()}/blob/${DEFAULT_BRANCH}/${path}`;

/** my.home-assistant.io: opens this repository in the user's HACS, as a dashboard plugin. */
export const hacsRepositoryLink = (): string => {
  const [owner, repository] = REPO.split('/');
  return `https://my.home-assistant.io/redirect/hacs_repository/?owner=${owner}&repository=${repository}&category=plugin`;
};

/** my.home-assistant.io: HA's "import blueprint" dialog for a committed blueprint file. */
export const blueprintImportLink = (path: string): string =>
  `https://my.home-assistant.io/redirect/blueprint_import/?blueprint_url=${encodeURIComponent(fileUrl(path))}`;
