#!/usr/bin/env node
// CommonJS (bin/package.json): Node starts it without its ES module loader. src/cli/start.ts says what it does.
require('../dist/app/start.cjs').start(process.argv.slice(2));
