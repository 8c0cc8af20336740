/**
 * 07:30 UTC on the first Monday after `from`: 08:30 in Amsterdam in winter, 09:30 in summer, so after
 * both the 07:00 nudges and the 08:00 digests of a Monday morning.
 */
export function nextMondayMorning(from: Date): Date {
  const date = new Date(from);
  date.setUTCDate(date.getUTCDate() + ((8 - date.getUTCDay()) % 7 || 7));
  date.setUTCHours(7, 30, 0, 0);
  return date;
}
