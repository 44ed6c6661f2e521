/**
 * What every chart shares: the theme's colours as concrete values (recharts writes
 * colours into SVG attributes, where CSS variables are not reliable), the type size
 * the CSS gave the chart (read back in pixels, so labels wrap to fit), the style
 * patterns, and the frame: a role="img" plot with a summary, and a table with the
 * same numbers.
 */
import { useEffect, useId, useLayoutEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import { XAxis } from 'recharts';
import type { Style } from '../../../shared/model';
import styles from './Charts.module.css';

export type ChartSize = 'projector' | 'screen' | 'print';

/** recharts' entrance animation, kept short so a reveal feels quick. */
export const ANIMATION_MS = 600;

/**
 * The width a chart is laid out for until its box has been measured, and where
 * there is no layout to measure (jsdom, or a box that is not displayed).
 */
export const INITIAL_WIDTH = 800;

export interface ChartColors {
  leader: string;
  manager: string;
  neutral: string;
  text: string;
  muted: string;
  border: string;
  surface: string;
  accent: string;
}

const FALLBACK_COLORS: ChartColors = {
  leader: '#0072b2',
  manager: '#d55e00',
  neutral: '#6b7280',
  text: '#14181f',
  muted: '#4a5363',
  border: '#c9d0da',
  surface: '#ffffff',
  accent: '#1f5fbf',
};

const PRINT_COLORS: ChartColors = { ...FALLBACK_COLORS, text: '#000000', muted: '#333333', border: '#999999' };

function readColors(): ChartColors {
  if (typeof document === 'undefined' || typeof getComputedStyle !== 'function') return FALLBACK_COLORS;
  const css = getComputedStyle(document.documentElement);
  const read = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return {
    leader: read('--leader', FALLBACK_COLORS.leader),
    manager: read('--manager', FALLBACK_COLORS.manager),
    neutral: read('--neutral', FALLBACK_COLORS.neutral),
    text: read('--text', FALLBACK_COLORS.text),
    muted: read('--text-muted', FALLBACK_COLORS.muted),
    border: read('--border', FALLBACK_COLORS.border),
    surface: read('--surface', FALLBACK_COLORS.surface),
    accent: read('--accent', FALLBACK_COLORS.accent),
  };
}

/** The previous colours if nothing changed, else the next ones. */
function sameColors(previous: ChartColors, next: ChartColors): ChartColors {
  return (Object.keys(next) as (keyof ChartColors)[]).every((key) => previous[key] === next[key]) ? previous : next;
}

/** The theme's colours, read again when the theme changes (`data-theme` on <html>). Print is always light. */
export function useChartColors(size: ChartSize): ChartColors {
  const [colors, setColors] = useState(readColors);
  useEffect(() => {
    if (typeof MutationObserver === 'undefined') return;
    // Only a real change redraws: <html>'s attributes are written at start-up with the
    // values they already have (the theme, the text scale), and a new object each
    // time would draw every chart on the page again for nothing.
    const observer = new MutationObserver(() => setColors((previous) => sameColors(previous, readColors())));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme', 'style'] });
    return () => observer.disconnect();
  }, []);
  return size === 'print' ? PRINT_COLORS : colors;
}

/** True when the person asked for less motion, or there is no browser to ask (tests). */
export function prefersReducedMotion(): boolean {
  if (typeof window === 'undefined' || typeof window.matchMedia !== 'function') return true;
  return window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

const FALLBACK_FONT: Record<ChartSize, number> = { projector: 24, screen: 18, print: 12 };

/** A chart's box: the type size the CSS gives it, in pixels, and its width. */
export interface ChartBox {
  ref: RefObject<HTMLDivElement | null>;
  fontPx: number;
  width: number;
  /** False until the box has been measured: the plot is drawn once, at its real size. */
  measured: boolean;
}

/**
 * The chart's type size in pixels, as its CSS says (`--chart-font`), and its width.
 * Labels are laid out in SVG, which cannot wrap text: knowing both lets them wrap.
 *
 * Measured before the first paint, then again only when something could have
 * changed them: the box's size (ResizeObserver), the text scale or the theme on
 * <html>. Never after every render: recharts renders a chart several times as it
 * settles, and reading layout each time forced the browser to lay the page out
 * again and again. This also stands in for recharts' ResponsiveContainer, which
 * would measure the same box a second time and draw the chart twice.
 */
export function useChartBox(size: ChartSize): ChartBox {
  const ref = useRef<HTMLDivElement | null>(null);
  const [box, setBox] = useState({ fontPx: FALLBACK_FONT[size], width: INITIAL_WIDTH, measured: false });
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => {
      const px = typeof getComputedStyle === 'function' ? parseFloat(getComputedStyle(element).fontSize) : Number.NaN;
      // The box's own CSS pixels (clientWidth), not its size on screen: a page may
      // be zoomed (the results view is, on a projector), and the chart is drawn
      // inside that zoom.
      const measured = element.clientWidth;
      setBox((previous) => {
        const fontPx = Number.isFinite(px) && px > 0 && Math.abs(px - previous.fontPx) > 0.25 ? px : previous.fontPx;
        const width = measured > 0 && Math.abs(measured - previous.width) > 1 ? measured : previous.width;
        return previous.measured && fontPx === previous.fontPx && width === previous.width ? previous : { fontPx, width, measured: true };
      });
    };
    measure();
    const resize = typeof ResizeObserver === 'function' ? new ResizeObserver(measure) : null;
    resize?.observe(element);
    const page = typeof MutationObserver === 'function' ? new MutationObserver(measure) : null;
    page?.observe(document.documentElement, { attributes: true, attributeFilter: ['style', 'data-theme', 'class'] });
    return () => {
      resize?.disconnect();
      page?.disconnect();
    };
  }, [size]);
  return { ref, ...box };
}

/** Average width of a character relative to the font size, for the system sans-serif fonts. */
const CHAR_WIDTH = 0.54;
/** Bold text runs wider. */
const BOLD_CHAR_WIDTH = 0.62;

/** Estimated width in pixels of some text (bold unless told otherwise: most chart labels are). */
export function textWidth(text: string, fontPx: number, bold = true): number {
  return text.length * fontPx * (bold ? BOLD_CHAR_WIDTH : CHAR_WIDTH);
}

/** A halo in the background colour, so a label stays legible where it crosses a line or a bar. */
export function halo(colors: ChartColors) {
  return { stroke: colors.surface, strokeWidth: 5, strokeLinejoin: 'round' as const, paintOrder: 'stroke' as const };
}

/** Breaks text into lines of at most `maxWidth` pixels; the last line ends in "…" when cut. */
export function wrapText(text: string, maxWidth: number, fontPx: number, maxLines = 3): string[] {
  const perLine = Math.max(8, Math.floor(maxWidth / (fontPx * CHAR_WIDTH)));
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const next = line ? `${line} ${word}` : word;
    if (next.length <= perLine) {
      line = next;
      continue;
    }
    if (line) lines.push(line);
    line = word.length > perLine ? `${word.slice(0, perLine - 1)}…` : word;
    if (lines.length === maxLines) break;
  }
  if (line && lines.length < maxLines) lines.push(line);
  if (lines.length === maxLines && words.join(' ').length > lines.join(' ').length) {
    const last = lines[maxLines - 1]!;
    lines[maxLines - 1] = `${last.length >= perLine ? last.slice(0, perLine - 1) : last}…`;
  }
  return lines.slice(0, maxLines);
}

/** Black or white, whichever reads better on a hex colour. */
export function textOn(hex: string): string {
  const match = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) return '#000000';
  const [r, g, b] = match.slice(1).map((part) => {
    const c = parseInt(part, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return luminance > 0.28 ? '#000000' : '#ffffff';
}

/** Dash patterns that tell overlaid lines apart without colour. */
export const DASHES = ['', '10 6', '3 5', '14 5 3 5', '6 6', '1 4'];

/** An SVG-safe id prefix, unique per chart, for patterns. */
export function usePatternIds(): Record<Style, string> & { divided: string } {
  const base = `p${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  return { leader: `${base}-leader`, manager: `${base}-manager`, neutral: `${base}-neutral`, divided: `${base}-divided` };
}

/**
 * The fills that tell the workshop's styles apart without colour: solid for
 * leader-like, diagonal stripes for manager-like, dots for neutral.
 */
export function StylePatterns({ ids, colors }: { ids: ReturnType<typeof usePatternIds>; colors: ChartColors }) {
  return (
    <defs>
      <pattern id={ids.leader} width="8" height="8" patternUnits="userSpaceOnUse">
        <rect width="8" height="8" fill={colors.leader} />
      </pattern>
      <pattern id={ids.manager} width="12" height="12" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width="12" height="12" fill={colors.manager} />
        <rect width="5" height="12" fill="#ffffff" fillOpacity="0.55" />
      </pattern>
      <pattern id={ids.neutral} width="12" height="12" patternUnits="userSpaceOnUse">
        <rect width="12" height="12" fill={colors.neutral} />
        <circle cx="6" cy="6" r="2.6" fill="#ffffff" fillOpacity="0.7" />
      </pattern>
      <pattern id={ids.divided} width="10" height="10" patternUnits="userSpaceOnUse" patternTransform="rotate(-45)">
        <rect width="10" height="10" fill={colors.muted} />
        <rect width="4" height="10" fill="#ffffff" fillOpacity="0.5" />
      </pattern>
    </defs>
  );
}

/** A small square in a style's fill, drawn in SVG, to sit beside a label. */
export function StyleSwatch({ x, y, sizePx, fill, stroke }: { x: number; y: number; sizePx: number; fill: string; stroke: string }) {
  return <rect x={x} y={y} width={sizePx} height={sizePx} rx={2} fill={fill} stroke={stroke} strokeWidth={1} />;
}

/** The same swatch as an HTML legend key. */
export function HtmlSwatch({ color, dash, hatched = false }: { color: string; dash?: string; hatched?: boolean }) {
  return (
    <svg className={styles.swatch} viewBox="0 0 24 24" aria-hidden="true">
      {dash === undefined ? (
        <>
          <rect x="2" y="2" width="20" height="20" rx="3" fill={color} />
          {hatched && <path d="M2 14 L14 2 M2 22 L22 2 M10 22 L22 10" stroke="#ffffff" strokeOpacity="0.6" strokeWidth="3" />}
        </>
      ) : (
        <line x1="1" y1="12" x2="23" y2="12" stroke={color} strokeWidth="4" strokeDasharray={dash} />
      )}
    </svg>
  );
}

interface ChartFrameProps {
  size: ChartSize;
  /** What the chart shows, in words, for screen readers (the plot is one image). */
  summary: string;
  /** The table with the same numbers. */
  table?: ReactNode;
  /** Shown above the plot, e.g. the vote count and a badge. */
  header?: ReactNode;
  /** Shown under the plot, e.g. a legend or controls. */
  footer?: ReactNode;
  box: ChartBox;
  /** The plot's height in pixels: kept while the box is measured, so the page does not jump. */
  plotHeight?: number;
  className?: string;
  children: ReactNode;
}

/**
 * A chart's frame: header, the plot as one image with a summary, footer, and the
 * table on demand. The plot (children, drawn at `box.width` × `plotHeight`) waits
 * for the box to be measured.
 */
export function ChartFrame({ size, summary, table, header, footer, box, plotHeight, className, children }: ChartFrameProps) {
  const [open, setOpen] = useState(size === 'print');
  return (
    <figure className={`${styles.figure} ${styles[size]} ${className ?? ''}`}>
      {header}
      <div ref={box.ref} className={styles.plot} role="img" aria-label={summary} style={box.measured ? undefined : { height: plotHeight }}>
        {box.measured && children}
      </div>
      {footer}
      {table && (
        <details className={styles.tableBox} open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
          <summary>{open ? 'Hide table' : 'Show table'}</summary>
          {/* Built when opened: a closed table is read by no one, and the results view
              has one per chart. */}
          {open && <div className={styles.tableScroll}>{table}</div>}
        </details>
      )}
    </figure>
  );
}

/** Votes in words: "1 vote", "12 votes". */
export function votesText(count: number): string {
  return `${count} vote${count === 1 ? '' : 's'}`;
}

/**
 * The 0–100 % axis under a chart of shares. Every tick, always (`interval={0}`):
 * recharts would otherwise measure each label in the page to thin them out.
 */
export function shareAxis(fontPx: number, height: number, colors: ChartColors) {
  return (
    <XAxis
      type="number"
      interval={0}
      domain={[0, 100]}
      ticks={[0, 25, 50, 75, 100]}
      tickFormatter={(value: number) => `${value}%`}
      tick={{ fontSize: fontPx * 0.8, fill: colors.muted }}
      height={height}
      stroke={colors.border}
    />
  );
}
