/**
 * What the report prints beyond the charts: the votes of the appendix (read back
 * from `reports.csv`, the same rows a spreadsheet gets), the participant count,
 * words for the voting mode, and the page footer as a CSS string. Pure functions,
 * so they are tested without a browser.
 */
import type { Group, Session, VotingMode } from '../../../shared/model';
import { parseCsv } from '../../../shared/csv';

/**
 * Undoes the CSV's formula guard on a field that cannot start with an apostrophe
 * of its own (ids, times, kinds): `'-abc` was written for the id `-abc`.
 * WARNING: not for free text (names, labels), where a leading `'` may be real.
 */
export function unguardId(field: string): string {
  return /^'[=+\-@\t\r]/.test(field) ? field.slice(1) : field;
}

/** One vote as the appendix lists it. */
export interface AppendixVote {
  questionId: string;
  voterId: string;
  voterKind: 'group' | 'device';
  groupId: string | null;
  optionId: string;
  at: string;
}

/** The votes of `reports.csv`, by the columns docs/protocol.md names (found by header, not position). */
export function votesFromCsv(csv: string): AppendixVote[] {
  const [header, ...rows] = parseCsv(csv);
  if (!header) return [];
  const column = (name: string) => header.indexOf(name);
  const at = { questionId: column('questionId'), voterId: column('voterId'), optionId: column('optionId'), at: column('at'), kind: column('voterKind'), group: column('groupId') };
  const read = (row: string[], index: number) => (index >= 0 ? unguardId(row[index] ?? '') : '');
  return rows
    .filter((row) => row.length > 1)
    .map((row) => {
      const groupId = read(row, at.group);
      return {
        questionId: read(row, at.questionId),
        voterId: read(row, at.voterId),
        voterKind: read(row, at.kind) === 'device' ? 'device' : 'group',
        groupId: groupId || null,
        optionId: read(row, at.optionId),
        at: read(row, at.at),
      };
    });
}

/** How the appendix names a voter: the group, or "phone …a1b2c3" (with its group when it joined one). */
export function voterName(vote: Pick<AppendixVote, 'voterId' | 'voterKind' | 'groupId'>, groups: readonly Pick<Group, 'id' | 'name'>[]): string {
  const group = vote.groupId ? groups.find((g) => g.id === vote.groupId) : undefined;
  if (vote.voterKind === 'group') return group?.name ?? vote.voterId;
  const phone = `phone …${vote.voterId.slice(-6)}`;
  return group ? `${phone} (${group.name})` : phone;
}

export interface Participants {
  count: number;
  /** How the number was found, said next to it. */
  basis: 'group sizes' | 'voters';
}

/**
 * How many took part: the sum of the group sizes when the facilitator gave every
 * group one; otherwise the distinct voters (groups on the shared screen and phones).
 */
export function participantsOf(groups: readonly Pick<Group, 'size'>[], votes: readonly Pick<AppendixVote, 'voterId' | 'voterKind'>[]): Participants {
  if (groups.length > 0 && groups.every((group) => typeof group.size === 'number' && group.size > 0)) {
    return { count: groups.reduce((sum, group) => sum + (group.size ?? 0), 0), basis: 'group sizes' };
  }
  return { count: new Set(votes.map((vote) => `${vote.voterKind}:${vote.voterId}`)).size, basis: 'voters' };
}

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

/** A vote's time of day, "09:05:12". */
export function timeOfDay(iso: string, locale?: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
}
