/**
 * The self-check's story in words (issue 17): where the room moved most and
 * least, for Results and the report. From the core's figures; nothing counted here.
 */
import type { FollowUpPhaseFigures, SelfCheckDimensionFigures, SelfCheckFigures } from '../../../shared/selfCheck';
import { formatShift } from './SelfCheckChart';

/** Whether there is anything to show: a revealed (or asked-for) self-check with at least one mean. */
export function hasLearning(figures: SelfCheckFigures | null | undefined): figures is SelfCheckFigures {
  if (!figures) return false;
  return figures.dimensions.some((line) => [line.before, line.after, line.then, line.followUp].some((figure) => figure !== null && figure.n > 0));
}

/** Dimensions with a shift, largest rise first. */
export function rankedShifts(figures: SelfCheckFigures): SelfCheckDimensionFigures[] {
  return figures.dimensions.filter((line) => line.shift.afterMinusBefore !== null).sort((a, b) => b.shift.afterMinusBefore! - a.shift.afterMinusBefore!);
}

/**
 * The follow-up pulse's lesson (src/shared/followUp.ts): on how many dimensions
 * the room still rates itself above where it started, weeks later. Empty without a pulse.
 */
export function followUpSummary(figures: SelfCheckFigures): string {
  const pulse = figures.followUp;
  if (!pulse) return '';
  const people = `${pulse.respondents} ${pulse.respondents === 1 ? 'person' : 'people'}`;
  const compared = figures.dimensions.filter((line) => line.shift.followUpMinusBefore !== null);
  if (compared.length === 0) return `Weeks later, ${people} answered the follow-up pulse; too few rated a statement both at the start and weeks later to compare.`;
  const above = compared.filter((line) => line.shift.followUpMinusBefore! > 0).length;
  return `Weeks later (${people} in the follow-up pulse), the room rated itself above where it started on ${above} of ${compared.length} dimensions.`;
}

/** One or two sentences: the largest and smallest move, the then-rating's lesson, and what held weeks later. */
export function learningSummary(figures: SelfCheckFigures): string {
  const later = followUpSummary(figures);
  const withLater = (text: string) => (later ? `${text} ${later}` : text);
  const ranked = rankedShifts(figures);
  if (ranked.length === 0) {
    if (figures.after === null) return withLater('The self-check was asked before the workshop only; there is no “after” to compare with.');
    if (!figures.after.shown) return withLater('The “after” self-check has not been revealed yet.');
    return withLater('Too few people rated both times to compare before and after.');
  }
  const top = ranked[0]!;
  const bottom = ranked[ranked.length - 1]!;
  const parts = [`The room’s own rating rose most on ${top.dimensionName} (${formatShift(top.shift.afterMinusBefore)} from before to after)`];
  if (bottom !== top) parts.push(`least on ${bottom.dimensionName} (${formatShift(bottom.shift.afterMinusBefore)})`);
  let text = `${parts.join(', and ')}.`;
  const lowerThen = figures.dimensions.filter((line) => line.then?.mean != null && line.before?.mean != null && line.then.mean < line.before.mean).length;
  if (lowerThen > 0) text += ` On ${lowerThen} of ${figures.dimensions.length} dimensions, people rated their past selves lower looking back than they did at the start: their yardstick moved.`;
  return withLater(text);
}

/**
 * Dimensions with a before-to-after shift, the largest either way first (ties in
 * the workshop's order): the report's story leads with what moved most, up or down.
 */
export function biggestShifts(figures: SelfCheckFigures): SelfCheckDimensionFigures[] {
  return figures.dimensions
    .map((line, index) => ({ line, index }))
    .filter(({ line }) => line.shift.afterMinusBefore !== null)
    .sort((a, b) => Math.abs(b.line.shift.afterMinusBefore!) - Math.abs(a.line.shift.afterMinusBefore!) || a.index - b.index)
    .map(({ line }) => line);
}

/** Dimensions with a figure the privacy floor holds back (fewer ratings than the floor), in the workshop's order. */
export function withheldDimensions(figures: SelfCheckFigures): SelfCheckDimensionFigures[] {
  return figures.dimensions.filter((line) => [line.before, line.after, line.then, line.followUp].some((figure) => figure?.withheld === true));
}

/** "3 March 2026" from "2026-03-03", read as a calendar day (no time zone can move it). */
function dayText(day: string, locale?: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? day : date.toLocaleDateString(locale, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
}

/** The follow-up pulse in words: how many answered, in how many pulses, over which days. */
export function followUpText(followUp: FollowUpPhaseFigures, locale?: string): string {
  const people = `${followUp.respondents} ${followUp.respondents === 1 ? 'person' : 'people'}`;
  const pulses = followUp.pulses === 1 ? '' : ` over ${followUp.pulses} pulses`;
  const first = followUp.firstAnswerOn;
  const last = followUp.lastAnswerOn;
  const days = first && last ? (first === last ? `, on ${dayText(first, locale)}` : `, ${dayText(first, locale)} to ${dayText(last, locale)}`) : '';
  return `Weeks later, ${people} answered the follow-up pulse${pulses}${days}.`;
}
