/**
 * The presenter window's size and place, kept between runs in
 * `<userData>/window-state.json`. Reading never trusts the file: a display that
 * has gone since (the projector) must not leave the window off-screen.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Rect;
  maximized: boolean;
}

export const DEFAULT_SIZE = { width: 1280, height: 800 };
export const MIN_SIZE = { width: 900, height: 600 };
/** How much of the title bar must be on some display for the saved place to count. */
const VISIBLE = { width: 120, height: 40 };

function isRect(value: unknown): value is Rect {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  return ['x', 'y', 'width', 'height'].every((key) => typeof r[key] === 'number' && Number.isFinite(r[key]));
}

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

/**
 * The bounds to open with: the saved ones when their top strip is on one of
 * `workAreas`, else the default size with no position (the OS centres it). Sizes
 * are clamped to the minimum and to the largest work area.
 */
export function restoreState(saved: unknown, workAreas: readonly Rect[]): { bounds: Partial<Rect> & { width: number; height: number }; maximized: boolean } {
  const fallback = { bounds: { ...DEFAULT_SIZE }, maximized: false };
  if (typeof saved !== 'object' || saved === null) return fallback;
  const { bounds, maximized } = saved as { bounds?: unknown; maximized?: unknown };
  if (!isRect(bounds)) return fallback;
  const maxWidth = Math.max(MIN_SIZE.width, ...workAreas.map((a) => a.width));
  const maxHeight = Math.max(MIN_SIZE.height, ...workAreas.map((a) => a.height));
  const width = Math.round(Math.min(Math.max(bounds.width, MIN_SIZE.width), maxWidth));
  const height = Math.round(Math.min(Math.max(bounds.height, MIN_SIZE.height), maxHeight));
  const titleStrip = { x: bounds.x, y: bounds.y, width, height: VISIBLE.height };
  const visible = workAreas.some((area) => {
    const o = overlap(titleStrip, area);
    return o.width >= VISIBLE.width && o.height >= VISIBLE.height;
  });
  const max = maximized === true;
  return visible ? { bounds: { x: Math.round(bounds.x), y: Math.round(bounds.y), width, height }, maximized: max } : { bounds: { width, height }, maximized: max };
}

/** Reads the saved state; anything unreadable counts as none. */
export function readWindowState(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch {
    return null;
  }
}

/**
 * Saves the state. A lost window position is harmless, so this is a plain
 * write-and-rename (no fsync) and never throws.
 */
export function writeWindowState(file: string, state: WindowState): void {
  try {
    const temp = `${file}.tmp`;
    writeFileSync(temp, JSON.stringify(state));
    renameSync(temp, file);
  } catch (error) {
    console.warn('Plenary: could not save the window position', error);
  }
}
