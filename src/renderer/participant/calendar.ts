/**
 * A calendar reminder for a person's commitments (RFC 5545 iCalendar), made on
 * the phone: one all-day VEVENT some days after the workshop, with an alarm at
 * 09:00 on that day, the commitments in its description. Pure and small: the
 * phone's bundle stays light, so no calendar library (they weigh tens of KB).
 *
 * What RFC 5545 asks of us, and where:
 * - lines end in CRLF (3.1);
 * - a content line longer than 75 octets is folded: CRLF then one space, never
 *   inside a UTF-8 character (3.1);
 * - TEXT values escape backslash, semicolon and comma, and a newline is written
 *   `\n` (3.3.11);
 * - DTSTAMP is UTC, an all-day event is `DTSTART;VALUE=DATE` with DTEND the next
 *   day (3.6.1: DTEND is exclusive);
 * - UID and DTSTAMP are required in a VEVENT, PRODID and VERSION in the VCALENDAR.
 */

/** How long after the workshop the reminder falls. */
export const REMINDER_DAYS = 30;

export interface CommitmentLine {
  text: string;
  /** The dimension's name, e.g. "Vision and direction". */
  dimension: string;
}

export interface ReminderInput {
  /** The session's title, as the phone saw it. */
  sessionTitle: string;
  commitments: readonly CommitmentLine[];
  /** The moment the file is made (the reminder's date counts from its local day). */
  now: Date;
  /** Makes the event's UID unique: a random string is enough. */
  uid: string;
  days?: number;
}

/** Escapes a TEXT value (RFC 5545 3.3.11). */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

function utf8Length(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/** Folds one content line at 75 octets (RFC 5545 3.1), never splitting a character. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  // The first line may hold 75 octets; each continuation starts with a space, so 74 more.
  let limit = 75;
  for (const char of line) {
    const size = utf8Length(char.codePointAt(0)!);
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = 74;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** A local calendar date as YYYYMMDD. */
function localDate(date: Date): string {
  return `${pad(date.getFullYear(), 4)}${pad(date.getMonth() + 1)}${pad(date.getDate())}`;
}

/** A moment in UTC as YYYYMMDDTHHMMSSZ. */
function utcStamp(date: Date): string {
  return `${pad(date.getUTCFullYear(), 4)}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}T${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}Z`;
}

/** The local day `days` after `from`'s (by the calendar, so a change of clocks does not move it). */
export function reminderDay(from: Date, days = REMINDER_DAYS): Date {
  return new Date(from.getFullYear(), from.getMonth(), from.getDate() + days);
}

/** The description: the commitments, one a line, each with its dimension. */
function description(input: ReminderInput): string {
  const lines = [`What I said I would do at "${input.sessionTitle}":`];
  for (const commitment of input.commitments) lines.push(`- ${commitment.text} (${commitment.dimension})`);
  lines.push('', 'How has it gone? What is the next step?');
  return lines.join('\n');
}

/** The .ics file's text: one VEVENT `days` after `now`, all day, with a 09:00 alarm. */
export function reminderCalendar(input: ReminderInput): string {
  const day = reminderDay(input.now, input.days);
  const next = new Date(day.getFullYear(), day.getMonth(), day.getDate() + 1);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Plenary//Commitments reminder//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${escapeText(input.uid)}@plenary`,
    `DTSTAMP:${utcStamp(input.now)}`,
    `DTSTART;VALUE=DATE:${localDate(day)}`,
    `DTEND;VALUE=DATE:${localDate(next)}`,
    `SUMMARY:${escapeText(`My commitments from ${input.sessionTitle}`)}`,
    `DESCRIPTION:${escapeText(description(input))}`,
    'TRANSP:TRANSPARENT',
    // An all-day event starts at local midnight: nine hours on is 09:00 that morning.
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    `DESCRIPTION:${escapeText('Look back at your commitments')}`,
    'TRIGGER;RELATED=START:PT9H',
    'END:VALARM',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

/** The plain-text file: the title, the date, and the commitments grouped under their dimensions. */
export function commitmentsText(sessionTitle: string, commitments: readonly CommitmentLine[], now: Date): string {
  const lines = [`My commitments`, `${sessionTitle}, ${now.toLocaleDateString()}`, ''];
  const byDimension = new Map<string, string[]>();
  for (const commitment of commitments) {
    const list = byDimension.get(commitment.dimension) ?? [];
    list.push(commitment.text);
    byDimension.set(commitment.dimension, list);
  }
  for (const [dimension, texts] of byDimension) {
    lines.push(dimension);
    for (const text of texts) lines.push(`  - ${text}`);
    lines.push('');
  }
  const day = reminderDay(now);
  lines.push(`Look at this list again on ${day.toLocaleDateString()}: how has it gone?`);
  return lines.join('\n') + '\n';
}

/** A file name from the session's title: letters, digits and dashes. */
export function commitmentsFileName(sessionTitle: string, extension: 'txt' | 'ics'): string {
  const base = sessionTitle
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return `my-commitments${base ? '-' + base : ''}.${extension}`;
}
