import { TableColumnOptions, TableForeignKey, TableIndex } from 'typeorm';

/** Column builders for migrations; the schema-builder API keeps one migration valid on MySQL and SQLite. */
export const idColumn = (): TableColumnOptions => ({ name: 'id', type: 'varchar', length: '36', isPrimary: true });
export const refColumn = (name: string, isNullable = false): TableColumnOptions => ({ name, type: 'varchar', length: '36', isNullable });
export const textColumn = (name: string, length: number, isNullable = false): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: String(length),
  isNullable,
});
export const createdAtColumn = (): TableColumnOptions => ({ name: 'createdAt', type: 'datetime', default: 'CURRENT_TIMESTAMP' });

export const foreignKey = (name: string, column: string, table: string) =>
  new TableForeignKey({ name, columnNames: [column], referencedTableName: table, referencedColumnNames: ['id'], onDelete: 'RESTRICT', onUpdate: 'NO ACTION' });

export const index = (name: string, columnNames: string[], isUnique = false) => new TableIndex({ name, columnNames, isUnique });
export const intColumn = (name: string, isNullable = false): TableColumnOptions => ({ name, type: 'integer', isNullable });
export const longTextColumn = (name: string, isNullable = false): TableColumnOptions => ({ name, type: 'text', isNullable });
export const dateColumn = (name: string, isNullable = false): TableColumnOptions => ({ name, type: 'datetime', isNullable });
