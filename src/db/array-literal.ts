/** A PostgreSQL array literal of strings, sent as ONE bind parameter for `= any($1::text[])` or
 *  `::uuid[]` — one parameter however many values, and no value ever spliced into the SQL text. */
export function arrayLiteral(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}
