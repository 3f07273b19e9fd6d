import { readFileSync } from 'node:fs';
import path from 'node:path';
import { packageRoot } from './read-inputs.js';

/** The version in the installed package's package.json (for --version and the record a result carries). */
export function packageVersion(): string {
  return (JSON.parse(readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}
