// House data inside Home Assistant templates: names are data, never template code.
// HA renders `message:`, `title:`, service data and variables as Jinja templates. A name is emitted either as plain
// text (when it holds no character that could open or close a Jinja block) or as a Jinja string literal inside
// `{{ … }}`: the lexer reads the literal as one token, so `{{`, `{%`, `}}`, quotes and backslashes in it stay text.

const UNSAFE = /[{}%#]/;

/** A Jinja expression (a double-quoted string literal) that evaluates to exactly `s`. */
export function jinjaString(s: string): string {
  // JSON string escapes (\" \\ \n \uXXXX) are the escapes Jinja's string literal understands.
  return JSON.stringify(s);
}

/** Template text that renders as exactly `s`. */
export function literal(s: string): string {
  return UNSAFE.test(s) ? `{{ ${jinjaString(s)} }}` : s;
}

/** Service data from elsewhere (e.g. an MQTT topic holding a device name): every string made literal. */
export function literalData(value: unknown): unknown {
  // A whole value is only rendered when it contains a block opener; other strings pass through untouched.
  if (typeof value === 'string') return /\{[{%#]/.test(value) ? `{{ ${jinjaString(value)} }}` : value;
  if (Array.isArray(value)) return value.map(literalData);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, literalData(v)]));
  }
  return value;
}

const ENTITY_ID = /^[a-z0-9_]+\.[a-z0-9_]+$/;

/** Entity ids go into templates unquoted only after this check. */
export function entityId(id: string): string {
  if (!ENTITY_ID.test(id)) throw new Error(`Not a valid entity id: ${JSON.stringify(id)}`);
  return id;
}

/** The object id of an entity id, for automation ids. */
export function objectId(id: string): string {
  return entityId(id).slice(id.indexOf('.') + 1);
}
