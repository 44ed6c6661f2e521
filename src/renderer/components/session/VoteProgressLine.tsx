/**
 * "12 votes · 3 of 4 groups · 8 phones · 20 hands": how many answered the current
 * question, in the core's counts (`QuestionView.progress`). A group has answered
 * when it voted on the screen or when one of its phones did.
 */
import type { QuestionProgress } from '../../../shared/summary';

export function progressText(progress: QuestionProgress, groupCount: number): string {
  const { answers, sources, groupsVoted, phonesVoted } = progress;
  const parts = [`${answers} vote${answers === 1 ? '' : 's'}`];
  if (groupCount > 0) parts.push(`${groupsVoted.length} of ${groupCount} group${groupCount === 1 ? '' : 's'}`);
  if (phonesVoted > 0) parts.push(`${phonesVoted} phone${phonesVoted === 1 ? '' : 's'}`);
  if (sources.hands > 0) parts.push(`${sources.hands} hand${sources.hands === 1 ? '' : 's'}`);
  return parts.join(' · ');
}

export function VoteProgressLine({ progress, groupCount, className }: { progress: QuestionProgress; groupCount: number; className?: string }) {
  return <p className={className}>{progressText(progress, groupCount)}</p>;
}
