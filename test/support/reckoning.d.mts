// Types of test/support/reckoning.mjs for the TypeScript tests.
import type { Reckoned } from './differential.mjs';
export function reckon(yaml: string, sheets: Record<string, unknown>): Reckoned;
