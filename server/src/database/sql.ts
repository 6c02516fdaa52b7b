import { QueryFailedError, type DataSource, type EntityManager, type EntityTarget, type ObjectLiteral, type QueryRunner } from 'typeorm';

type ColumnMetadata = ReturnType<DataSource['getMetadata']>['columns'][number];

/**
 * Hand-written statements for the answer path, which runs a dozen statements per request: building
 * them with the query builder every time cost more server CPU than the database spent running them.
 * A template is turned into SQL once per data source: `{name}` becomes the driver's quoted
 * identifier and `{FOR UPDATE}` a row lock where the database has row locks (SQLite serialises
 * whole transactions instead, see TransactionRunner). Values always travel as `?` parameters,
 * converted per column exactly as TypeORM converts them (dates, simple-json).
 */
const texts = new WeakMap<DataSource, Map<string | TemplateBuilder, string>>();

/** A template that needs the data source to be written (e.g. an entity's column list); called once per data source. */
export type TemplateBuilder = (manager: EntityManager) => string;

export function sql(manager: EntityManager, template: string | TemplateBuilder): string {
  const dataSource = manager.connection;
  let cache = texts.get(dataSource);
  if (!cache) texts.set(dataSource, (cache = new Map()));
  let text = cache.get(template);
  if (text === undefined) {
    const driver = dataSource.driver;
    const rowLocks = dataSource.options.type !== 'sqljs';
    text = (typeof template === 'function' ? template(manager) : template)
      .replace(/\s*\{FOR UPDATE\}/g, rowLocks ? ' FOR UPDATE' : '')
      .replace(/\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_, name: string) => driver.escape(name))
      .replace(/\s+/g, ' ')
      .trim();
    cache.set(template, text);
  }
  return text;
}

const rowPlaceholders = new Map<string, string>();

/** `(?, ?, …), (?, ?, …)`: placeholders for a multi-row INSERT (the same string each time, so `sql` finds it at once). */
export function valueRows(rows: number, columns: number): string {
  const key = `${rows}x${columns}`;
  let text = rowPlaceholders.get(key);
  if (text === undefined) {
    const row = `(${Array(columns).fill('?').join(', ')})`;
    rowPlaceholders.set(key, (text = Array(rows).fill(row).join(', ')));
  }
  return text;
}

/** `build(n)`, made once per n: for statements whose text depends on a row count. */
export function perCount(build: (n: number) => string): (n: number) => string {
  const made = new Map<number, string>();
  return (n) => {
    let text = made.get(n);
    if (text === undefined) made.set(n, (text = build(n)));
    return text;
  };
}

/** mysql2's callback-style connection, which TypeORM's MySQL query runner holds (it calls `.promise()` on it per query). */
interface Mysql2Connection {
  query(text: string, values: unknown[], callback: (error: Error | null, result: unknown) => void): void;
  promise(): unknown;
}

/**
 * The transaction's own mysql2 connection, when the manager runs on MySQL/MariaDB inside a query
 * runner that is connected. Going through it directly skips, per statement, mysql2's promise
 * wrapper (which captures a stack trace for every query) and TypeORM's query events and logging
 * (this application registers no subscribers and logs no queries).
 */
function mysqlConnection(manager: EntityManager): Mysql2Connection | null {
  const runner = manager.queryRunner as (QueryRunner & { databaseConnection?: Partial<Mysql2Connection> }) | undefined;
  const type = manager.connection.options.type;
  if (!runner || runner.isReleased || (type !== 'mysql' && type !== 'mariadb')) return null;
  const connection = runner.databaseConnection;
  return connection && typeof connection.query === 'function' && typeof connection.promise === 'function' ? (connection as Mysql2Connection) : null;
}

/** Runs one statement in the manager's transaction; `affected` is the number of rows an UPDATE or INSERT changed. */
export async function execute(manager: EntityManager, text: string, parameters: unknown[]): Promise<{ records: ObjectLiteral[]; affected: number | undefined }> {
  const connection = mysqlConnection(manager);
  if (connection) {
    return new Promise((resolve, reject) => {
      connection.query(text, parameters, (error, raw) => {
        // The same error TypeORM raises, so retries (driverError.code) and error mapping see no difference.
        if (error) reject(new QueryFailedError(text, parameters, error));
        else if (Array.isArray(raw)) resolve({ records: raw as ObjectLiteral[], affected: undefined });
        else resolve({ records: [], affected: (raw as { affectedRows?: number } | undefined)?.affectedRows });
      });
    });
  }
  const runner = manager.queryRunner ?? manager.connection.createQueryRunner();
  try {
    const result = await runner.query(text, parameters, true);
    return { records: result.records ?? [], affected: result.affected };
  } finally {
    if (runner !== manager.queryRunner) await runner.release();
  }
}

export async function select<T extends ObjectLiteral>(manager: EntityManager, text: string, parameters: unknown[]): Promise<T[]> {
  return (await execute(manager, text, parameters)).records as T[];
}

const columnCache = new WeakMap<DataSource, Map<EntityTarget<ObjectLiteral>, Map<string, ColumnMetadata>>>();

function column(manager: EntityManager, entity: EntityTarget<ObjectLiteral>, property: string): ColumnMetadata {
  const dataSource = manager.connection;
  let byEntity = columnCache.get(dataSource);
  if (!byEntity) columnCache.set(dataSource, (byEntity = new Map()));
  let columns = byEntity.get(entity);
  if (!columns) {
    columns = new Map(dataSource.getMetadata(entity).columns.map((c) => [c.propertyName, c]));
    byEntity.set(entity, columns);
  }
  const found = columns.get(property);
  if (!found) throw new Error(`no column ${property} on ${String(dataSource.getMetadata(entity).name)}`);
  return found;
}

/** A value as TypeORM would write it to this column (a Date for MySQL, UTC text for SQLite; JSON text for simple-json). */
export function toColumn(manager: EntityManager, entity: EntityTarget<ObjectLiteral>, property: string, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  return manager.connection.driver.preparePersistentValue(value, column(manager, entity, property));
}

/** A value read from this column, as TypeORM would hydrate it onto the entity. */
export function fromColumn<T>(manager: EntityManager, entity: EntityTarget<ObjectLiteral>, property: string, value: unknown): T {
  if (value === null || value === undefined) return null as T;
  return manager.connection.driver.prepareHydratedValue(value, column(manager, entity, property)) as T;
}

/** `alias.{column} AS {prefix}{property}, …` for every column of the entity, to read it whole in a hand-written SELECT. */
export function entityColumns(manager: EntityManager, entity: EntityTarget<ObjectLiteral>, alias: string, prefix: string): string {
  return manager.connection
    .getMetadata(entity)
    .columns.map((c) => `${alias}.{${c.databaseName}} AS {${prefix}${c.propertyName}}`)
    .join(', ');
}

/** The entity read by `entityColumns`, each value converted as TypeORM converts it (dates, booleans, simple-json, transformers). */
export function hydrate<T extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<T>, row: ObjectLiteral, prefix: string): T {
  const metadata = manager.connection.getMetadata(entity);
  const instance = metadata.create() as T;
  for (const c of metadata.columns) {
    const value = row[`${prefix}${c.propertyName}`];
    (instance as ObjectLiteral)[c.propertyName] = value === null || value === undefined ? value ?? null : manager.connection.driver.prepareHydratedValue(value, c);
  }
  return instance;
}
