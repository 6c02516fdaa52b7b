import fc from 'fast-check';

/** The parts of an OpenAPI 3 schema the fuzzer reads. */
export interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  additionalProperties?: boolean | Schema;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  maxItems?: number;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

export interface Operation {
  parameters?: Array<{ name: string; in: 'path' | 'query' | 'header' | 'cookie'; required?: boolean; schema?: Schema }>;
  requestBody?: { content: Record<string, { schema?: Schema }> };
  security?: unknown[];
}

const nested = (depth: number, open = '[', close = ']') => open.repeat(depth) + close.repeat(depth);
const DEEP_OBJECT = `${'{"a":'.repeat(2000)}1${'}'.repeat(2000)}`;
const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Values no field should accept blindly: nulls, wrong types, huge and strange strings, bad dates and images. */
export const junkValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    null,
    true,
    false,
    0,
    -1,
    1.5,
    1e308,
    -1e308,
    2 ** 53 + 1,
    '',
    ' ',
    '\u0000',
    '\ud800',
    '😀'.repeat(300),
    '<script>alert(1)</script>',
    "' OR 1=1 --",
    '../../etc/passwd',
    '10000-01-01T00:00:00Z',
    '+010000-01-01T00:00:00Z',
    '9999-12-31T23:59:59-01:00',
    '2024-02-30T00:00:00Z',
    '2024-02-30',
    '2026-3-5',
    '1999-01-01T00:00:00Z',
    '2027-01-01T10:00:00',
    253402300800000,
    'data:image/png;base64,!!!',
    'data:image/png;base64,',
    `data:image/png;base64,${Buffer.from('GIF89a this is not a png at all, but long enough').toString('base64')}`,
    `data:image/png;base64,${PNG_MAGIC.toString('base64')}`,
    `data:image/jpeg;base64,${Buffer.from([0xff, 0xd8, 0xff]).toString('base64')}`,
    `data:text/html;base64,${Buffer.from('<b>x</b>').toString('base64')}`,
    [],
    [[]],
    [null],
    [[{}]],
    {},
    { __proto__: null, constructor: { prototype: { polluted: true } } },
    JSON.parse('{"__proto__":{"polluted":true}}'),
    JSON.parse(nested(30)),
    Array.from({ length: 3000 }, (_, i) => i),
    Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`k${i}`, i])),
    'x'.repeat(20_000),
    '中'.repeat(200_000),
  ),
  fc.string({ maxLength: 50 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.array(fc.anything({ maxDepth: 2 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.anything({ maxDepth: 1 }), { maxKeys: 3 }),
);

/** Raw request bodies that are not the JSON anyone expects. */
export const junkRawBody: fc.Arbitrary<string> = fc.constantFrom(
  nested(2000),
  nested(2000, '{"a":[', ']}'),
  DEEP_OBJECT,
  '[[]]',
  '[]',
  'null',
  '"text"',
  '123',
  '{',
  '{"a":1,}',
  'not json',
  '\u0000',
  `{"x":"${'y'.repeat(20 * 1024)}"}`,
  '{"__proto__":{"polluted":true}}',
);

/** Path parameter values that should never find anything, nor break the router. */
export const junkPathValue: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('not-a-uuid', '00000000-0000-0000-0000-000000000000', '%FF', '%00', '..%2F..%2Fetc', '%E4%B8%AD%E6%96%87', "1'%20OR%20'1'='1", 'x'.repeat(3000), '-1', '1e309', 'NaN'),
  fc.uuid().map(encodeURIComponent),
  fc.string({ minLength: 1, maxLength: 40 }).map(encodeURIComponent),
);

/** Query-string values: strange, repeated, bracketed, badly encoded. */
export const junkQueryString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('%FF', '%', 'a[b][c]=1', 'x=1&x=2', '__proto__[polluted]=1', `x=${'y'.repeat(10_000)}`, 'limit=-1', 'limit=1e309', 'since=10000-01-01T00:00:00Z', 'since=2024-02-30'),
  fc.string({ maxLength: 40 }).map((value) => `junk=${encodeURIComponent(value)}`),
);

export function resolve(schema: Schema | undefined, document: OpenApiDocument, seen = 0): Schema {
  if (!schema || seen > 10) return {};
  if (schema.$ref) return resolve(document.components?.schemas?.[schema.$ref.split('/').pop()!], document, seen + 1);
  if (schema.allOf) return schema.allOf.reduce<Schema>((merged, part) => mergeSchemas(merged, resolve(part, document, seen + 1)), { ...schema, allOf: undefined });
  return schema;
}

function mergeSchemas(a: Schema, b: Schema): Schema {
  return { ...a, ...b, properties: { ...a.properties, ...b.properties }, required: [...(a.required ?? []), ...(b.required ?? [])] };
}

const CALENDAR_DAY = /^\d{4}-\d{2}-\d{2}$/;
const DAYS = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

/** Values that usually satisfy the schema, so a single bad field is what the server has to catch. */
export function plausible(schema: Schema | undefined, document: OpenApiDocument, realIds: string[], depth = 0): fc.Arbitrary<unknown> {
  const s = resolve(schema, document);
  if (depth > 4) return fc.constant(null);
  if (s.enum?.length) return fc.constantFrom(...s.enum);
  if (s.oneOf || s.anyOf) return fc.oneof(...(s.oneOf ?? s.anyOf)!.map((part) => plausible(part, document, realIds, depth + 1)));
  const type = s.type ?? (s.properties ? 'object' : undefined);
  switch (type) {
    case 'string':
      if (s.format === 'uuid') return realIds.length ? fc.oneof(fc.constantFrom(...realIds), fc.uuid()) : fc.uuid();
      if (s.format === 'date-time') return fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-01-01T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString());
      if (s.format === 'binary') return fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes).toString('base64'));
      // A calendar day (YYYY-MM-DD) is documented by its example only: other days, not random text.
      if (typeof s.example === 'string' && CALENDAR_DAY.test(s.example)) return fc.oneof(fc.constant(s.example), DAYS);
      return fc.oneof(
        ...(typeof s.example === 'string' ? [fc.constant(s.example)] : []),
        fc.string({ minLength: s.minLength ?? 0, maxLength: Math.min(s.maxLength ?? 20, 20) }),
      );
    case 'integer':
      return fc.integer({ min: s.minimum ?? -1000, max: s.maximum ?? 1000 });
    case 'number':
      return fc.oneof(fc.integer({ min: s.minimum ?? -1000, max: s.maximum ?? 1000 }), fc.double({ min: s.minimum ?? -1000, max: s.maximum ?? 1000, noNaN: true }));
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(plausible(s.items, document, realIds, depth + 1), { maxLength: Math.min(s.maxItems ?? 3, 3) });
    case 'object': {
      const properties = s.properties ?? {};
      const keys = Object.keys(properties);
      if (!keys.length) {
        const values = typeof s.additionalProperties === 'object' ? plausible(s.additionalProperties, document, realIds, depth + 1) : fc.string({ maxLength: 10 });
        return fc.dictionary(fc.string({ minLength: 1, maxLength: 10 }), values, { maxKeys: 3 });
      }
      const required = new Set(s.required ?? []);
      return fc.record(Object.fromEntries(keys.map((key) => [key, plausible(properties[key], document, realIds, depth + 1)])), { requiredKeys: keys.filter((key) => required.has(key)) });
    }
    default:
      return fc.anything({ maxDepth: 1 });
  }
}

/** Dotted paths to every property of a schema, nested DTOs (through arrays) included: "options.0.title". */
export function propertyPaths(schema: Schema | undefined, document: OpenApiDocument, prefix = '', depth = 0): string[] {
  const s = resolve(schema, document);
  if (depth > 3) return [];
  if (s.type === 'array') return propertyPaths(s.items, document, `${prefix}0.`, depth + 1);
  return Object.entries(s.properties ?? {}).flatMap(([key, child]) => [`${prefix}${key}`, ...propertyPaths(child, document, `${prefix}${key}.`, depth + 1)]);
}

/** Sets `path` inside `value` (creating objects and one-element arrays on the way). */
export function setPath(value: unknown, path: string, replacement: unknown): unknown {
  const [head, ...rest] = path.split('.');
  const container: Record<string, unknown> | unknown[] = Array.isArray(value) ? [...value] : typeof value === 'object' && value !== null ? { ...(value as Record<string, unknown>) } : /^\d+$/.test(head) ? [] : {};
  const current = (container as Record<string, unknown>)[head];
  (container as Record<string, unknown>)[head] = rest.length ? setPath(current, rest.join('.'), replacement) : replacement;
  return container;
}
