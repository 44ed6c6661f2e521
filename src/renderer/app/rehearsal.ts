/** Set (in the tab's sessionStorage) by the presenter when a rehearsal ends; the library reads it once to say nothing was kept. */
export const REHEARSAL_ENDED_KEY = 'plenary.rehearsalEnded';
