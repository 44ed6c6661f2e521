import { describe, expect, it } from 'vitest';
import { commitmentsFileName, commitmentsText, escapeText, foldLine, reminderCalendar, reminderDay } from './calendar';

const octets = (text: string) => new TextEncoder().encode(text).length;

/** Unfolds an iCalendar text (RFC 5545 3.1) into its content lines. */
function unfold(ics: string): string[] {
  return ics.replace(/\r\n[ \t]/g, '').split('\r\n').filter((line) => line !== '');
}

const input = {
  sessionTitle: 'Leaders, managers; and you',
  commitments: [
    { text: 'I will ask my team what gets in their way, every Monday', dimension: 'Vision and direction' },
    { text: 'I will delegate the weekly report; and say why\\how', dimension: 'Control and trust' },
  ],
  now: new Date(2026, 11, 2, 15, 30),
  uid: 'abc123',
};

describe('the calendar reminder (.ics)', () => {
  it('escapes backslash, semicolon, comma and newlines in text', () => {
    expect(escapeText('a\\b;c,d\ne')).toBe('a\\\\b\\;c\\,d\\ne');
  });

  it('folds long lines at 75 octets without splitting a character', () => {
    const line = 'DESCRIPTION:' + 'é'.repeat(100) + '🙂'.repeat(20);
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(2);
    expect(octets(parts[0]!)).toBeLessThanOrEqual(75);
    for (const part of parts.slice(1)) {
      expect(part.startsWith(' ')).toBe(true);
      expect(octets(part)).toBeLessThanOrEqual(75);
    }
    // Unfolding gives back the very line: no character was cut.
    expect(folded.replace(/\r\n /g, '')).toBe(line);
    expect(foldLine('SUMMARY:short')).toBe('SUMMARY:short');
  });

  it('is one VEVENT, all day, 30 days later, with a 09:00 alarm and the commitments in the description', () => {
    const ics = reminderCalendar(input);
    expect(ics.endsWith('\r\n')).toBe(true);
    // Every line break is CRLF.
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const physical of ics.split('\r\n')) expect(octets(physical)).toBeLessThanOrEqual(75);
    const lines = unfold(ics);
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines.at(-1)).toBe('END:VCALENDAR');
    expect(lines).toContain('VERSION:2.0');
    expect(lines.some((line) => line.startsWith('PRODID:'))).toBe(true);
    expect(lines.filter((line) => line === 'BEGIN:VEVENT')).toHaveLength(1);
    expect(lines).toContain('DTSTART;VALUE=DATE:20270101');
    expect(lines).toContain('DTEND;VALUE=DATE:20270102');
    expect(lines).toContain('UID:abc123@plenary');
    expect(lines).toContain(`DTSTAMP:${input.now.toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`);
    expect(lines).toContain('TRIGGER;RELATED=START:PT9H');
    expect(lines).toContain('SUMMARY:My commitments from Leaders\\, managers\\; and you');
    const descriptionLine = lines.find((line) => line.startsWith('DESCRIPTION:What'))!;
    expect(descriptionLine).toContain('- I will ask my team what gets in their way\\, every Monday (Vision and direction)\\n');
    expect(descriptionLine).toContain('- I will delegate the weekly report\\; and say why\\\\how (Control and trust)');
  });

  it('counts 30 days by the calendar, across months and years', () => {
    expect(reminderDay(new Date(2026, 0, 31, 23, 59))).toEqual(new Date(2026, 2, 2));
    expect(reminderDay(new Date(2026, 11, 15, 0, 1))).toEqual(new Date(2027, 0, 14));
  });
});

describe('the text file', () => {
  it('lists the commitments under their dimensions, with a date to look again', () => {
    const text = commitmentsText('Leaders and managers', [...input.commitments, { text: 'I will share the plan', dimension: 'Vision and direction' }], input.now);
    const lines = text.split('\n');
    expect(lines[0]).toBe('My commitments');
    expect(lines[1]).toContain('Leaders and managers');
    const vision = lines.indexOf('Vision and direction');
    expect(lines[vision + 1]).toBe('  - I will ask my team what gets in their way, every Monday');
    expect(lines[vision + 2]).toBe('  - I will share the plan');
    expect(lines[lines.indexOf('Control and trust') + 1]).toBe('  - I will delegate the weekly report; and say why\\how');
    expect(text).toContain(new Date(2027, 0, 1).toLocaleDateString());
  });

  it('names the files after the session', () => {
    expect(commitmentsFileName('Leader or Manager? · 2026-12-02', 'ics')).toBe('my-commitments-leader-or-manager-2026-12-02.ics');
    expect(commitmentsFileName('???', 'txt')).toBe('my-commitments.txt');
  });
});
