// Writes docs/diagnostics.md from the registry of diagnostic codes (src/core/codes.ts), as built
// in dist/. Run with `npm run docs:codes`; test/core/codes.test.ts fails when the two differ.
import { writeFileSync } from 'node:fs';
import { codesDoc } from '../../dist/core/codes-doc.js';

writeFileSync(new URL('../../docs/diagnostics.md', import.meta.url), codesDoc());
