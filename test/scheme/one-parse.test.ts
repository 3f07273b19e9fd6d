import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SAMPLES } from '../support/cli.js';
import { fileSource, loadScheme } from '../../src/scheme/load-scheme.js';

// A run checks one scheme, once: zod is set not to compile code for its object schemas (a
// `new Function` per shape), which costs more than it saves on a single parse. This file's first
// parse is the one a run makes (zod compiles on an object schema's first parse, and keeps it).
describe('checking a scheme', () => {
  it('compiles no code: every sample scheme is checked without a new Function, and is accepted', () => {
    const made: string[] = [];
    const real = globalThis.Function;
    globalThis.Function = new Proxy(real, {
      construct(target, args: unknown[]) {
        made.push(String(args.at(-1)).slice(0, 60));
        return Reflect.construct(target, args) as object;
      },
    });
    try {
      for (const name of ['guannan-2009', 'zhengding', 'qitai', 'budget-performance']) {
        const file = path.join(SAMPLES, name, 'scheme.yaml');
        const { scheme, diagnostics } = loadScheme(fileSource(file, readFileSync(file, 'utf8')));
        expect(scheme).toBeDefined();
        expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      }
    } finally {
      globalThis.Function = real;
    }
    expect(made).toEqual([]);
  });
});
