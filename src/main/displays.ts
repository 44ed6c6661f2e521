/**
 * Where the audience window goes: on a display other than the presenter's when the
 * room has one (the projector), else nowhere special. No Electron here.
 */
export interface DisplayLike {
  id: number;
  bounds: { x: number; y: number; width: number; height: number };
}

/**
 * The display for the audience: the first one that is not the presenter's, so the
 * facilitator keeps their notes; null when there is only one display.
 */
export function pickAudienceDisplay<D extends DisplayLike>(displays: readonly D[], presenterDisplayId: number | null): D | null {
  if (displays.length < 2) return null;
  return displays.find((display) => display.id !== presenterDisplayId) ?? null;
}
