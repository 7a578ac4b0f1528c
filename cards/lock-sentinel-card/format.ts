// Dates and times in the user's locale, all over Intl so no per-language date tables ship: relative times through
// date-fns' intlFormatDistance, absolute ones through Intl.DateTimeFormat made once per formatter.
import { intlFormatDistance } from 'date-fns/intlFormatDistance';
import type { HomeAssistant } from './hass.js';

export interface Formatter {
  dateTime(time: number | string): string;
  date(time: number | string): string;
  relative(time: number | string, now?: number): string;
  /** Hour 0-23 of a time in the zone the user sees. */
  hour(time: number): number;
  timeZone: string | undefined;
}

/** hass.locale.time_zone "server" means the house's zone; otherwise the browser's. */
export function displayTimeZone(hass: Pick<HomeAssistant, 'locale' | 'config'>): string | undefined {
  return hass.locale?.time_zone === 'server' ? hass.config.time_zone : undefined;
}

export function formatter(language: string, timeZone: string | undefined): Formatter {
  const locale = language || 'en';
  const ms = (t: number | string) => (typeof t === 'number' ? t : Date.parse(t));
  const hourFmt = new Intl.DateTimeFormat('en-US', { hour: 'numeric', hourCycle: 'h23', timeZone });
  const dateTimeFmt = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone });
  const dateFmt = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone });
  return {
    timeZone,
    dateTime: (t) => dateTimeFmt.format(ms(t)),
    date: (t) => dateFmt.format(ms(t)),
    relative: (t, now = Date.now()) => intlFormatDistance(ms(t), now, { locale }),
    hour: (t) => Number(hourFmt.format(t)) % 24,
  };
}
