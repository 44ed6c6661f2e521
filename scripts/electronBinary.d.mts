// Types for electronBinary.mjs, so the TypeScript tests can import it.
export interface ElectronBinaryOptions {
  env?: NodeJS.ProcessEnv;
  packageDir?: string | null;
}
export function electronBinaryPath(options?: ElectronBinaryOptions): string | null;
export function hasElectronBinary(options?: ElectronBinaryOptions): boolean;
export const MISSING_BINARY_MESSAGE: string;
