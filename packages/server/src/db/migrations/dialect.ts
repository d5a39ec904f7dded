/**
 * @module db/migrations/dialect
 * The few column types that differ between SQLite and PostgreSQL, so each migration stays one file
 * for both.
 */
import type { ColumnDefinitionBuilder, CreateTableBuilder } from 'kysely';

export type DialectName = 'sqlite' | 'postgres';

/** Adds an increasing integer primary key named `id`. */
export function withAutoId<T extends string>(table: CreateTableBuilder<T>, dialect: DialectName): CreateTableBuilder<T, 'id'> {
  return dialect === 'postgres'
    ? table.addColumn('id', 'bigserial', (c) => c.primaryKey())
    : table.addColumn('id', 'integer', (c: ColumnDefinitionBuilder) => c.primaryKey().autoIncrement());
}
