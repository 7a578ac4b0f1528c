// How an alert reaches people: a persistent notification plus each chosen notify target (mobile app services).
// Title and message are Jinja templates built by the caller, with house names already made literal.
import type { ConfigMap } from './types.js';

export interface AlertText {
  title: string;
  message: string;
  critical?: boolean;
}

/** Mobile app payload that makes a critical alert break through (iOS critical sound, Android alarm stream). */
const CRITICAL_DATA = {
  push: { sound: { name: 'default', critical: 1, volume: 1.0 } },
  ttl: 0,
  priority: 'high',
  channel: 'alarm_stream',
};

/** Actions that deliver one alert. The automation's `notify_targets` variable lists the notify services. */
export function alertActions(text: AlertText): ConfigMap[] {
  const title = text.critical ? `CRITICAL: ${text.title}` : text.title;
  return [
    { action: 'persistent_notification.create', data: { title, message: text.message } },
    {
      repeat: {
        for_each: '{{ notify_targets }}',
        sequence: [{
          action: '{{ repeat.item }}',
          data: { title, message: text.message, ...(text.critical ? { data: CRITICAL_DATA } : {}) },
        }],
      },
    },
  ];
}

const NOTIFY = /^notify\.[a-z0-9_]+$/;

/** Checks `--notify` values: notify service names only. */
export function notifyTargets(values: string[]): string[] {
  for (const v of values) {
    if (!NOTIFY.test(v)) throw new Error(`--notify takes a notify service such as notify.mobile_app_phone, got ${JSON.stringify(v)}`);
  }
  return [...new Set(values)];
}
