// Types of test/support/doc-examples.mjs for the TypeScript tests.
import type { Generated } from './differential.mjs';
export const DOC_EXAMPLES: { quote: string; g: Generated & { name: string }; says: Record<string, unknown> }[];
