/** The presenter's clock: time since the session started, and the section's countdown. */
import { useEffect, useState } from 'react';
import type { Session } from '../../../shared/model';

/** Re-renders every second. */
export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

export function formatDuration(ms: number): string {
  const sign = ms < 0 ? '−' : '';
  const total = Math.floor(Math.abs(ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = String(m).padStart(h ? 2 : 1, '0');
  return `${sign}${h ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}

/** The current section's name and suggested minutes (the sum of its slides'). */
export function sectionOf(session: Session): { name: string; minutes: number } {
  const name = session.slides[session.slideIndex]?.section ?? '';
  const minutes = session.slides.filter((slide) => slide.section === name).reduce((sum, slide) => sum + slide.minutes, 0);
  return { name, minutes };
}

/**
 * When the facilitator reached the current section, remembered per tab so a reload
 * keeps the countdown. (The session's own clock, startedAt, is in the core.)
 */
export function useSectionStart(session: Session | undefined): number | null {
  const name = session ? sectionOf(session).name : null;
  const key = session ? `plenary.section.${session.id}.${name}` : null;
  const [start, setStart] = useState<number | null>(null);
  useEffect(() => {
    if (!key) return;
    const kept = Number(sessionStorage.getItem(key));
    if (kept) setStart(kept);
    else {
      const now = Date.now();
      sessionStorage.setItem(key, String(now));
      setStart(now);
    }
  }, [key]);
  return start;
}
