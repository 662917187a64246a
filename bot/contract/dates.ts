/**
 * The one way dates and times are written, in cards and in the tab alike: "12 March 2026" and "12 March 2026 at 14:05".
 * Calendar dates (YYYY-MM-DD) carry no time zone and are shown as written; moments are shown in the reader's zone
 * (the tab's browser; a card names the zone it is given). A moment reads "12 March 2026 at 14:05".
 */
const dayFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

export function formatDay(isoDate: string): string {
  const parsed = Date.parse(`${isoDate.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(parsed) ? isoDate : dayFormat.format(parsed);
}

const momentFormats = new Map<string, Intl.DateTimeFormat>();

export function formatMoment(isoTimestamp: string, timeZone?: string): string {
  const parsed = Date.parse(isoTimestamp);
  if (Number.isNaN(parsed)) return isoTimestamp;
  const key = timeZone ?? '';
  let format = momentFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone });
    momentFormats.set(key, format);
  }
  return format.format(parsed);
}
