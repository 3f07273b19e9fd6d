// Types of test/support/make-budget-performance.mjs for the TypeScript tests.
export function numbers(): string;
export function selfDifferences(): [string, string, string, string, string][];
