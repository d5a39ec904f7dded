/**
 * A plain table of a chart's numbers: the first column names the row (a row header), the caption
 * names the table, so a screen reader can read the figures a chart only draws.
 */
import { Table } from '@mantine/core';
import type { ReactNode } from 'react';

export interface Column<T> {
  header: string;
  cell: (row: T) => ReactNode;
}

export function DataTable<T>({
  caption,
  columns,
  rows,
  rowKey,
  testId,
}: {
  caption: string;
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  testId?: string;
}) {
  const [first, ...rest] = columns;
  return (
    <Table.ScrollContainer minWidth={320}>
      <Table striped verticalSpacing={4} fz="sm" data-testid={testId}>
        <caption>{caption}</caption>
        <Table.Thead>
          <Table.Tr>
            {columns.map((c) => (
              <Table.Th key={c.header} scope="col">
                {c.header}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={rowKey(r)}>
              {first && (
                <Table.Th scope="row" fw={500}>
                  {first.cell(r)}
                </Table.Th>
              )}
              {rest.map((c) => (
                <Table.Td key={c.header}>{c.cell(r)}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
