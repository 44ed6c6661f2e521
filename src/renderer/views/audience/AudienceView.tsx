/**
 * The projector: the slide alone, large enough for the back of the room, fitted
 * to the screen whatever its size and the audience text size (ProjectedSlide).
 * Follows the presenter through the session's events; a touch screen can drive it
 * with the presenter's keys and taps on the group tiles.
 */
import { useCallback, useEffect, useState } from 'react';
import { useLiveSession } from '../../app/hooks';
import { ErrorView, hostErrorHint } from '../../components/ErrorView';
import { KeyHelp } from '../../components/session/KeyHelp';
import { usePhones } from '../../components/session/usePhones';
import { toggleFullscreen, usePresenterKeys } from '../../components/session/usePresenterKeys';
import { useSessionActions } from '../../components/session/useSessionActions';
import { ProjectedSlide } from './ProjectedSlide';
import styles from './AudienceView.module.css';

export default function AudienceView({ sessionId }: { sessionId: string }) {
  const live = useLiveSession(sessionId);
  const session = live.data;
  const actions = useSessionActions(session);
  const [help, setHelp] = useState(false);
  const openHelp = useCallback(() => setHelp(true), []);
  const pendingGroup = usePresenterKeys({ session, actions, onHelp: openHelp, onFullscreen: toggleFullscreen });
  const phones = usePhones(sessionId);

  useEffect(() => {
    document.title = session ? `${session.title} · Audience` : 'Plenary · Audience';
  }, [session]);

  if (live.error) return <ErrorView title="This session cannot be shown" error={live.error} hint={hostErrorHint(live.error)} onRetry={live.reload} />;
  if (!session) return <div className={styles.screen} aria-busy="true" />;
  if (session.blackout) return <div className={styles.black} aria-label="The screen is blacked out" role="img" />;

  return (
    <main className={styles.screen}>
      <div className={styles.slot}>
        <ProjectedSlide session={session} joinUrl={phones?.joinUrls[0]} actions={actions} pendingGroup={pendingGroup} label="Slide" />
      </div>
      {actions.problem && (
        <p className={styles.problem} role="alert">
          {actions.problem.message}
        </p>
      )}
      <KeyHelp open={help} onClose={() => setHelp(false)} />
    </main>
  );
}
