// Types of test/support/differential.mjs for the TypeScript tests.
export interface Generated {
  seed: number;
  yaml: string;
  sheets: Record<string, unknown>;
  notes: string[];
}
export interface Reckoned {
  exit: number;
  units: { name: string; category: string; total: string; rank: number; band?: string; honour?: string; flags: string[]; exact: string }[];
  excluded: string[];
}
export interface Standings {
  head: unknown[];
  units: Map<string, { category: string; rank: unknown; total: unknown; band: string; honour: string; flags: string[]; note: string }>;
}
export function caseOf(seed: number): { g: Generated; expected: Reckoned };
export function writeAssessment(file: string, g: Generated): Promise<void>;
export function standingsFromRows(rows: unknown[][]): Standings;
export function readStandings(file: string): Promise<Standings>;
export function disagreements(expected: Reckoned, got: Standings, code: number): string[];
export function decisionCaseOf(g: Generated, expected: Reckoned): { g: Generated; expected: Reckoned } | undefined;
export function report(seed: number, g: Generated, expected: Reckoned, lines: string[], stderr: string): string;
