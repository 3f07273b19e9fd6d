import { readFileSync } from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../io/read-inputs.js';

let cached: string | undefined;

/** The installed package's version, read once. */
export function toolVersion(): string {
  cached ??= (JSON.parse(readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
  return cached;
}
