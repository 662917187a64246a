import { isCalendarDate, localDateOf, type IsoDate } from '../../calendar/calendarTime';
import { windowSentence } from './bookingRules';
import { PLACE_KINDS, SHADOWING_MEETING, type Meeting, type PlaceKind } from './yearPlan';

/**
 * Reading the log of a meeting: when it was held, where, and an optional private note. Pure: no SDK, no I/O.
 *
 * The private note belongs to the pair alone. It is stored as typed and only ever shown as plain text (a TextRun in a
 * card, a text node in the tab), so markup or script in it is harmless and accepted; invisible control and
 * direction-override characters are dropped, since they only serve to disguise text.
 * A meeting in the executive's office is logged but flagged for the taskforce (the place only, never the note): the seed
 * found such meetings turn the roles back.
 */
export const LOG_LIMITS = { note: 2000 } as const;

export interface MeetingLog {
  heldOn: IsoDate;
  where: PlaceKind;
  /** Private to the pair; may be empty. */
  note: string;
  /** True when held in the executive's office: the taskforce sees that it happened there. */
  flaggedForTaskforce: boolean;
}

export type LogField = 'heldOn' | 'where' | 'note';
export type LogErrors = Partial<Record<LogField, string>>;
export type LogCheck = { ok: true; log: MeetingLog } | { ok: false; errors: LogErrors };

// C0/C1 controls except tab and newlines, bidi embeddings/overrides/isolates, BOM and noncharacters, lone surrogates.
const INVISIBLE =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFEFF\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** A private note as it will be stored, or an error sentence. Counts characters, not UTF-16 units. */
export function readPrivateNote(raw: unknown, max = LOG_LIMITS.note): { ok: true; value: string } | { ok: false; error: string } {
  if (raw === undefined || raw === null) return { ok: true, value: '' };
  if (typeof raw !== 'string') return { ok: false, error: 'The note must be text.' };
  const tooLong = { ok: false as const, error: `The note is too long: please keep it under ${max.toLocaleString('en-US')} characters.` };
  if (raw.length > max * 4) return tooLong;
  const value = raw.replace(INVISIBLE, '').normalize('NFC').trim();
  if ([...value].length > max) return tooLong;
  return { ok: true, value };
}

function checkHeldOn(raw: unknown, meeting: Pick<Meeting, 'window'>, today: IsoDate): string | undefined {
  if (!isCalendarDate(raw)) return 'Please give the day you met.';
  if (raw > today) return 'That day has not come yet. Please log the meeting once it has happened.';
  if (raw < meeting.window.opensOn || raw > meeting.window.closesOn) {
    return `This meeting belongs to quarter ${meeting.window.quarter}: it counts when held ${windowSentence(meeting.window)}.`;
  }
  return undefined;
}

/** Reads a meeting log from card inputs (`heldOn`, `where`, `note`). `now` decides what "the future" is, in the program's zone. */
export function readMeetingLog(raw: Readonly<Record<string, unknown>>, meeting: Pick<Meeting, 'number' | 'window'>, context: { now: Date; timeZone: string }): LogCheck {
  const errors: LogErrors = {};
  const heldOnError = checkHeldOn(raw.heldOn, meeting, localDateOf(context.now, context.timeZone));
  if (heldOnError) errors.heldOn = heldOnError;

  const where = raw.where;
  if (typeof where !== 'string' || !PLACE_KINDS.includes(where as PlaceKind)) errors.where = 'Please choose where you met.';
  else if (meeting.number === SHADOWING_MEETING && where !== 'mentor-area') {
    errors.where =
      'Meeting 2 is the shadowing visit: it counts once the executive has spent time in the mentor’s area. Please choose the mentor’s area, or log it after the visit.';
  }

  const note = readPrivateNote(raw.note);
  if (!note.ok) errors.note = note.error;

  if (Object.keys(errors).length > 0 || !note.ok) return { ok: false, errors };
  const place = where as PlaceKind;
  return { ok: true, log: { heldOn: raw.heldOn as IsoDate, where: place, note: note.value, flaggedForTaskforce: place === 'executive-office' } };
}
