import type { Response } from 'supertest';
import type { Control, Expectation, ScopedEntry, SelfEntry, Variant } from './authz-entries.js';
import { fillPath, type DocumentedRoute } from './authz-openapi.js';
import type { AuthzWorld, Scope, Slot, WrongCaller } from './authz-world.js';
import { bearer, type TestApp } from './test-app.js';

type Resolve = (slot: Slot) => string | undefined;
type Kind = 'anonymous' | 'resident' | 'staff';

const DEFAULT_REFUSAL: Record<Kind, Expectation> = {
  anonymous: { status: [401] },
  resident: { status: [403, 404] },
  staff: { status: [403, 404] },
};

/** A slot lookup: `home` slots from the caller's own scope, the rest from `foreign`, after `remap`. */
export function resolver(foreign: Scope, home: Partial<Scope>, homeSlots: Slot[] = [], remap: Partial<Record<Slot, Slot>> = {}): Resolve {
  return (slot) => {
    const target = remap[slot] ?? slot;
    return homeSlots.includes(slot) ? home[target] : foreign[target];
  };
}

class MissingSlot extends Error {}
const SKIPPED = Symbol('skipped');

/** Sends matrix requests and counts them; each `run*` returns the problems found (empty = pass). */
export class MatrixRunner {
  requests = 0;
  readonly statuses = new Map<number, number>();

  constructor(
    private readonly t: TestApp,
    private readonly world: AuthzWorld,
  ) {}

  /** Entry and document must agree on params, required queries and whether there is a body. */
  shapeProblems(route: DocumentedRoute, entry: ScopedEntry | SelfEntry): string[] {
    const problems: string[] = [];
    const params = entry.kind === 'scoped' ? entry.params : {};
    const query = entry.kind === 'scoped' ? (entry.query ?? {}) : {};
    for (const name of route.pathParams) if (!(name in params)) problems.push(`${route.key}: the entry does not fill path parameter {${name}}`);
    for (const name of Object.keys(params)) if (!route.pathParams.includes(name)) problems.push(`${route.key}: the entry fills {${name}}, which the route does not have`);
    for (const name of route.requiredQuery) if (!(name in query)) problems.push(`${route.key}: the entry does not fill required query ?${name}=`);
    const multipart = route.bodyTypes.includes('multipart/form-data');
    const hasFile = entry.kind === 'scoped' && Boolean(entry.file);
    if (multipart !== hasFile) problems.push(`${route.key}: the document ${multipart ? 'takes' : 'takes no'} multipart upload, the entry ${hasFile ? 'sends' : 'sends no'} file`);
    if (route.bodyTypes.includes('application/json') && !entry.body) problems.push(`${route.key}: the route takes a JSON body, the entry has no valid body factory`);
    return problems;
  }

  async send(route: DocumentedRoute, entry: Pick<ScopedEntry, 'params' | 'query' | 'body' | 'file'>, token: string | null, kind: Kind, resolve: Resolve): Promise<Response> {
    const id = (slot: Slot) => {
      const value = resolve(slot);
      if (value === undefined) throw new MissingSlot(slot);
      return value;
    };
    const url = fillPath(route.path, Object.fromEntries(Object.entries(entry.params).map(([name, slot]) => [name, id(slot)])));
    const query = Object.fromEntries(Object.entries(entry.query ?? {}).map(([name, slot]) => [name, id(slot)]));
    const body = entry.body?.({ kind, id });
    let request = this.t.http[route.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete'](url);
    if (token) request = request.set(bearer(token));
    if (Object.keys(query).length) request = request.query(query);
    if (entry.file) {
      const file = entry.file(this.world);
      request = request.attach('file', file.content, file.name);
    } else if (body !== undefined) {
      request = request.send(body as object);
    }
    this.requests++;
    const response = await request;
    this.statuses.set(response.status, (this.statuses.get(response.status) ?? 0) + 1);
    return response;
  }

  /** Every wrong caller, in every variant, is refused with the expected status. */
  async runScoped(route: DocumentedRoute, entry: ScopedEntry): Promise<string[]> {
    const problems: string[] = [];
    const ran = new Set<string>();
    for (const caller of this.world.wrong) {
      const variants: Variant[] = [{ name: 'all ids from the wrong scope' }, ...(entry.variants ?? [])];
      if (entry.ownerOnly && caller.name === 'tenant') {
        const all = [...new Set([...Object.values(entry.params), ...Object.values(entry.query ?? {})])];
        variants.push({ name: 'TENANT of this very household on an owners-only route', home: all, expect: { tenant: { status: [403], code: 'OWNERS_ONLY' } } });
      }
      for (const variant of variants) {
        const expected = variant.expect?.[caller.name] ?? (variant.home ? undefined : entry.expect?.[caller.name]) ?? DEFAULT_REFUSAL[caller.kind];
        if (expected.status.some((s) => ![401, 403, 404].includes(s)) && !expected.why) problems.push(`${route.key} (${variant.name}): expecting ${expected.status.join('/')} for ${caller.name} needs a reason (why)`);
        const resolve = resolver(caller.foreign, caller.home, variant.home, variant.remap);
        const problem = await this.refused(route, entry, caller, variant.name, expected, resolve);
        if (problem !== SKIPPED) ran.add(variant.name);
        if (problem && problem !== SKIPPED) problems.push(problem);
      }
    }
    for (const variant of entry.variants ?? []) if (!ran.has(variant.name)) problems.push(`${route.key}: variant "${variant.name}" ran for no caller (no caller has those slots)`);
    return problems;
  }

  private async refused(route: DocumentedRoute, entry: ScopedEntry, caller: WrongCaller, variant: string, expected: Expectation, resolve: Resolve): Promise<string | null | typeof SKIPPED> {
    let response: Response;
    try {
      response = await this.send(route, entry, caller.token, caller.kind, resolve);
    } catch (error) {
      if (error instanceof MissingSlot) return SKIPPED; // the caller has no own scope of that kind: nothing to mix
      throw error;
    }
    const where = `${route.key} as ${caller.name} (${caller.description}), ${variant}`;
    const got = `${response.status} ${response.body?.code ?? ''} ${response.body?.message ?? ''}`.trim();
    const ok = expected.status.includes(response.status);
    if (ok && response.status < 300) return expected.why ? null : `${where}: an expected 2xx needs a reason (why)`;
    if (response.status >= 200 && response.status < 300) return `AUTHORIZATION HOLE: ${where} → ${got}`;
    if (!ok) return `${where} → ${got}, expected ${expected.status.join('/')}${response.status === 400 ? ' (400 hides whether the scope check exists: fix the body factory)' : ''}`;
    if (expected.code && response.body?.code !== expected.code) return `${where} → ${got}, expected code ${expected.code}`;
    if (typeof response.body?.code !== 'string' || response.body?.statusCode !== response.status) return `${where} → ${got}: not the {statusCode, code, message} error shape`;
    return null;
  }

  /** Routes about the caller: the audience gets 2xx with none of the victim's ids; others 401/403. */
  async runSelf(route: DocumentedRoute, entry: SelfEntry): Promise<string[]> {
    const problems: string[] = [];
    const noIds = resolver(this.world.victim, {});
    for (const caller of this.world.wrong) {
      const response = await this.send(route, { params: {}, body: entry.body }, caller.token, caller.kind, noIds);
      const where = `${route.key} as ${caller.name} (${caller.description})`;
      const inAudience = caller.kind === 'resident' ? entry.audience.includes('resident') : caller.role !== undefined && entry.audience.includes(caller.role);
      if (!inAudience) {
        const expected = caller.kind === 'anonymous' ? 401 : 403;
        if (response.status !== expected) problems.push(`${where} → ${response.status}, expected ${expected}`);
        continue;
      }
      if (response.status !== 200 && response.status !== 201) {
        problems.push(`${where} → ${response.status} ${response.body?.code ?? ''}, expected 2xx for its own data`);
        continue;
      }
      const text = response.text ?? JSON.stringify(response.body);
      for (const secret of caller.secrets) if (text.includes(secret)) problems.push(`DATA LEAK: ${where} → 2xx carrying ${secret}, an id outside the caller's scope`);
    }
    return problems;
  }

  /** Right-scope callers with the victim's ids: the ids and bodies are valid, so the refusals above are real. */
  async runControls(route: DocumentedRoute, entry: ScopedEntry): Promise<string[]> {
    const problems: string[] = [];
    for (const control of entry.controls) problems.push(...(await this.control(route, entry, control)));
    return problems;
  }

  private async control(route: DocumentedRoute, entry: ScopedEntry, control: Control): Promise<string[]> {
    const caller = this.world.right[control.as];
    const response = await this.send(route, { ...entry, body: control.body ?? entry.body }, caller.token, caller.kind, resolver(this.world.victim, {}, [], control.remap));
    const where = `control ${route.key} as right-scope ${control.as}`;
    if (!control.status.includes(response.status)) return [`${where} → ${response.status} ${response.body?.code ?? ''} ${response.body?.message ?? ''}, expected ${control.status.join('/')}`];
    if (control.code && response.body?.code !== control.code) return [`${where} → code ${response.body?.code}, expected ${control.code}`];
    if (!control.fields) return [];
    const [got, expected] = [Object.keys(response.body ?? {}), control.fields].map((keys) => [...keys].sort().join(', '));
    return got === expected ? [] : [`${where} → fields ${got}, expected exactly ${expected}`];
  }
}
