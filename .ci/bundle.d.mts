// Types of .ci/bundle.mjs for the TypeScript tests.
export function sourceDigest(dir: string): string;
