/**
 * The facilitator's screen: the current slide and the next, notes and debrief, the
 * clock, the vote's progress, and every control. State lives in the core; this
 * view renders the session's snapshots.
 */
import { useCallback, useState } from 'react';
import { useApi } from '../../app/ApiContext';
import { useLiveSession } from '../../app/hooks';
import { navigate } from '../../app/router';
import { usePreloadWhenIdle } from '../../app/views';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/Dialog';
import { ErrorView, hostErrorHint } from '../../components/ErrorView';
import { KeyHelp } from '../../components/session/KeyHelp';
import { PhonePanel } from '../../components/session/PhonePanel';
import { toggleFullscreen, usePresenterKeys } from '../../components/session/usePresenterKeys';
import { currentQuestion, useSessionActions } from '../../components/session/useSessionActions';
import { SlideView } from '../../components/slide/SlideView';
import { ResultsSlideBody } from '../results/ResultsSlideBody';
import { PhoneAdmission } from './PhoneAdmission';
import { formatDuration, sectionOf, useNow, useSectionStart } from './useClock';
import { SessionNotes } from './SessionNotes';
import { VotingControls } from './VotingControls';
import styles from './PresenterView.module.css';
import { optionLetter } from '../../../shared/optionLetter';

export default function PresenterView({ sessionId }: { sessionId: string }) {
  const api = useApi();
  const live = useLiveSession(sessionId);
  const session = live.data;
  const actions = useSessionActions(session);
  // Results is one click away: its code (and the charts') is loaded while idle.
  usePreloadWhenIdle('results', session !== undefined);
  const [help, setHelp] = useState(false);
  const [confirmEnd, setConfirmEnd] = useState(false);
  const openHelp = useCallback(() => setHelp(true), []);
  const pendingGroup = usePresenterKeys({ actions, onHelp: openHelp, onFullscreen: toggleFullscreen });
  const now = useNow();
  const sectionStart = useSectionStart(session);
  const saveNote = actions.setNote;

  if (live.error) return <ErrorView title="This session cannot be opened" error={live.error} hint={hostErrorHint(live.error)} onRetry={live.reload} />;
  if (!session) return <p aria-busy="true">Opening the session…</p>;

  const slide = session.slides[session.slideIndex];
  const nextSlide = session.slides[session.slideIndex + 1];
  const question = currentQuestion(session);
  const ended = session.status === 'ended';
  const section = sectionOf(session);
  // An ended session's clock stops at its end: no countdown, the time it ran.
  const endedAt = ended && session.endedAt ? new Date(session.endedAt).getTime() : null;
  const elapsed = (endedAt ?? now) - new Date(session.startedAt).getTime();
  const sectionLeft = !ended && sectionStart !== null && section.minutes > 0 ? section.minutes * 60_000 - (now - sectionStart) : null;

  const openAudience = () => {
    if (api.isDesktop) void api.desktop('window.openAudience', { sessionId });
    else window.open(`#/audience/${encodeURIComponent(sessionId)}`, `plenary-audience-${sessionId}`, 'popup,width=1280,height=720');
  };

  return (
    <div className={styles.page}>
      <header className={styles.top}>
        <a href="#/" aria-label="Back to the library">
          ← Library
        </a>
        <h1>{session.title}</h1>
        {session.votingMode === 'phones' && !ended && (
          <span>
            Join code <span className={styles.join}>{session.joinCode}</span>
          </span>
        )}
        <span className={styles.spacer} />
        <div className={styles.clock} aria-label="Clock">
          {ended ? (
            <span title="From the start of the session to its end">Ran for {formatDuration(elapsed)}</span>
          ) : (
            <span title="Time since the session started">Elapsed {formatDuration(elapsed)}</span>
          )}
          {sectionLeft !== null && (
            <span className={sectionLeft < 0 ? styles.over : ''} title={`Suggested time for “${section.name}”: ${section.minutes} min`}>
              {section.name || 'Section'}: {sectionLeft >= 0 ? `${formatDuration(sectionLeft)} left` : `${formatDuration(-sectionLeft)} over`}
            </span>
          )}
        </div>
      </header>

      <div className={styles.body}>
        <div className={styles.stage}>
          {ended && <p className={styles.ended}>This session has ended. Its results and report stay available.</p>}
          {slide && (
            <SlideView
              slide={slide}
              label="Current slide"
              body={slide.kind === 'results' ? <ResultsSlideBody session={session} /> : undefined}
              footer={
                <>
                  <span>{slide.section}</span>
                  <span>
                    {session.slideIndex + 1} / {session.slides.length}
                  </span>
                </>
              }
            />
          )}
          {question && <VotingControls session={session} question={question} actions={actions} pendingGroup={pendingGroup} />}
          {actions.problem && (
            <p className={styles.problem} role="alert">
              {actions.problem}
            </p>
          )}
        </div>
        <aside className={styles.side}>
          <section className={styles.panel} aria-labelledby="next-heading">
            <h2 id="next-heading">Next</h2>
            {nextSlide ? <SlideView slide={nextSlide} label="Next slide" /> : <p>This is the last slide.</p>}
          </section>
          {slide && (
            <section className={styles.panel} aria-labelledby="notes-heading">
              <h2 id="notes-heading">Notes</h2>
              {slide.notes ? <p className={styles.notes}>{slide.notes}</p> : <p>No notes for this slide.</p>}
              {slide.kind === 'scenario' && slide.question.debrief && (
                <div className={styles.debrief}>
                  <strong>Debrief · </strong>
                  {slide.question.debrief}
                  <p>
                    Leader-like answer:{' '}
                    {slide.question.options
                      .map((o, i) => (o.style === 'leader' ? optionLetter(i) : null))
                      .filter(Boolean)
                      .join(', ') || 'none'}
                  </p>
                </div>
              )}
            </section>
          )}
          <PhonePanel session={session} className={styles.panel} />
          <PhoneAdmission session={session} className={styles.panel} />
          {slide && (
            <section className={styles.panel} aria-labelledby="mynotes-heading">
              <h2 id="mynotes-heading">Your notes (kept for the report)</h2>
              <SessionNotes slideId={slide.id} saved={session.notes[slide.id] ?? ''} onSave={(text) => saveNote(slide.id, text)} />
            </section>
          )}
        </aside>
      </div>

      <nav className={styles.bottom} aria-label="Session controls">
        <Button onClick={actions.previous} disabled={ended || session.slideIndex === 0} aria-label="Previous slide">
          ← Previous
        </Button>
        <span className={styles.position} aria-live="polite">
          {session.slideIndex + 1} / {session.slides.length}
        </span>
        <Button intent="primary" onClick={actions.next} disabled={ended || session.slideIndex >= session.slides.length - 1} aria-label="Next slide">
          Next →
        </Button>
        <Button onClick={actions.blackout} disabled={ended} aria-pressed={session.blackout}>
          {session.blackout ? 'Show the screen (B)' : 'Black screen (B)'}
        </Button>
        <Button onClick={openAudience}>Open audience view</Button>
        <Button onClick={toggleFullscreen}>Full screen (F)</Button>
        <span className={styles.spacer} />
        <Button onClick={() => navigate({ view: 'results', sessionId })}>Results</Button>
        <Button onClick={openHelp}>Keyboard shortcuts (?)</Button>
        {!ended && (
          <Button intent="danger" onClick={() => setConfirmEnd(true)}>
            End session
          </Button>
        )}
        {ended && (
          <Button intent="primary" onClick={() => navigate({ view: 'report', sessionId })}>
            Report
          </Button>
        )}
      </nav>

      <KeyHelp open={help} onClose={() => setHelp(false)} />
      <ConfirmDialog
        title="End this session?"
        message="Voting stops and the join code stops working. Results and the report stay available."
        confirmLabel="End session"
        danger
        open={confirmEnd}
        onCancel={() => setConfirmEnd(false)}
        onConfirm={() => {
          setConfirmEnd(false);
          actions.end();
        }}
      />
    </div>
  );
}
