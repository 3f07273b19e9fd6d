import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CODES, exitCodeFor, type Code } from '../../src/core/codes.js';
import { codesDoc } from '../../src/core/codes-doc.js';
import { error, info, warning } from '../../src/core/diagnostic.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const REGISTRY = path.join(ROOT, 'src', 'core', 'codes.ts');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : p.endsWith('.ts') && p !== REGISTRY ? [p] : [];
  });
}

/** Every code written as a literal anywhere in src but the registry itself. */
function usedCodes(): Set<string> {
  const text = sources(path.join(ROOT, 'src')).map((f) => readFileSync(f, 'utf8')).join('\n');
  return new Set([...text.matchAll(/'([EWI]_[A-Z0-9_]+)'/g)].map((m) => m[1]!));
}

describe('the registry of diagnostic codes', () => {
  it('holds every code used in src, and no code src does not use', () => {
    const used = usedCodes();
    const registered = Object.keys(CODES);
    expect({ unregistered: [...used].filter((c) => !(c in CODES)), unused: registered.filter((c) => !used.has(c)) }).toEqual({ unregistered: [], unused: [] });
  });

  it('gives each code the severity its prefix says, and a warning or note exit 0', () => {
    const prefix = { error: 'E_', warning: 'W_', info: 'I_' } as const;
    const wrong = Object.entries(CODES).filter(([code, i]) => !code.startsWith(prefix[i.severity]) || (i.severity !== 'error') !== (i.exit === 0));
    expect(wrong).toEqual([]);
  });

  it('refuses, at compile time, a code of another severity and a code not registered', () => {
    // @ts-expect-error a warning's code is not an error's
    expect(error('W_UNKNOWN_SHEET', { file: 'a.xlsx' }, '').code).toBe('W_UNKNOWN_SHEET');
    // @ts-expect-error no such code
    expect(info('I_NO_SUCH_NOTE', {}, '').code).toBe('I_NO_SUCH_NOTE');
  });

  it('gives a run the worst exit status among its errors', () => {
    const at = { file: 'a.xlsx' };
    expect(exitCodeFor([])).toBe(0);
    expect(exitCodeFor([warning('W_UNKNOWN_SHEET', at, ''), info('I_QUOTA', {}, '')])).toBe(0);
    expect(exitCodeFor([error('E_NOT_A_NUMBER', at, ''), error('E_SCHEME_YAML', at, ''), warning('W_UNKNOWN_SHEET', at, '')])).toBe(2);
    expect(exitCodeFor([error('E_SCHEME_YAML', at, ''), error('E_FILE_NOT_FOUND', at, '')])).toBe(3);
    // The scheme against the indicators is a problem of the data, though its code names the scheme.
    expect(exitCodeFor([error('E_SCHEME_TIEBREAK', at, '')])).toBe(1);
  });

  it('is what docs/diagnostics.md lists (run npm run docs:codes after changing it)', () => {
    expect(readFileSync(path.join(ROOT, 'docs', 'diagnostics.md'), 'utf8')).toBe(codesDoc());
  });

  it('lists every code in the docs, once', () => {
    const doc = codesDoc();
    expect((Object.keys(CODES) as Code[]).filter((c) => doc.split(`| \`${c}\` |`).length !== 2)).toEqual([]);
  });
});
