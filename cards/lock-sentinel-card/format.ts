// Dates and times in the user's locale, all over Intl so no per-language date tables ship: relative times through
// Intl.RelativeTimeFormat, absolute ones through Intl.DateTimeFormat, each made once per formatter.
import type { HomeAssistant } from './data/hass.js';

export interface Formatter {
  dateTime(time: number | string): string;
  date(time: number | string): string;
  /** Time of day only ("14:05" / "2:05 PM"). */
  time(time: number | string): string;
  /** The calendar day in the zone the user sees, as YYYY-MM-DD (for grouping). */
  dayKey(time: number | string): string;
  relative(time: number | string, now?: number): string;
  /** Hour 0-23 of a time in the zone the user sees. */
  hour(time: number): number;
  timeZone: string | undefined;
}

/** hass.locale.time_zone "server" means the house's zone; otherwise the browser's. */
export function displayTimeZone(hass: Pick<HomeAssistant, 'locale' | 'config'>): string | undefined {
  return hass.locale?.time_zone === 'server' ? hass.config.time_zone : undefined;
}

/** Each unit and how many of it make the next one. */
const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [['second', 60], ['minute', 60], ['hour', 24], ['day', 7], ['week', 365.25 / 84], ['month', 12], ['year', Infinity]];

/** "10 minutes ago", "yesterday", "in 2 hours": the largest unit of which the distance is at least one. */
export function relativeTime(rtf: Intl.RelativeTimeFormat, deltaMs: number): string {
  let v = deltaMs / 1000;
  for (const [unit, size] of UNITS) {
    if (Math.abs(v) < size || unit === 'year') return rtf.format(Math.round(v), unit);
    v /= size;
  }
  return '';
}

export function formatter(language: string, timeZone: string | undefined): Formatter {
  const locale = language || 'en';
  const ms = (t: number | string) => (typeof t === 'number' ? t : Date.parse(t));
  const hourFmt = new Intl.DateTimeFormat('en-US', { hour: 'numeric', hourCycle: 'h23', timeZone });
  const dateTimeFmt = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone });
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const dateFmt = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone });
  const timeFmt = new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone });
  const dayFmt = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone });
  return {
    timeZone,
    dateTime: (t) => dateTimeFmt.format(ms(t)),
    date: (t) => dateFmt.format(ms(t)),
    time: (t) => timeFmt.format(ms(t)),
    dayKey: (t) => dayFmt.format(ms(t)),
    relative: (t, now = Date.now()) => relativeTime(rtf, ms(t) - now),
    hour: (t) => Number(hourFmt.format(t)) % 24,
  };
}
