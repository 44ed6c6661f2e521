/** The scenarios at a glance, after the story: who took part, what was counted, the room's lean, the extremes, and the room's profile. */
import { formatLean, formatShare, type QuestionSummary } from '../../../../shared/profile';
import type { AnswerQuestionBase, ParticipantFigures, SessionSummaryReport } from '../../../../shared/summary';
import { RoomRadar } from '../../../components/charts';
import { countText } from '../reportData';
import shared from './reportShared.module.css';
import styles from './ReportSummary.module.css';

/** "B", or "A / B" on a tie, with the first one's label. */
export function majorityText(summary: QuestionSummary): string {
  const top = summary.options.filter((option) => summary.majorityOptionIds.includes(option.id));
  const first = top[0];
  if (!first) return 'No votes';
  const letters = top.map((option) => option.letter).join(' / ');
  // Some labels are quotes already ("“We set out…”"): no second pair of quotation marks.
  const label = /^["“‘']/.test(first.label) ? first.label : `“${first.label}”`;
  return `${formatShare(summary.majorityShare)} chose ${letters}${top.length === 1 ? `: ${label}` : ''}`;
}

/** The participants figure and the words under it. */
export function participantsText(participants: ParticipantFigures): { figure: string; basis: string } {
  const unknown = participants.groupsOfUnknownSize;
  const groupsWord = `${unknown} group${unknown === 1 ? '' : 's'}`;
  if (participants.count === 0 && unknown > 0) return { figure: groupsWord, basis: 'voting on the shared screen; their sizes were not given' };
  const basis = unknown > 0 ? `${participants.basis}, and ${groupsWord} of unknown size` : participants.basis;
  return { figure: String(participants.count), basis };
}

/** "12 group votes · 30 phone votes · 20 hands". */
export function sourcesText(sources: SessionSummaryReport['totals']['sources']): string {
  const parts = [
    sources.group > 0 ? countText(sources.group, 'group vote') : '',
    sources.phone > 0 ? countText(sources.phone, 'phone vote') : '',
    sources.hands > 0 ? `${sources.hands} hand${sources.hands === 1 ? '' : 's'} counted` : '',
  ].filter(Boolean);
  return parts.join(' · ');
}

/** "Rests on 12 answers: 4 group votes · 8 phone votes": what an open question's or a rating's figures rest on. */
export function answersRestOnText(figures: Pick<AnswerQuestionBase, 'votes' | 'sources'>): string {
  return `Rests on ${countText(figures.votes, 'answer')}: ${sourcesText(figures.sources)}.`;
}

export function ReportSummary({ summary, nameOf, radarDrawn }: { summary: SessionSummaryReport; nameOf: (questionId: string) => string; radarDrawn: boolean }) {
  const { totals, profile } = summary;
  const ranked = profile.consensus;
  const mostDivided = ranked[0];
  const mostAgreed = ranked.length > 1 ? ranked[ranked.length - 1] : undefined;
  const people = participantsText(summary.participants);
  return (
    <section className={`${styles.summary} ${shared.newPage}`} aria-labelledby="report-summary">
      <h2 id="report-summary">What the room chose</h2>
      <dl className={styles.figures}>
        <div>
          <dt>Participants</dt>
          <dd className={styles.figure}>{people.figure}</dd>
          <dd>{people.basis}</dd>
        </div>
        <div>
          <dt>Votes counted</dt>
          <dd className={styles.figure}>{totals.votes}</dd>
          <dd>
            on {totals.votedOn} of {totals.scenarios} scenario{totals.scenarios === 1 ? '' : 's'}; {totals.revealed} revealed
            {totals.votes > 0 ? `. ${sourcesText(totals.sources)}` : ''}
          </dd>
        </div>
        <div>
          <dt>Leader-like choices</dt>
          <dd className={styles.figure}>{formatShare(profile.room.overall.leaderShare)}</dd>
          <dd>
            of {countText(profile.voteCount)} on the {totals.shown} revealed scenario{totals.shown === 1 ? '' : 's'}; lean: {formatLean(profile.room.overall.lean)}
          </dd>
        </div>
      </dl>
      <div className={styles.extremes}>
        <div>
          <h3>Most divided</h3>
          {mostDivided ? (
            <>
              <p className={styles.extremeName}>{nameOf(mostDivided.questionId)}</p>
              <p>
                {majorityText(mostDivided)} ({countText(mostDivided.voteCount)})
              </p>
            </>
          ) : (
            <p>No revealed votes yet.</p>
          )}
        </div>
        <div>
          <h3>Most agreed</h3>
          {mostAgreed ? (
            <>
              <p className={styles.extremeName}>{nameOf(mostAgreed.questionId)}</p>
              <p>
                {majorityText(mostAgreed)} ({countText(mostAgreed.voteCount)})
              </p>
            </>
          ) : (
            <p>{mostDivided ? 'Only one scenario has revealed votes.' : 'No revealed votes yet.'}</p>
          )}
        </div>
      </div>
      <h3>Room profile</h3>
      <p className={shared.lead}>
        For each dimension, the share of the room’s choices that were leader-like. {radarDrawn ? 'The further out, the more leader-like.' : ''}
      </p>
      <RoomRadar room={profile.room} size="print" animate={false} showControls={false} showTable={false} height={400} />
    </section>
  );
}
