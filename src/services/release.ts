// Which Home Assistant release a lock's code services need: its protocol's actions say since when (Matter: 2026.3).
import { actionsOf } from '../adapters/actions.js';
import { releaseAtLeast } from '../model/ha.js';
import type { Lock } from '../model/lock.js';

/**
 * Why this Home Assistant (`config.version`) cannot run the lock's code service `service` ("matter.set_lock_credential"),
 * or null when it can: a protocol whose services are newer than the oldest supported release needs a known version at
 * least that new.
 */
export function releaseLacks(lock: Lock, haVersion: unknown, service: string): string | null {
  const since = actionsOf(lock.protocol).codes.since;
  if (!since) return null;
  // Only the release's numbers are repeated (the house's config is not trusted text).
  const release = typeof haVersion === 'string' ? /^\d+\.\d+/.exec(haVersion)?.[0] : undefined;
  switch (releaseAtLeast(haVersion, since)) {
    case true: return null;
    case false: return `Home Assistant ${release} has no ${service} (it needs ${since}+)`;
    default: return `${service} needs Home Assistant ${since}+, and the version of this one is not known`;
  }
}
