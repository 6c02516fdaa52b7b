import { PIPELINE_GATES } from '@linyi/shared';
import { SwaggerModule, DocumentBuilder } from '@nestjs/swagger';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ALL_DISCLOSURES, apply, bindResident, openConsultation, SIGNATURE } from './support/consent.js';
import { compoundsAs, households, structureOf } from './support/demo-places.js';
import { junkPathValue, junkQueryString, junkRawBody, junkValue, plausible, propertyPaths, setPath, type OpenApiDocument, type Operation } from './support/openapi-arbitraries.js';
import { bearer, bootTestApp, residentToken, staffToken, type TestApp } from './support/test-app.js';

/**
 * Issue 7, item 6: every operation of the OpenAPI document (so a route added later is fuzzed too) gets
 * random and adversarial bodies, query strings and path parameters, sent with a token of a role the
 * route admits and real ids of the demo district. Never a 5xx; every 4xx leaves the database as it was.
 * FUZZ_RUNS (per operation) and FUZZ_SEED reproduce a run; the seed is printed.
 */
const RUNS_PER_OPERATION = Number(process.env.FUZZ_RUNS ?? 30);
const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));

/** Path parameters that name one of a fixed list, not a row: every real value, not one. */
const PATH_CHOICES: Record<string, readonly string[]> = { gate: PIPELINE_GATES };

/** From the template, not the declared parameters: one the document forgets is fuzzed all the same. */
const pathNames = (template: string) => [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);

/** Tables a rejected request may legitimately change, each with the reason. None so far. */
const TABLES_CHANGED_BY_REJECTIONS: Record<string, string> = {};

/** URL-encodes any value; a lone surrogate (which encodeURIComponent refuses) becomes its invalid UTF-8 bytes. */
const encodeLoosely = (value: unknown) => {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
  try {
    return encodeURIComponent(text);
  } catch {
    return '%ED%A0%80';
  }
};

type Body =
  | { kind: 'none' }
  | { kind: 'json'; value: unknown }
  | { kind: 'raw'; text: string; contentType: string }
  | { kind: 'file'; field: string; bytes: Uint8Array; filename: string }
  | { kind: 'fields'; fields: Record<string, string> };

interface FuzzRequest {
  path: Record<string, string>;
  query: string;
  body: Body;
  /** null: no Authorization header. */
  token: string | null;
}

interface FuzzOperation {
  method: string;
  template: string;
  operation: Operation;
  /** Every demo role the route admits (empty for public routes). */
  tokens: string[];
}

describe('fuzz: every operation of the OpenAPI document', () => {
  let t: TestApp;
  let document: OpenApiDocument;
  let tables: string[];
  const realValues = new Map<string, string>();
  /** Path values for the acceptance, warranty and repair routes: the demo's household with an open repair (demo-acceptance.ts). */
  let acceptanceValues = new Map<string, string>();
  let realIds: string[] = [];
  let sent = 0;
  let checkedUnchanged = 0;
  const statuses = new Map<string, Map<number, number>>();

  let wechat: Server;

  beforeAll(async () => {
    // WeChat itself (502 when unreachable, by design): a stand-in that knows no code, so sign-in answers 401.
    wechat = createServer((_req, res) => res.setHeader('content-type', 'application/json').end(JSON.stringify({ errcode: 40029, errmsg: 'invalid code' })));
    await new Promise<void>((resolve) => wechat.listen(0, '127.0.0.1', resolve));
    const wechatBase = `http://127.0.0.1:${(wechat.address() as AddressInfo).port}`;
    // No checkpoint timer: its rows would change between a rejected request and the snapshot.
    t = await bootTestApp({ AUDIT_CHECKPOINT_MS: '0', AUTH_DEV_LOGIN: '1', WECHAT_APPID: 'wx-fuzz', WECHAT_SECRET: 'wx-fuzz-secret', WECHAT_API_BASE: wechatBase });
    const committee = await staffToken(t, 'committee-demo');
    const compoundId = (await compoundsAs(t, committee))[0].id;
    const householdId = households(await structureOf(t, committee, compoundId))[0].id;
    const resident = await bindResident(t, committee, householdId, 'fuzz-owner');
    const consultation = await openConsultation(t, committee, { compoundId });
    await apply(t, resident, consultation.id, householdId, { acknowledgedDisclosureIds: ALL_DISCLOSURES, signaturePng: SIGNATURE, upgradeRequest: '加装一个水表' }).expect(200);
    const [{ signatureSha256 }] = await t.dataSource.query('SELECT signatureSha256 FROM household_response WHERE householdId = ?', [householdId]);
    const [{ scopeId: streetOfficeId }] = await t.dataSource.query("SELECT scopeId FROM staff_account WHERE username = 'street-demo'");
    Object.entries({ compoundId, householdId, consultationId: consultation.id, streetOfficeId, sha256: signatureSha256 }).forEach(([name, value]) => realValues.set(name, value));
    realIds = [compoundId, householdId, consultation.id, streetOfficeId];
    acceptanceValues = await demoAcceptanceValues();
    realIds.push(acceptanceValues.get('workPlanId')!, acceptanceValues.get('householdId')!);

    document = await openApiDocument();
    tables = ((await t.dataSource.query('SHOW TABLES')) as Array<Record<string, string>>).map((row) => Object.values(row)[0]).filter((name) => !(name in TABLES_CHANGED_BY_REJECTIONS));
    tokens = { committee, resident, street: await staffToken(t, 'street-demo'), contractor: await staffToken(t, 'contractor-demo'), admin: await adminToken() };
    // The account PATCH /api/staff-accounts/{id} renames, disables and re-passwords: never one whose token the fuzz still uses.
    spareStaffId = await copyOfCommittee('fuzz-spare');
  }, 60_000);

  afterAll(async () => {
    await t?.close();
    await new Promise((resolve) => wechat?.close(resolve));
  });

  let tokens: Record<string, string>;
  let spareStaffId: string;

  /** From the running app, as clients see it; built directly if the docs route is ever off. */
  async function openApiDocument(): Promise<OpenApiDocument> {
    const served = await t.http.get('/api/docs-json');
    if (served.status === 200) return served.body;
    return SwaggerModule.createDocument(t.app, new DocumentBuilder().addBearerAuth().build()) as unknown as OpenApiDocument;
  }

  /** The demo has no ADMIN account: a copy of the committee account with the ADMIN role, for admin-only routes. */
  async function adminToken(): Promise<string> {
    await copyOfCommittee('fuzz-admin', { role: 'ADMIN', scopeType: 'ALL', scopeId: null });
    return staffToken(t, 'fuzz-admin');
  }

  /** A copy of the committee-demo account under another name, with `changes`; its id. */
  async function copyOfCommittee(username: string, changes: Record<string, unknown> = {}): Promise<string> {
    const [row] = await t.dataSource.query("SELECT * FROM staff_account WHERE username = 'committee-demo'");
    const copy = { ...row, id: randomUUID(), username, ...changes };
    const columns = Object.keys(copy);
    await t.dataSource.query(`INSERT INTO staff_account (${columns.map((c) => `\`${c}\``).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`, columns.map((c) => copy[c]));
    return copy.id;
  }

  /**
   * The demo's accepted household with an open repair (1号楼2单元402), its plan, repair and inspection
   * photo: the acceptance routes then reach their rules and writes, not only their 404s.
   */
  async function demoAcceptanceValues(): Promise<Map<string, string>> {
    const [repair] = await t.dataSource.query("SELECT id, householdId, workPlanId FROM warranty_repair WHERE status = 'OPEN' ORDER BY reportedAt LIMIT 1");
    expect(repair).toBeDefined();
    const inspections: Array<{ results: string }> = await t.dataSource.query('SELECT results FROM work_inspection WHERE householdId = ? AND repairId IS NULL', [repair.householdId]);
    const photo = inspections.flatMap((row) => JSON.parse(row.results) as Array<{ photoSha256: string | null }>).find((result) => result.photoSha256)?.photoSha256;
    expect(photo).toBeTruthy();
    return new Map([
      ['householdId', repair.householdId],
      ['workPlanId', repair.workPlanId],
      ['id', repair.workPlanId],
      ['repairId', repair.id],
      ['sha256', photo!],
    ]);
  }

  /** A real value for a path parameter: the demo's own ids, else the first row of the table the name points at. */
  async function realPathValue(template: string, name: string): Promise<string> {
    if (template === '/api/staff-accounts/{id}') return spareStaffId;
    if (/\/(inspections|acceptance|warranty|repairs)\b/.test(template) && acceptanceValues.has(name)) return acceptanceValues.get(name)!;
    const known = realValues.get(name);
    if (known) return known;
    const segments = template.split('/');
    const base = name === 'id' ? (segments[segments.indexOf('{id}') - 1] ?? '') : name.replace(/Id$/, '');
    const singular = base.replace(/-/g, '_').replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase().replace(/s$/, '');
    if (singular === 'consultation') return realValues.get('consultationId')!;
    if (singular === 'household') return realValues.get('householdId')!;
    for (const table of [singular, `${singular}_message`]) {
      if (!tables.includes(table)) continue;
      const column = name === 'id' || name.endsWith('Id') ? 'id' : name;
      const rows = await t.dataSource.query(`SELECT \`${column}\` AS value FROM \`${table}\` LIMIT 1`).catch(() => []);
      if (rows.length) return String(rows[0].value);
    }
    return /Id$|^id$/.test(name) ? randomUUID() : '1';
  }

  /** Row counts and CHECKSUM TABLE of every table, in two round trips. */
  async function snapshot(): Promise<Record<string, string>> {
    const quoted = tables.map((name) => `\`${name}\``);
    const sums = (await t.dataSource.query(`CHECKSUM TABLE ${quoted.join(', ')}`)) as Array<{ Table: string; Checksum: string | number | null }>;
    const counts = (await t.dataSource.query(tables.map((name, i) => `SELECT '${name}' AS name, COUNT(*) AS n FROM ${quoted[i]}`).join(' UNION ALL '))) as Array<{ name: string; n: number }>;
    const state: Record<string, string> = {};
    for (const row of sums) state[row.Table.split('.').pop()!] = `checksum ${row.Checksum}`;
    for (const row of counts) state[row.name] += `, ${row.n} rows`;
    return state;
  }

  /** Which roles the route admits: the tokens that pass the guard (bad path ids and an unknown field stop the request right after it). */
  async function admittedTokens(method: string, template: string, operation: Operation): Promise<string[]> {
    if (!operation.security?.length) return [];
    const url = template.replace(/\{[^}]+\}/g, 'not-a-uuid');
    const admitted: string[] = [];
    for (const token of Object.values(tokens)) {
      const response = await send({ method, template, operation, tokens: [] }, { path: {}, query: '', body: { kind: 'json', value: { __probe__: 1 } }, token }, url);
      if (response.status !== 401 && response.status !== 403) admitted.push(token);
    }
    // No demo role is admitted: the guard's refusals are still fuzzed.
    return admitted.length ? admitted : [tokens.committee];
  }

  function requestArbitrary(op: FuzzOperation, realPath: Record<string, string>): fc.Arbitrary<FuzzRequest> {
    const parameters = op.operation.parameters ?? [];
    const queryParams = parameters.filter((p) => p.in === 'query');
    const real = (name: string) => fc.constantFrom(...(PATH_CHOICES[name] ?? [realPath[name]]).map(encodeURIComponent));
    const path = fc.record(Object.fromEntries(pathNames(op.template).map((name) => [name, fc.oneof({ weight: 4, arbitrary: real(name) }, { weight: 1, arbitrary: junkPathValue })])));
    const queryValue = (p: (typeof queryParams)[number]) =>
      fc.oneof(
        plausible(p.schema, document, realIds).map((value) => `${p.name}=${encodeLoosely(value)}`),
        junkValue.map((value) => `${p.name}=${encodeLoosely(value)}`),
        junkQueryString.map((junk) => `${p.name}=${junk}`),
      );
    const query = fc
      .tuple(fc.tuple(...queryParams.map((p) => fc.option(queryValue(p), { nil: undefined }))), fc.option(junkQueryString, { nil: undefined, freq: 2 }))
      .map(([values, junk]) => [...values, junk].filter((part) => part !== undefined).join('&'));
    // Mostly signed in as one of the admitted roles; sometimes without a token (the unauthenticated body limits).
    const token: fc.Arbitrary<string | null> = op.tokens.length ? fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...op.tokens) }, { weight: 1, arbitrary: fc.constant(null) }) : fc.constant(null);
    return fc.record({ path, query, body: bodyArbitrary(op.operation), token });
  }

  function bodyArbitrary(operation: Operation): fc.Arbitrary<Body> {
    const content = operation.requestBody?.content ?? {};
    const wrongContentType = fc.constantFrom<Body>(
      { kind: 'raw', text: '{"a":1}', contentType: 'text/plain' },
      { kind: 'raw', text: 'a[b][c][d][e][f]=1&a=2&__proto__[x]=1', contentType: 'application/x-www-form-urlencoded' },
      { kind: 'raw', text: '{"a":1}', contentType: 'application/json; charset=utf-16' },
      { kind: 'raw', text: '--x\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nbroken', contentType: 'multipart/form-data; boundary=x' },
    );
    const raw = junkRawBody.map<Body>((text) => ({ kind: 'raw', text, contentType: 'application/json' }));
    if (content['multipart/form-data']) {
      const bytes = fc.oneof(fc.uint8Array({ maxLength: 4000 }), fc.string({ maxLength: 400 }).map((text) => new TextEncoder().encode(`楼栋,单元,房号\n${text}`)), fc.constant(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])));
      const filename = fc.constantFrom('roster.csv', 'roster.xlsx', 'roster', '../../etc/passwd.csv', '名单.xlsx', `${'a'.repeat(300)}.csv`, 'x.exe');
      return fc.oneof(
        fc.record({ kind: fc.constant('file' as const), field: fc.constantFrom('file', 'other'), bytes, filename }),
        fc.record({ kind: fc.constant('fields' as const), fields: fc.dictionary(fc.constantFrom('file', 'x', 'name'), fc.string({ maxLength: 30 }), { maxKeys: 3 }) }),
        fc.constant<Body>({ kind: 'none' }),
        raw,
        wrongContentType,
      );
    }
    const schema = content['application/json']?.schema;
    if (!schema) return fc.oneof({ weight: 6, arbitrary: fc.constant<Body>({ kind: 'none' }) }, { weight: 1, arbitrary: junkValue.map<Body>((value) => ({ kind: 'json', value })) }, { weight: 1, arbitrary: raw });
    const paths = [...propertyPaths(schema, document), '__extra__'];
    const mutated = fc.tuple(plausible(schema, document, realIds), fc.constantFrom(...paths), junkValue).map<Body>(([base, path, junk]) => ({ kind: 'json', value: setPath(base, path, junk) }));
    // "Leave it as it is" must never be spelled null: one field at a time, nested ones included.
    const nulled = fc.tuple(plausible(schema, document, realIds), fc.constantFrom(...paths)).map<Body>(([base, path]) => ({ kind: 'json', value: setPath(base, path, null) }));
    return fc.oneof(
      { weight: 6, arbitrary: mutated },
      { weight: 3, arbitrary: nulled },
      { weight: 1, arbitrary: plausible(schema, document, realIds).map<Body>((value) => ({ kind: 'json', value })) },
      { weight: 1, arbitrary: junkValue.map<Body>((value) => ({ kind: 'json', value })) },
      { weight: 2, arbitrary: raw },
      { weight: 1, arbitrary: wrongContentType },
    );
  }

  async function send(op: FuzzOperation, request: FuzzRequest, url?: string) {
    sent++;
    const target = url ?? `${op.template.replace(/\{([^}]+)\}/g, (_, name: string) => request.path[name])}${request.query ? `?${request.query}` : ''}`;
    let call = t.http[op.method as 'get'](target);
    if (request.token) call = call.set(bearer(request.token));
    const body = request.body;
    if (body.kind === 'json') {
      // Primitives and null go as text: superagent would not send them as a JSON body.
      call = call.set('content-type', 'application/json').send(JSON.stringify(body.value) ?? 'null');
    } else if (body.kind === 'raw') {
      call = call.set('content-type', body.contentType).send(body.text);
    } else if (body.kind === 'file') {
      call = call.attach(body.field, Buffer.from(body.bytes), body.filename);
    } else if (body.kind === 'fields') {
      for (const [name, value] of Object.entries(body.fields)) call = call.field(name, value);
    }
    return call.ok(() => true);
  }

  const roleOf = (token: string | null) => Object.entries(tokens).find(([, value]) => value === token)?.[0] ?? 'none';
  const describeRequest = (op: FuzzOperation, request: FuzzRequest) => {
    const body = JSON.stringify(request.body, (_key, value) => (value instanceof Uint8Array ? `<${value.length} bytes>` : value)) ?? '';
    return `${op.method.toUpperCase()} ${op.template} path=${JSON.stringify(request.path).slice(0, 200)} query=${request.query.slice(0, 200)} as=${roleOf(request.token)} body=${body.slice(0, 400)}`;
  };

  it('never answers 5xx, answers 4xx in the error shape, and a 4xx changes nothing in the database', async () => {
    process.stdout.write(`fuzz: seed ${SEED}, ${RUNS_PER_OPERATION} runs per operation (FUZZ_SEED=${SEED} FUZZ_RUNS=${RUNS_PER_OPERATION} to repeat)\n`);
    const operations: FuzzOperation[] = [];
    for (const [template, methods] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
        operations.push({ method, template, operation, tokens: await admittedTokens(method, template, operation) });
      }
    }
    expect(operations.length).toBeGreaterThan(30);

    let clean: Record<string, string> | null = null;
    const failures: string[] = [];
    for (const [index, op] of operations.entries()) {
      const realPath = Object.fromEntries(await Promise.all(pathNames(op.template).map(async (name) => [name, await realPathValue(op.template, name)] as const)));
      const property = fc.asyncProperty(requestArbitrary(op, realPath), async (request) => {
        const before = clean ?? (await snapshot());
        const response = await send(op, request);
        const seen = statuses.get(`${op.method.toUpperCase()} ${op.template}`) ?? new Map<number, number>();
        statuses.set(`${op.method.toUpperCase()} ${op.template}`, seen.set(response.status, (seen.get(response.status) ?? 0) + 1));
        const where = `${describeRequest(op, request)} → ${response.status} ${JSON.stringify(response.body).slice(0, 300)}`;
        if (response.status >= 500) throw new Error(`5xx: ${where}`);
        if (response.status < 400) {
          clean = null;
          return;
        }
        if (response.type === 'application/json' && (typeof response.body.code !== 'string' || typeof response.body.message !== 'string')) throw new Error(`4xx without {code, message}: ${where}`);
        const after = await snapshot();
        const changed = Object.keys(after).filter((table) => after[table] !== before[table]);
        if (changed.length) throw new Error(`a ${response.status} changed ${changed.map((table) => `${table} (${before[table]} → ${after[table]})`).join(', ')}: ${where}`);
        checkedUnchanged++;
        clean = after;
      });
      const result = await fc.check(property, { numRuns: RUNS_PER_OPERATION, seed: SEED + index, endOnFailure: true });
      if (result.failed) {
        const error = result.errorInstance instanceof Error ? result.errorInstance.message : String(result.errorInstance);
        failures.push(`${op.method.toUpperCase()} ${op.template} (seed ${SEED + index}): ${error}`);
        clean = null;
      }
    }
    if (process.env.FUZZ_VERBOSE) {
      for (const op of operations) process.stdout.write(`  ${op.method.toUpperCase()} ${op.template} as ${op.tokens.map(roleOf).join('/') || 'none'}: ${JSON.stringify(Object.fromEntries(statuses.get(`${op.method.toUpperCase()} ${op.template}`) ?? []))}\n`);
    }
    process.stdout.write(`fuzz: ${sent} requests over ${operations.length} operations, ${checkedUnchanged} 4xx answers checked against the database snapshot (seed ${SEED})\n`);
    expect(failures).toEqual([]);
  }, 400_000);
});
