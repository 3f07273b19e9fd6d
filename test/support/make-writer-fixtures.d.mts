/** Types for make-writer-fixtures.mjs (a script run by hand and imported by the tests). */
export interface Family {
  about: string;
}
export const FAMILIES: Record<string, Family>;
export const SAMPLES: string;
export const FIXTURES: string;
export const COMMITTED_SAMPLE: string;
export function makeFixture(sampleXlsx: Buffer, family: string): Promise<Buffer>;
export function sampleNames(): string[];
