import { RowBytes } from '../../src/io/row-bytes.js';

// Issue 11: rows are written as bytes into one buffer; what it holds must be the UTF-8 of what was put.
describe('RowBytes', () => {
  const text = (row: RowBytes): string => Buffer.from(row.take()).toString('utf8');

  it('writes digits, ASCII, bytes, UTF-8 and its own bytes again, as the text they stand for', () => {
    const row = new RowBytes();
    row.begin();
    row.ascii('<row r="');
    const start = row.length;
    row.digits(1_048_576);
    const end = row.length;
    row.bytes(Buffer.from('">'));
    row.again(start, end);
    row.utf8('｜单位𠀋 & é');
    for (const n of [0, 9, 10, 99, 100, 4_294_967_295, 9_007_199_254_740_991]) row.digits(n), row.ascii(',');
    expect(text(row)).toBe('<row r="1048576">1048576｜单位𠀋 & é0,9,10,99,100,4294967295,9007199254740991,');
  });

  it('grows past its first buffer keeping what it holds, and begins each row afresh', () => {
    const row = new RowBytes();
    row.begin();
    const long = '单位'.repeat(100_000);
    row.ascii('a'.repeat(70_000));
    row.utf8(long);
    row.again(0, 5);
    expect(text(row)).toBe(`${'a'.repeat(70_000)}${long}aaaaa`);
    row.begin();
    row.ascii('x');
    expect(text(row)).toBe('x');
  });
});
