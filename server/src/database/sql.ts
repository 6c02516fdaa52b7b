import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

type ColumnMetadata = ReturnType<DataSource['getMetadata']>['columns'][number];

/**
 * Hand-written statements for the answer path, which runs a dozen statements per request: building
 * them with the query builder every time cost more server CPU than the database spent running them.
 * A template is turned into SQL once per data source: `{name}` becomes the driver's quoted
 * identifier and `{FOR UPDATE}` a row lock where the database has row locks (SQLite serialises
 * whole transactions instead, see TransactionRunner). Values always travel as `?` parameters,
 * converted per column exactly as TypeORM converts them (dates, simple-json).
 */
const texts = new WeakMap<DataSource, Map<string, string>>();

export function sql(manager: EntityManager, template: string): string {
  const dataSource = manager.connection;
  let cache = texts.get(dataSource);
  if (!cache) texts.set(dataSource, (cache = new Map()));
  let text = cache.get(template);
  if (text === undefined) {
    const driver = dataSource.driver;
    const rowLocks = dataSource.options.type !== 'sqljs';
    text = template
      .replace(/\s*\{FOR UPDATE\}/g, rowLocks ? ' FOR UPDATE' : '')
      .replace(/\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_, name: string) => driver.escape(name))
      .replace(/\s+/g, ' ')
      .trim();
    cache.set(template, text);
  }
  return text;
}

/** `(?, ?, …), (?, ?, …)`: placeholders for a multi-row INSERT. */
export function valueRows(rows: number, columns: number): string {
  const row = `(${Array(columns).fill('?').join(', ')})`;
  return Array(rows).fill(row).join(', ');
}

/** Runs one statement in the manager's transaction; `affected` is the number of rows an UPDATE changed. */
export async function execute(manager: EntityManager, text: string, parameters: unknown[]): Promise<{ records: ObjectLiteral[]; affected: number | undefined }> {
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
