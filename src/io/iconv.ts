import { createRequire } from 'node:module';
import type Iconv from 'iconv-lite';

let loaded: typeof Iconv | undefined;

/**
 * iconv-lite, loaded on first use: only files in UTF-16, GBK or another named encoding need it,
 * and a county run on Excel's UTF-8 parts should not pay its start-up. Synchronous (a CommonJS
 * package), so the decoders that use it stay synchronous.
 */
export function iconv(): typeof Iconv {
  return (loaded ??= createRequire(import.meta.url)('iconv-lite') as typeof Iconv);
}
