// Translations: English is built in; every other language is its own lazily evaluated module, so only the
// user's language is turned into a table (HACS needs one file, so the others ship in it but stay inert).
import en from '../translations/en.json';

export type Table = Record<string, string>;
export type Translate = (key: string, vars?: Record<string, string | number>) => string;

const LOADERS: Record<string, () => Promise<{ default: Table }>> = {
  de: () => import('../translations/de.json'),
  es: () => import('../translations/es.json'),
  fr: () => import('../translations/fr.json'),
  nl: () => import('../translations/nl.json'),
};

export const LANGUAGES = ['en', ...Object.keys(LOADERS)];

/** "de-CH" → "de"; unknown languages → "en". */
export function baseLanguage(language: string | undefined): string {
  const base = (language ?? 'en').toLowerCase().split(/[-_]/)[0] ?? 'en';
  return base in LOADERS ? base : 'en';
}

export async function loadTable(language: string | undefined): Promise<Table> {
  const base = baseLanguage(language);
  return base === 'en' ? en : (await LOADERS[base]!()).default;
}

/** Looks a key up in the table, then in English, then shows the raw value ("state.foo" → "foo");
 * replaces {name} placeholders with plain text. */
export function translator(table: Table): Translate {
  return (key, vars) => {
    const text = table[key] ?? (en as Table)[key] ?? key.slice(key.indexOf('.') + 1);
    return vars ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m)) : text;
  };
}

export const english: Translate = translator(en);
