import { schemeSchema } from './schema.js';

interface Def {
  type: string;
  shape?: Record<string, { _zod: { def: Def } }>;
  innerType?: { _zod: { def: Def } };
  element?: { _zod: { def: Def } };
  in?: { _zod: { def: Def } };
  options?: { _zod: { def: Def } }[];
}

function unwrap(def: Def): Def {
  for (;;) {
    if ((def.type === 'default' || def.type === 'optional' || def.type === 'prefault') && def.innerType) def = def.innerType._zod.def;
    else if (def.type === 'pipe' && def.in) def = def.in._zod.def;
    // A union of a plain value and an object (categories: 乡镇 or {name, bands}): the object's keys.
    else if (def.type === 'union' && def.options) def = def.options.map((o) => unwrap(o._zod.def)).find((d) => d.type === 'object') ?? def.options[0]!._zod.def;
    else return def;
  }
}

/** The keys the scheme accepts at a path, for the "did you mean" hint on an unknown key. */
export function keysAt(path: readonly (string | number)[]): string[] {
  let def = unwrap((schemeSchema as unknown as { _zod: { def: Def } })._zod.def);
  for (const p of path) {
    if (typeof p === 'number' && def.type === 'array' && def.element) def = unwrap(def.element._zod.def);
    else if (typeof p === 'string' && def.type === 'object' && def.shape?.[p]) def = unwrap(def.shape[p]._zod.def);
    else return [];
  }
  return def.type === 'object' && def.shape ? Object.keys(def.shape) : [];
}
