/** A calendar date (YYYY-MM-DD) some days from today, for the default value of a date field. */
export function isoDaysFromToday(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}
