import type { Code } from '../core/codes.js';
import { fsSentence } from '../io/fs-errors.js';

/** The code of a stream that could not be written (registered in core/codes). */
const STREAM_FAILURE: Code = 'E_OUTPUT_STREAM';

/** What stderr says when stdout or stderr (`name`) could not be written, e.g. `> /dev/full`. */
export function streamFailureText(failure: unknown, name: string): string {
  const { message } = fsSentence(failure, name, '写入');
  return `错误 ${STREAM_FAILURE} ${message}\n    → 请检查输出转到的文件或磁盘（如「> 文件」所在的磁盘是否已满）。\n`;
}
