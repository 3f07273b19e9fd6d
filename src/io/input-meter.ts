/**
 * How many bytes of input this process has read: a workbook's parts as they inflate, a CSV's file.
 * The size of the job is known here first, before any of its work is done; src/cli/run.ts listens
 * for the count passing its mark, and then sets V8 up for a long run (src/cli/tiers.ts).
 */

let read = 0;
let listener: { mark: number; passed: () => void } | undefined;

/** Bytes just read. */
export function countInput(bytes: number): void {
  read += bytes;
  if (listener !== undefined && read >= listener.mark) {
    const { passed } = listener;
    listener = undefined;
    passed();
  }
}

/** `passed` is called once, when the bytes read reach `mark` (at once if they already have); a later call replaces it. */
export function whenInputReaches(mark: number, passed: () => void): void {
  listener = { mark, passed };
  countInput(0);
}

/** The bytes read so far. */
export function inputRead(): number {
  return read;
}
