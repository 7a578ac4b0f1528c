// Translations: English is built in; every other language is its own lazily imported module holding its JSON
// as text, so only the user's language is ever parsed into a table. HACS installs one file, so the other
// languages ship inside it, but as inert string literals (about 2 KB gzip each).
import enCore from '../translations/en.json?core';

export type Table = Record<string, string>;
export type Translate = (key: string, vars?: Record<string, string | number>) => string;

/** English: the first screen's words now, the rest added by loadEnglishRest (the translator reads it live). */
const en = JSON.parse(enCore) as Table;
let enRest: Promise<void> | null = null;

/** The English words of the views that load on demand, the editor and the installer (once). */
export function loadEnglishRest(): Promise<void> {
  enRest ??= import('../translations/en.json?rest').then((m) => void Object.assign(en, JSON.parse(m.default) as Table));
  return enRest;
}

const LOADERS: Record<string, () => Promise<{ default: string }>> = {
  de: () => import('../translations/de.json?table'),
  es: () => import('../translations/es.json?table'),
  fr: () => import('../translations/fr.json?table'),
  nl: () => import('../translations/nl.json?table'),
};

export const LANGUAGES = ['en', ...Object.keys(LOADERS)];

/** "de-CH" → "de"; unknown languages → "en". */
export function baseLanguage(language: string | undefined): string {
  const base = (language ?? 'en').toLowerCase().split(/[-_]/)[0] ?? 'en';
  return base in LOADERS ? base : 'en';
}

export async function loadTable(language: string | undefined): Promise<Table> {
  const base = baseLanguage(language);
  return base === 'en' ? en : (JSON.parse((await LOADERS[base]!()).default) as Table);
}

/** Looks a key up in the table, then in English, then shows the raw value ("state.foo" → "foo");
 * replaces {name} placeholders with plain text. */
export function translator(table: Table): Translate {
  return (key, vars) => {
    const text = table[key] ?? en[key] ?? key.slice(key.indexOf('.') + 1);
    return vars ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m)) : text;
  };
}

export const english: Translate = translator(en);
