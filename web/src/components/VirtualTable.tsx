import {
  flexRender,
  type RowData,
  getCoreRowModel,
  getFilteredRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type SortingState,
  type Table,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';

declare module '@tanstack/react-table' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the generics must match TanStack's declaration
  interface ColumnMeta<TData extends RowData, TValue> {
    /** Right-aligned, tabular figures. */
    numeric?: boolean;
  }
}

const ROW_HEIGHT = 36;

export interface VirtualTableProps<Row> {
  data: Row[];
  columns: ColumnDef<Row, string | number | null>[];
  sorting: SortingState;
  onSortingChange: (s: SortingState) => void;
  globalFilter: string;
  label: string;
  /** Said when the filter leaves no row. */
  noMatch?: string;
  /** Gets the table, e.g. to export the rows as shown (filtered and sorted). */
  tableRef?: (t: Table<Row>) => void;
}

/**
 * A sortable, filterable table that renders only the rows in view (TanStack Table + Virtual), so
 * 10,000 rows scroll as smoothly as 10. Spacer rows above and below keep the scrollbar honest.
 */
export const VirtualTable = <Row,>({
  data,
  columns,
  sorting,
  onSortingChange,
  globalFilter,
  label,
  tableRef,
  noMatch,
}: VirtualTableProps<Row>) => {
  const { t } = useTranslation();
  const table = useReactTable({
    data,
    columns,
    state: { sorting, globalFilter },
    onSortingChange: (updater) => onSortingChange(typeof updater === 'function' ? updater(sorting) : updater),
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
    globalFilterFn: 'includesString',
  });
  tableRef?.(table);
  const rows = table.getRowModel().rows;
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const top = items[0]?.start ?? 0;
  const bottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  const span = columns.length;
  return (
    <div ref={scroller} className="virtual-scroll" tabIndex={0} role="region" aria-label={label} data-testid="virtual-table">
      <table aria-rowcount={rows.length + 1}>
        <thead>
          {table.getHeaderGroups().map((g) => (
            <tr key={g.id}>
              {g.headers.map((h) => {
                const dir = h.column.getIsSorted();
                const name = String(flexRender(h.column.columnDef.header, h.getContext()) ?? h.id);
                return (
                  <th
                    key={h.id}
                    scope="col"
                    aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : 'none'}
                    className={h.column.columnDef.meta?.numeric ? 'num' : undefined}
                  >
                    <button
                      type="button"
                      className="sort"
                      onClick={h.column.getToggleSortingHandler()}
                      title={t('gaps.sortBy', { column: name })}
                    >
                      {flexRender(h.column.columnDef.header, h.getContext())}
                      <span aria-hidden="true">{dir === 'asc' ? ' ▲' : dir === 'desc' ? ' ▼' : ''}</span>
                    </button>
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {top > 0 && (
            <tr aria-hidden="true">
              <td colSpan={span} style={{ height: top, padding: 0, border: 0 }} />
            </tr>
          )}
          {items.map((v) => {
            const row = rows[v.index]!;
            return (
              <tr key={row.id} data-testid="gap-row" aria-rowindex={v.index + 2} style={{ height: ROW_HEIGHT }}>
                {row.getVisibleCells().map((c) => (
                  <td key={c.id} className={c.column.columnDef.meta?.numeric ? 'num' : undefined}>
                    {flexRender(c.column.columnDef.cell, c.getContext())}
                  </td>
                ))}
              </tr>
            );
          })}
          {bottom > 0 && (
            <tr aria-hidden="true">
              <td colSpan={span} style={{ height: bottom, padding: 0, border: 0 }} />
            </tr>
          )}
          {rows.length === 0 && (
            <tr>
              <td colSpan={span} className="state empty" data-testid="no-match">
                {noMatch ?? t('state.empty')}
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
};
