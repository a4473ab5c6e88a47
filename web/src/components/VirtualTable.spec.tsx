import type { ColumnDef, SortingState, Table } from '@tanstack/react-table';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import '../i18n';
import { toCsv } from '../csv';
import { VirtualTable } from './VirtualTable';

afterEach(cleanup);
// jsdom lays nothing out: give the scroll box the height it has in a browser.
beforeAll(() => {
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(560);
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(1000);
});

interface Person {
  id: string;
  name: string;
  days: number | null;
}
const columns: ColumnDef<Person, string | number | null>[] = [
  { id: 'id', header: 'Id', accessorFn: (r) => r.id },
  { id: 'name', header: 'Name', accessorFn: (r) => r.name },
  { id: 'days', header: 'Days', accessorFn: (r) => r.days, meta: { numeric: true }, sortUndefined: 'last' },
];
const people: Person[] = Array.from({ length: 10_000 }, (_, i) => ({
  id: `E${String(i).padStart(5, '0')}`,
  name: i % 2 ? `김${i}` : `Lee ${i}`,
  days: i % 7 === 0 ? null : (i * 37) % 1000,
}));

const Harness = ({ filter = '', onTable }: { filter?: string; onTable?: (t: Table<Person>) => void }) => {
  const [sorting, setSorting] = useState<SortingState>([]);
  return (
    <VirtualTable
      data={people}
      columns={columns}
      sorting={sorting}
      onSortingChange={setSorting}
      globalFilter={filter}
      label="people"
      tableRef={onTable}
    />
  );
};

describe('<VirtualTable> with 10,000 rows', () => {
  it('renders only a window of rows, not all 10,000', async () => {
    render(<Harness />);
    const rows = await screen.findAllByTestId('gap-row');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(60);
    expect(screen.getByRole('table').getAttribute('aria-rowcount')).toBe('10001');
  });

  it('sorts by a column on click, descending on the second click, and says so to assistive technology', async () => {
    render(<Harness />);
    const header = screen.getByRole('columnheader', { name: /Id/ });
    fireEvent.click(within(header).getByRole('button'));
    fireEvent.click(within(header).getByRole('button'));
    expect(header.getAttribute('aria-sort')).toBe('descending');
    expect(within((await screen.findAllByTestId('gap-row'))[0]!).getAllByRole('cell')[0]!.textContent).toBe('E09999');
  });

  it('filters, and the CSV export takes the rows as filtered and sorted, with a BOM', () => {
    let table: Table<Person> | undefined;
    render(<Harness filter="Lee 99" onTable={(t) => (table = t)} />);
    const rows = table!.getRowModel().rows;
    expect(rows.map((r) => r.original.name)).toEqual(people.filter((p) => p.name.includes('Lee 99')).map((p) => p.name));
    expect(rows).toHaveLength(55);
    const csv = toCsv(
      ['Id', 'Name', 'Days'],
      rows.map((r) => [r.original.id, r.original.name, r.original.days]),
    );
    expect(csv.startsWith('\uFEFFId,Name,Days\r\n')).toBe(true);
    expect(csv.trimEnd().split('\r\n')).toHaveLength(rows.length + 1);
  });
});
