/**
 * What every chart shares: the theme's colours as concrete values (recharts writes
 * colours into SVG attributes, where CSS variables are not reliable), the type size
 * the CSS gave the chart (read back in pixels, so labels wrap to fit), the style
 * patterns, and the frame: a role="img" plot with a summary, and a table with the
 * same numbers.
 */
import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import type { Style } from '../../../shared/model';
import styles from './Charts.module.css';

export type ChartSize = 'projector' | 'screen' | 'print';

/** recharts' entrance animation, kept short so a reveal feels quick. */
export const ANIMATION_MS = 600;

/**
 * WARNING: ResponsiveContainer measures its parent with ResizeObserver; where there
 * is none (jsdom) it keeps this size, and without it it would draw nothing at all.
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

/** The theme's colours, read again when the theme changes (`data-theme` on <html>). Print is always light. */
export function useChartColors(size: ChartSize): ChartColors {
  const [colors, setColors] = useState(readColors);
  useEffect(() => {
    if (typeof MutationObserver === 'undefined') return;
    const observer = new MutationObserver(() => setColors(readColors()));
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

/**
 * The chart's type size in pixels, as its CSS says (`--chart-font`), and its width.
 * Labels are laid out in SVG, which cannot wrap text: knowing both lets them wrap.
 */
export function useChartBox(size: ChartSize): { ref: RefObject<HTMLDivElement | null>; fontPx: number; width: number; onResize: (width: number) => void } {
  const ref = useRef<HTMLDivElement | null>(null);
  const [fontPx, setFontPx] = useState(FALLBACK_FONT[size]);
  const [width, setWidth] = useState(INITIAL_WIDTH);
  // Runs after every render: the text scale or the parent's size may have changed.
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element || typeof getComputedStyle !== 'function') return;
    const px = parseFloat(getComputedStyle(element).fontSize);
    if (Number.isFinite(px) && px > 0 && Math.abs(px - fontPx) > 0.25) setFontPx(px);
    const measured = element.getBoundingClientRect().width;
    if (measured > 0 && Math.abs(measured - width) > 1) setWidth(measured);
  });
  const onResize = useCallback((next: number) => {
    if (next > 0) setWidth((previous) => (Math.abs(previous - next) > 1 ? next : previous));
  }, []);
  return { ref, fontPx, width, onResize };
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
  boxRef: RefObject<HTMLDivElement | null>;
  className?: string;
  children: ReactNode;
}

/** A chart's frame: header, the plot as one image with a summary, footer, and the table on demand. */
export function ChartFrame({ size, summary, table, header, footer, boxRef, className, children }: ChartFrameProps) {
  const [open, setOpen] = useState(size === 'print');
  return (
    <figure className={`${styles.figure} ${styles[size]} ${className ?? ''}`}>
      {header}
      <div ref={boxRef} className={styles.plot} role="img" aria-label={summary}>
        {children}
      </div>
      {footer}
      {table && (
        <details className={styles.tableBox} open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
          <summary>{open ? 'Hide table' : 'Show table'}</summary>
          <div className={styles.tableScroll}>{table}</div>
        </details>
      )}
    </figure>
  );
}

/** Votes in words: "1 vote", "12 votes". */
export function votesText(count: number): string {
  return `${count} vote${count === 1 ? '' : 's'}`;
}
