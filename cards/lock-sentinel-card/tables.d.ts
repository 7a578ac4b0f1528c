// `../translations/xx.json?table` (and English's `?core` / `?rest` parts): the JSON text (cards/build/translation-tables.mjs).
declare module '*.json?table' {
  const text: string;
  export default text;
}
declare module '*.json?core' {
  const text: string;
  export default text;
}
declare module '*.json?rest' {
  const text: string;
  export default text;
}
