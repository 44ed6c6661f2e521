/** The presenter's time of day ("14:05"), with one formatter for the page rather than one per second. */
let format: Intl.DateTimeFormat | null = null;

export function timeOfDay(ms: number): string {
  format ??= new Intl.DateTimeFormat([], { hour: '2-digit', minute: '2-digit' });
  return format.format(ms);
}

/** Makes the formatter ahead of the first render (its first use loads the locale's data). */
export function warmClock(): void {
  timeOfDay(Date.now());
}
