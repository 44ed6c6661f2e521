/**
 * The body of a "results" slide on the projector: the room's radar, compact, with
 * the overall share in words. It fills what the slide leaves below its title and
 * scales with the slide (type in em of the slide's size). Recharts loads lazily.
 * The figures are the core's session summary (`reports.get`), as on every view.
 */
import { useEffect, useRef, useState, type RefObject } from 'react';
import type { Session } from '../../../shared/model';
import { formatShare } from '../../../shared/profile';
import { useSessionSummary } from '../../app/useSessionSummary';
import { LazyRoomRadar } from '../../components/charts/lazy';
import styles from './ResultsView.module.css';

/** The height an element is given by its layout, followed as it changes. */
function useHeight<T extends HTMLElement>(): [RefObject<T | null>, number | undefined] {
  const ref = useRef<T | null>(null);
  const [height, setHeight] = useState<number | undefined>(undefined);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      const next = Math.floor(entry?.contentRect.height ?? 0);
      if (next > 0) setHeight(next);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, height];
}

export function ResultsSlideBody({ session }: { session: Session }) {
  const summary = useSessionSummary(session.id, session);
  const room = summary.data?.profile.room;
  const [chartRef, height] = useHeight<HTMLDivElement>();
  if (!room) return <div className={styles.slideBody} aria-busy="true" />;
  if (room.overall.total === 0) {
    return (
      <div className={styles.slideBody}>
        <p className={styles.slideEmpty}>No results yet: the room’s profile appears here once a vote is revealed.</p>
      </div>
    );
  }
  return (
    <div className={styles.slideBody}>
      <p className={styles.slideFigure}>
        <strong>{formatShare(room.overall.leaderShare)}</strong> of the room’s {room.overall.total} choices were leader-like
      </p>
      <div ref={chartRef} className={styles.slideChart}>
        <LazyRoomRadar room={room} size="projector" showControls={false} showTable={false} height={height ?? 420} />
      </div>
    </div>
  );
}
