/** Vite's `?raw` import: a workshop file's text, inlined by the build (see leaderOrManager.ts). */
declare module '*.plenary.json?raw' {
  const text: string;
  export default text;
}
