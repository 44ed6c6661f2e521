/**
 * The report's words and page rules: the voting mode in words, headings, dates,
 * and the page footer as a CSS string. Pure functions, tested without a browser.
 * Every figure comes from the core's summary (`reports.get`), never from here.
 */
import type { Session, VotingMode } from '../../../shared/model';

/** The voting mode in words. */
export function votingModeText(mode: VotingMode): string {
  if (mode === 'groups') return 'Groups voting on the shared screen';
  if (mode === 'hands') return 'Show of hands, counted by the facilitator';
  return 'Phones';
}

/**
 * A CSS string literal for any text: every character that is not a letter, digit
 * or space is written as a hex escape, so a title can never end the string or the
 * style sheet it sits in.
 */
export function cssString(text: string): string {
  let out = '"';
  for (const char of text) {
    if (/[A-Za-z0-9 ]/.test(char)) out += char;
    else out += `\\${char.codePointAt(0)!.toString(16)} `;
  }
  return `${out}"`;
}

export type PaperSize = 'A4' | 'Letter';

/** Page margins in millimetres; the bottom one holds the footer. */
export const PAGE_MARGIN_MM = { top: 16, right: 16, bottom: 18, left: 16 } as const;
const PAPER_WIDTH_MM: Record<PaperSize, number> = { A4: 210, Letter: 215.9 };

/** The printable width: the report is laid out at exactly this width on screen too, so charts measure what they print. */
export function contentWidthMm(paper: PaperSize): number {
  return Math.round((PAPER_WIDTH_MM[paper] - PAGE_MARGIN_MM.left - PAGE_MARGIN_MM.right) * 10) / 10;
}

/**
 * The page rules: paper size, margins, and a footer "Session title · page N of M"
 * in the bottom margin box (Chromium 131+). The cover page has no footer.
 */
export function pageCss(paper: PaperSize, title: string): string {
  const m = PAGE_MARGIN_MM;
  return [
    `@page { size: ${paper}; margin: ${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm;`,
    `  @bottom-center { content: ${cssString(`${title} · page `)} counter(page) " of " counter(pages); font: 8pt system-ui, sans-serif; color: #555; } }`,
    '@page :first { @bottom-center { content: none; } }',
  ].join('\n');
}

/** "Scenario 3", or the slide's own title. */
export function scenarioHeading(title: string, index: number): string {
  return title.trim() || `Scenario ${index + 1}`;
}

/** The session's date in the reader's words, e.g. "15 January 2026". */
export function sessionDate(session: Pick<Session, 'startedAt'>, locale?: string): string {
  const date = new Date(session.startedAt);
  return Number.isNaN(date.getTime()) ? session.startedAt : date.toLocaleDateString(locale, { year: 'numeric', month: 'long', day: 'numeric' });
}

/** Text cut to `max` characters, with "…" when cut. */
export function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

/** "1 vote", "12 votes", or another noun. */
export function countText(count: number, noun = 'vote'): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
