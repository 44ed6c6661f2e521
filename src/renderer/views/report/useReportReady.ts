/**
 * Tells whoever prints the page (the desktop app's PDF export, tests, the bench)
 * that the report has drawn everything: `document.body.dataset.reportReady = 'true'`.
 *
 * "Everything" means: the data is in (the caller renders only then), every chart's
 * SVG is on the page, no SVG is wider than the report (recharts first draws at a
 * guessed width, then at the measured one), every picture has loaded (or failed
 * to: its alt text then stands in), and the fonts have loaded. Then two
 * more frames, so the last layout effects have run and painted.
 */
import { useEffect, type RefObject } from 'react';

/** Past this, the report says it is ready anyway: a half-drawn chart beats no PDF at all. */
const GIVE_UP_MS = 8000;

export function useReportReady(reportRef: RefObject<HTMLElement | null>, expectedCharts: number, version: string): void {
  useEffect(() => {
    let cancelled = false;
    let frame = 0;
    const started = performance.now();
    delete document.body.dataset.reportReady;

    const drawn = () => {
      const report = reportRef.current;
      if (!report) return false;
      const surfaces = Array.from(report.querySelectorAll<SVGElement>('svg.recharts-surface'));
      if (surfaces.length < expectedCharts) return false;
      if (!Array.from(report.querySelectorAll('img')).every((image) => image.complete)) return false;
      const limit = report.getBoundingClientRect().width + 1;
      return surfaces.every((surface) => surface.getBoundingClientRect().width <= limit);
    };
    const finish = () => {
      frame = requestAnimationFrame(() => {
        frame = requestAnimationFrame(() => {
          if (!cancelled) document.body.dataset.reportReady = 'true';
        });
      });
    };
    const poll = () => {
      if (cancelled) return;
      if (drawn() || performance.now() - started > GIVE_UP_MS) {
        void document.fonts.ready.then(() => !cancelled && finish());
        return;
      }
      frame = requestAnimationFrame(poll);
    };
    frame = requestAnimationFrame(poll);
    return () => {
      cancelled = true;
      cancelAnimationFrame(frame);
      delete document.body.dataset.reportReady;
    };
  }, [reportRef, expectedCharts, version]);
}
