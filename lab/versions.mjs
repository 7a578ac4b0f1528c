// The Home Assistant releases the lab runs, one key each (`node lab/lab.mjs up --ha <key>`); each has its own state
// under .lab/<key>/ and its own pinned requirements (lab/requirements/<key>.txt: HA, its frontend, and the
// requirements of every integration the lab configures, so `hass --skip-pip` installs nothing at run time).
//   current: the release people run today, on Python 3.14 in a Debian forky chroot (lab/chroot.mjs);
//   floor:   the oldest release hacs.json claims, on the host's Python 3.13.0 (pyenv).

// `zwave`: whether this HA uses the simulated Z-Wave locks (lab/zwave); test files tagged `// lab-needs: zwave`
// run only against such a lab (scripts/test.mjs). HA 2026.11's zwave_js (zwave-js-server-python 0.74) wants server
// API schema 51, which no published @zwave-js/server speaks (3.10.2: 0-50): lab/zwave/schema-shim.cjs bridges it.
export const VERSIONS = {
  current: { ha: '2026.11.0', python: 'chroot', zwave: true },
  floor: { ha: '2025.4.4', python: 'host', zwave: true },
};

export const DEFAULT_VERSION = 'current';

/** The version key from `--ha <key>` in argv, else $LAB_HA, else the default; throws on an unknown key. */
export function versionFromArgs(argv, env = process.env) {
  const i = argv.indexOf('--ha');
  const key = i >= 0 ? argv[i + 1] : env.LAB_HA || DEFAULT_VERSION;
  if (!VERSIONS[key]) throw new Error(`unknown Home Assistant version "${key}" (one of: ${Object.keys(VERSIONS).join(', ')})`);
  return key;
}
