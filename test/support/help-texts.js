// Writes src/cli/help-texts.ts from the commands as built in dist/. Run with `npm run help:texts`;
// test/cli/instant.test.ts fails when the two differ.
import { writeFileSync } from 'node:fs';
import { helpTextsSource } from '../../dist/cli/help-texts-source.js';

writeFileSync(new URL('../../src/cli/help-texts.ts', import.meta.url), await helpTextsSource());
