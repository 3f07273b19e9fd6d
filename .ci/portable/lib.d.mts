// Types of .ci/portable/lib.mjs for the TypeScript tests.
export interface Platform {
  id: string;
  windows: boolean;
  node: string;
  archive: 'zip' | 'tar.gz';
  arch?: string;
}
export interface Pin {
  package: string;
  integrity: string;
  shasum: string;
}
export const PINS: { version: string; runtimes: Record<string, Pin> };
export const PLATFORMS: Platform[];
export const APP_PARTS: string[];
export function folderName(version: string, platform: Platform): string;
export function archiveName(version: string, platform: Platform): string;
export function checksums(bytes: Uint8Array): { integrity: string; shasum: string };
export function verifyRuntime(file: string, pin: Pin): void;
export function compareRegistry(pin: Pin, dist: { integrity: string; shasum: string }): void;
export function fillText(file: string, values: Record<string, string>, options?: { crlf?: boolean; bom?: boolean }): string;
export function platformTexts(platform: Platform, version: string): [name: string, text: string, mode: number][];
export function shippedPackageJson(pkg: Record<string, unknown>): string;
export function trackedFiles(root: string, folders: string[]): string[];
export function nativeParts(modulesDir: string): string[];
export function pruneModules(modulesDir: string): number;
export function unpackRuntime(tarball: string, dir: string, platform: Platform): { node: string; license?: string };
export function layFolder(options: { dir: string; appDir: string; runtime: string; license?: string; platform: Platform; version: string }): void;
export function listFiles(dir: string): string[];
export function pack(folder: string, file: string, kind: 'zip' | 'tar.gz', time: Date): Promise<void>;
