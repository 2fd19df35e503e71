/** The column of a camelCase field on the wire: `courseInterest` → `course_interest` (our tables are named that way throughout). */
export function columnName(field: string): string {
  return field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}
