// How an alert reaches people: a persistent notification plus each chosen notify target (mobile app services).
// Title and message are Jinja templates built by the caller, with house names already made literal.
// `notify.persistent_notification` as a chosen target would repeat the persistent notification every alert creates:
// the pushes skip it (one alert, one notification), whether the target came from the CLI, the card or a blueprint.
import type { ConfigMap } from './types.js';

export interface AlertText {
  title: string;
  message: string;
  critical?: boolean;
}

/** The notify service that only makes another persistent notification. */
export const PERSISTENT_NOTIFY = 'notify.persistent_notification';

/** Mobile app payload that makes a critical alert break through (iOS critical sound, Android alarm stream). */
const CRITICAL_DATA = {
  push: { sound: { name: 'default', critical: 1, volume: 1.0 } },
  ttl: 0,
  priority: 'high',
  channel: 'alarm_stream',
};

const title = (text: AlertText) => (text.critical ? `CRITICAL: ${text.title}` : text.title);

/**
 * The persistent notification of an alert. With `id` (a template), a later call with the same id replaces the
 * notification in place (HA keeps one notification per id).
 */
export function noteAction(text: AlertText, id?: string): ConfigMap {
  return { action: 'persistent_notification.create', data: { title: title(text), message: text.message, ...(id ? { notification_id: id } : {}) } };
}

/** One push per chosen notify target (the automation's `notify_targets` variable), the persistent one left out. */
export function pushActions(text: AlertText): ConfigMap[] {
  return [{
    repeat: {
      for_each: `{{ notify_targets | reject('eq', '${PERSISTENT_NOTIFY}') | list }}`,
      sequence: [{
        action: '{{ repeat.item }}',
        // A phone that cannot be reached must not stop the others (nor the run that counts a failure).
        continue_on_error: true,
        data: { title: title(text), message: text.message, ...(text.critical ? { data: CRITICAL_DATA } : {}) },
      }],
    },
  }];
}

/** Actions that deliver one alert: the persistent notification and the pushes. */
export function alertActions(text: AlertText): ConfigMap[] {
  return [noteAction(text), ...pushActions(text)];
}

const NOTIFY = /^notify\.[a-z0-9_]+$/;

/** Checks `--notify` values: notify service names only. */
export function notifyTargets(values: string[]): string[] {
  for (const v of values) {
    if (!NOTIFY.test(v)) throw new Error(`--notify takes a notify service such as notify.mobile_app_phone, got ${JSON.stringify(v)}`);
  }
  return [...new Set(values)];
}
