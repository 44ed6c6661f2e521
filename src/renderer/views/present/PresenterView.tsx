/**
 * The facilitator's cockpit, one screen without page scroll from 1280x720 up, laid
 * out like a presenter view: the status bar on top; the slide as the projector
 * shows it, with the vote's controls under it; the next slide, run of show, notes
 * and debrief beside it (long text scrolls inside its pane); the slide controls at
 * the bottom. State lives in the core; this view renders the session's snapshots.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { ownValue } from '../../../shared/records';
import { useApi } from '../../app/ApiContext';
import { useLiveSession } from '../../app/hooks';
import { REHEARSAL_ENDED_KEY } from '../../app/rehearsal';
import { navigate } from '../../app/router';
import { useAfterFirstPaint } from '../../app/useAfterFirstPaint';
import { usePreloadWhenIdle } from '../../app/views';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/Dialog';
import { ErrorView, hostErrorHint } from '../../components/ErrorView';
import { KeyHelp } from '../../components/session/KeyHelp';
import { PhonePanel } from '../../components/session/PhonePanel';
import { usePhones } from '../../components/session/usePhones';
import { toggleFullscreen, usePresenterKeys } from '../../components/session/usePresenterKeys';
import { currentQuestion, useSessionActions } from '../../components/session/useSessionActions';
import { SlideView } from '../../components/slide/SlideView';
import { ProjectedSlide } from '../audience/ProjectedSlide';
import { RunOfShowPanel } from './RunOfShowPanel';
import { PhoneAdmission } from './PhoneAdmission';
import { SessionNotes } from './SessionNotes';
import { SlidePicker } from './SlidePicker';
import { StatusBar } from './StatusBar';
import { useNow } from './useClock';
import { VotingControls } from './VotingControls';
import { AnswerControls } from './AnswerControls';
import { CommitmentsControls } from './CommitmentsControls';
import { SelfCheckControls } from './SelfCheckControls';
import styles from './PresenterView.module.css';
import { optionLetter } from '../../../shared/optionLetter';

export default function PresenterView({ sessionId }: { sessionId: string }) {
  const api = useApi();
  const live = useLiveSession(sessionId);
  const session = live.data;
  const actions = useSessionActions(session);
  const phones = usePhones(sessionId);
  // Results is one click away: its code (and the charts') is loaded while idle.
  usePreloadWhenIdle('results', session !== undefined);
  const [help, setHelp] = useState(false);
  const [picker, setPicker] = useState(false);
  const [confirmEnd, setConfirmEnd] = useState(false);
  const openHelp = useCallback(() => setHelp(true), []);
  const openPicker = useCallback(() => setPicker(true), []);
  const pendingGroup = usePresenterKeys({ session, actions, onHelp: openHelp, onFullscreen: toggleFullscreen, onPicker: openPicker });
  const now = useNow();
  const saveNote = actions.setNote;
  // The slide and its controls come first; the side panels (next slide, run of
  // show, notes, phones) and the closed dialogs a frame later: the first frame
  // then lays out half the page, and the slide is on screen sooner.
  const panelsShown = useAfterFirstPaint();

  // A rehearsal is removed when it ends: back to the library, which says so. Its
  // removal may reach this tab before its end does, so a rehearsal that vanished counts too.
  const wasRehearsal = useRef(false);
  if (session) wasRehearsal.current = session.rehearsal === true;
  const rehearsalOver = (session?.rehearsal === true && session.status === 'ended') || (live.error !== undefined && wasRehearsal.current);
  useEffect(() => {
    if (!rehearsalOver) return;
    sessionStorage.setItem(REHEARSAL_ENDED_KEY, '1');
    navigate({ view: 'library' });
  }, [rehearsalOver]);

  if (rehearsalOver && !session) return <p aria-busy="true">The rehearsal has ended…</p>;
  if (live.error) return <ErrorView title="This session cannot be opened" error={live.error} hint={hostErrorHint(live.error)} onRetry={live.reload} />;
  if (!session) return <p aria-busy="true">Opening the session…</p>;

  const slide = session.slides[session.slideIndex];
  const nextSlide = session.slides[session.slideIndex + 1];
  const question = currentQuestion(session);
  const ended = session.status === 'ended';
  const last = session.slides.length - 1;

  const openAudience = () => {
    if (api.isDesktop) void api.desktop('window.openAudience', { sessionId });
    else window.open(`#/audience/${encodeURIComponent(sessionId)}`, `plenary-audience-${sessionId}`, 'popup,width=1280,height=720');
  };

  return (
    <div className={styles.page}>
      <StatusBar session={session} connected={actions.connected} phones={phones} now={now} />
      {actions.problem && (
        <p className={`${styles.problem} ${actions.problem.offline ? styles.offline : ''}`} role="alert">
          <span>{actions.problem.message}</span>
          <button type="button" className={styles.dismiss} onClick={actions.clearProblem} aria-label="Dismiss this message">
            ×
          </button>
        </p>
      )}

      <div className={styles.body}>
        <div className={styles.stage}>
          {ended && <p className={styles.ended}>This session has ended. Its results and report stay available.</p>}
          <section className={styles.current} aria-label="Current slide" data-slide-kind={slide?.kind}>
            <div className={styles.currentBox}>
              <ProjectedSlide session={session} joinUrl={phones?.joinUrls[0]} preview label="As the projector shows it" className={styles.projected} />
            </div>
          </section>
          {question && (
            <div className={styles.controls}>
              <VotingControls session={session} question={question} actions={actions} pendingGroup={pendingGroup} />
            </div>
          )}
          {(slide?.kind === 'open' || slide?.kind === 'rating') && (
            <div className={styles.controls}>
              <AnswerControls session={session} slide={slide} actions={actions} />
            </div>
          )}
          {slide?.kind === 'commitments' && (
            <div className={styles.controls}>
              <CommitmentsControls session={session} questionId={slide.question.id} />
            </div>
          )}
          {slide?.kind === 'selfCheck' && (
            <div className={styles.controls}>
              <SelfCheckControls session={session} selfCheck={slide.question} actions={actions} />
            </div>
          )}
        </div>
        <aside className={styles.side}>
          {panelsShown && (
            <>
              <section className={`${styles.panel} ${styles.nextPanel}`} aria-labelledby="next-heading">
                <h2 id="next-heading">Next</h2>
                {nextSlide ? (
                  <div className={styles.nextBox}>
                    <SlideView slide={nextSlide} label="Next slide" />
                  </div>
                ) : (
                  <p>This is the last slide.</p>
                )}
              </section>
              <RunOfShowPanel session={session} now={now} actions={actions} className={`${styles.panel} ${styles.runPanel}`} />
              {slide && (
                <section className={`${styles.panel} ${styles.notesPanel}`} aria-labelledby="notes-heading" tabIndex={0}>
                  <h2 id="notes-heading">Notes</h2>
                  {slide.notes ? <p className={styles.notes}>{slide.notes}</p> : <p className={styles.muted}>No notes for this slide.</p>}
                  {(slide.kind === 'open' || slide.kind === 'rating') && slide.question.debrief && (
                    <div className={styles.debrief}>
                      <strong>Debrief · </strong>
                      {slide.question.debrief}
                    </div>
                  )}
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
              {slide && (
                <section className={`${styles.panel} ${styles.myNotes}`} aria-labelledby="mynotes-heading">
                  <h2 id="mynotes-heading">Your notes (kept for the report)</h2>
                  <SessionNotes slideId={slide.id} saved={ownValue(session.notes, slide.id) ?? ''} onSave={(text) => saveNote(slide.id, text)} />
                </section>
              )}
              <details className={`${styles.panel} ${styles.phonesPanel}`} open={session.votingMode === 'phones' || undefined}>
                <summary>Phones and join address</summary>
                <PhonePanel session={session} hostConnected={actions.connected} />
                <PhoneAdmission session={session} className={styles.admission} />
              </details>
            </>
          )}
        </aside>
      </div>

      <nav className={styles.bottom} aria-label="Session controls">
        <Button onClick={actions.first} disabled={ended || session.slideIndex === 0} aria-label="First slide" title="First slide (Home)">
          <EdgeIcon towards="start" />
        </Button>
        <Button onClick={actions.previous} disabled={ended || session.slideIndex === 0} aria-label="Previous slide">
          ← Previous
        </Button>
        <button type="button" className={styles.position} onClick={openPicker} title="Go to a slide (J)" disabled={ended}>
          <span aria-live="polite">
            {session.slideIndex + 1} / {session.slides.length}
          </span>
          <span className="visually-hidden">: go to a slide (J)</span> <span aria-hidden="true">▾</span>
        </button>
        <Button intent="primary" onClick={actions.next} disabled={ended || session.slideIndex >= last} aria-label="Next slide">
          Next →
        </Button>
        <Button onClick={actions.last} disabled={ended || session.slideIndex >= last} aria-label="Last slide" title="Last slide (End)">
          <EdgeIcon towards="end" />
        </Button>
        <span className={styles.divider} aria-hidden="true" />
        <Button onClick={actions.blackout} disabled={ended} aria-pressed={session.blackout}>
          {session.blackout ? 'Show screen (B)' : 'Black screen (B)'}
        </Button>
        <Button onClick={openAudience} title="Open the projector's view in a window">
          Audience
        </Button>
        <Button onClick={toggleFullscreen} title="Full screen (F)">
          Full screen
        </Button>
        <span className={styles.spacer} />
        <Button onClick={() => navigate({ view: 'results', sessionId })}>Results</Button>
        <Button onClick={openHelp} title="Keyboard shortcuts (?)">
          Keys (?)
        </Button>
        {!ended && (
          <Button intent="danger" onClick={() => setConfirmEnd(true)}>
            {session.rehearsal ? 'End rehearsal' : 'End session'}
          </Button>
        )}
        {ended && (
          <Button intent="primary" onClick={() => navigate({ view: 'report', sessionId })}>
            Report
          </Button>
        )}
      </nav>

      {panelsShown && (
        <>
          <KeyHelp open={help} onClose={() => setHelp(false)} />
          <SlidePicker open={picker} slides={session.slides} current={session.slideIndex} onPick={actions.goTo} onClose={() => setPicker(false)} />
          <ConfirmDialog
            title={session.rehearsal ? 'End this rehearsal?' : 'End this session?'}
            message={
              session.rehearsal
                ? 'The rehearsal and its votes are removed; nothing goes into History.'
                : 'Voting stops and the join code stops working. Results and the report stay available.'
            }
            confirmLabel={session.rehearsal ? 'End rehearsal' : 'End session'}
            danger
            open={confirmEnd}
            onCancel={() => setConfirmEnd(false)}
            onConfirm={() => {
              setConfirmEnd(false);
              actions.end();
            }}
          />
        </>
      )}
    </div>
  );
}

/** |◀ and ▶| drawn, not typed: the room's laptop may have no font with those signs. */
function EdgeIcon({ towards }: { towards: 'start' | 'end' }) {
  return (
    <svg width="18" height="18" viewBox="0 0 18 18" aria-hidden="true" style={towards === 'end' ? { transform: 'scaleX(-1)' } : undefined}>
      <rect x="2" y="3" width="2.5" height="12" fill="currentColor" />
      <path d="M16 3 L6 9 L16 15 Z" fill="currentColor" />
    </svg>
  );
}
