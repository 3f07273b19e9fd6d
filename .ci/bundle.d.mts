// Types of .ci/bundle.mjs for the TypeScript tests.
export function sourceDigest(dir: string): string;
export function asciiOnly(code: string, ts: typeof import('typescript')): string;
