// `../translations/xx.json?table`: the table's JSON text (cards/build/translation-tables.mjs).
declare module '*.json?table' {
  const text: string;
  export default text;
}
