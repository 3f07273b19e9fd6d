/**
 * A sheet row's XML made as UTF-8 bytes in one buffer used again for every row. Made as a string,
 * a province's rows were a chain of small strings for each row (1.4 GB of them at 100,000 units),
 * each chain then flattened and encoded again into the zip writer's buffer.
 *
 * What `take()` hands out is a view of that buffer: it holds the row only until the next row is
 * begun, so whoever takes it copies it first (the zip writer does, into its own buffer).
 */
export class RowBytes {
  private buf = Buffer.allocUnsafe(1 << 16);
  private n = 0;

  /** Starts a row: what was there is written over. */
  begin(): void {
    this.n = 0;
  }

  get length(): number {
    return this.n;
  }

  /** The row made so far, as a view of the buffer (valid until the next `begin`). */
  take(): Uint8Array {
    return this.buf.subarray(0, this.n);
  }

  private room(bytes: number): void {
    if (this.n + bytes <= this.buf.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.n + bytes));
    this.buf.copy(bigger, 0, 0, this.n);
    this.buf = bigger;
  }

  /** A text of ASCII characters only (markup, numbers), one byte each. */
  ascii(text: string): void {
    this.room(text.length);
    const buf = this.buf;
    let n = this.n;
    for (let i = 0; i < text.length; i++) buf[n++] = text.charCodeAt(i);
    this.n = n;
  }

  /** Bytes made ahead (a column's cell opening). */
  bytes(bytes: Uint8Array): void {
    this.room(bytes.length);
    const buf = this.buf;
    let n = this.n;
    for (let i = 0; i < bytes.length; i++) buf[n++] = bytes[i]!;
    this.n = n;
  }

  /** The bytes from `start` to `end` of this row written again at its end (the row's number in each cell's reference). */
  again(start: number, end: number): void {
    this.room(end - start);
    const buf = this.buf;
    let n = this.n;
    for (let i = start; i < end; i++) buf[n++] = buf[i]!;
    this.n = n;
  }

  /** A whole number ≥ 0 in decimal digits, without making its text. */
  digits(value: number): void {
    if (value < 10) {
      this.room(1);
      this.buf[this.n++] = 48 + value;
      return;
    }
    let width = 1;
    for (let v = value; v >= 10; v = Math.floor(v / 10)) width++;
    this.room(width);
    let v = value;
    for (let i = this.n + width - 1; i >= this.n; i--) {
      this.buf[i] = 48 + (v % 10);
      v = Math.floor(v / 10);
    }
    this.n += width;
  }

  /** Any text, in UTF-8 (a unit's name, a remark). */
  utf8(text: string): void {
    // UTF-8 takes at most 3 bytes for each UTF-16 unit.
    this.room(text.length * 3);
    this.n += this.buf.write(text, this.n, 'utf8');
  }
}
