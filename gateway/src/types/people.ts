import { validationError } from '@hub/events';
import { BRANCH_SORTS, branchesPage, EMPLOYEE_SORTS, employeesPage, FC_SORTS, fcsPage } from '@hub/read-model';
import { ACCESS } from '../access';
import { builder } from '../builder';
import { idOrNull } from './args';
import { asOfArgOptions, knownAtArgOptions, momentOf } from './asOf';
import { BranchRef } from './branch';
import { forwardPage, toConnection } from './connection';
import { EmployeeRef } from './employee';
import { GradeEnum, SortDirectionEnum } from './enums';
import { FcRef } from './fc';

/*
 * The directory as Relay connections with filters and sorting. Sorting by LAST_TOUCHED_AT
 * (ascending: never reached first) answers "who has gone longest without hearing from us".
 */

const EmployeeSortEnum = builder.enumType('EmployeeSort', {
  description: 'How to order employees.',
  values: {
    NAME: { description: 'By name.' },
    GRADE: { description: 'By grade (사원 first when ascending).' },
    HIRED_ON: { description: 'By hire date.' },
    LAST_TOUCHED_AT: { description: 'By their last touch (never reached first when ascending).' },
  } satisfies Record<(typeof EMPLOYEE_SORTS)[number], { description: string }>,
});
const FcSortEnum = builder.enumType('FcSort', {
  description: 'How to order FCs.',
  values: {
    NAME: { description: 'By name.' },
    HIRED_ON: { description: 'By hire date.' },
    LAST_TOUCHED_AT: { description: 'By their last touch (never reached first when ascending).' },
  } satisfies Record<(typeof FC_SORTS)[number], { description: string }>,
});
const BranchSortEnum = builder.enumType('BranchSort', {
  description: 'How to order branches.',
  values: {
    NAME: { description: 'By name.' },
    REGION: { description: 'By region, then name.' },
    LAST_VISITED_AT: { description: 'By the last leader visit (never visited first when ascending).' },
    FC_COUNT: { description: 'By how many FCs work there.' },
  } satisfies Record<(typeof BRANCH_SORTS)[number], { description: string }>,
});

/** Longest search text: a name or a number, not a document. */
export const SEARCH_MAX = 100;

/** Search text as the view takes it: trimmed, null when blank, refused when too long. */
export const searchText = (text: string | null | undefined, field: string) => {
  const trimmed = text?.trim() ?? '';
  if (trimmed.length > SEARCH_MAX) throw validationError(`${field}: at most ${SEARCH_MAX} characters`);
  return trimmed === '' ? null : trimmed;
};

const EmployeeFilterInput = builder.inputType('EmployeeFilter', {
  description: 'Narrows the employees listed.',
  fields: (t) => ({
    orgUnitId: t.id({ required: false, description: 'This org unit and the units below it.' }),
    grade: t.field({ type: GradeEnum, required: false, description: 'This grade.' }),
    region: t.string({ required: false, description: 'This region.' }),
    name: t.string({ required: false, description: 'Name contains this (case-insensitive).' }),
    search: t.string({
      required: false,
      description: `Directory search: name contains this, or the employee number starts with it (case-insensitive; at most ${SEARCH_MAX} characters).`,
    }),
    includeLeft: t.boolean({ required: false, description: 'Include those who have left (default: no).' }),
  }),
});
const FcFilterInput = builder.inputType('FcFilter', {
  description: 'Narrows the FCs listed.',
  fields: (t) => ({
    branchId: t.id({ required: false, description: 'Of this branch.' }),
    region: t.string({ required: false, description: 'Of branches in this region.' }),
    pride: t.boolean({ required: false, description: 'Of PRIDE (true) or other (false) branches.' }),
    name: t.string({ required: false, description: 'Name contains this (case-insensitive).' }),
    search: t.string({
      required: false,
      description: `Directory search: name contains this, or the FC id starts with it (case-insensitive; at most ${SEARCH_MAX} characters).`,
    }),
    includeLeft: t.boolean({ required: false, description: 'Include those who have left (default: no).' }),
  }),
});
const BranchFilterInput = builder.inputType('BranchFilter', {
  description: 'Narrows the branches listed.',
  fields: (t) => ({
    region: t.string({ required: false, description: 'In this region.' }),
    district: t.string({ required: false, description: 'In this district (구), e.g. 서초구.' }),
    seoul: t.boolean({ required: false, description: 'In Seoul (true) or elsewhere (false).' }),
    pride: t.boolean({ required: false, description: 'PRIDE (true) or not (false).' }),
    name: t.string({ required: false, description: 'Name contains this (case-insensitive).' }),
  }),
});

builder.queryFields((t) => ({
  employees: t.connection(
    {
      authScopes: ACCESS.read,
      type: EmployeeRef,
      description: 'Employees, filtered and sorted. Forward pagination (first/after).',
      args: {
        filter: t.arg({ type: EmployeeFilterInput, required: false, description: 'Narrow the list.' }),
        sortBy: t.arg({ type: EmployeeSortEnum, required: false, description: 'Order by (default NAME).' }),
        direction: t.arg({ type: SortDirectionEnum, required: false, description: 'Ascending (default) or descending.' }),
        asOf: t.arg(asOfArgOptions),
        knownAt: t.arg(knownAtArgOptions),
      },
      resolve: async (_, args, ctx) => {
        const page = forwardPage('employees', args);
        const f = args.filter;
        const filter = {
          orgUnitId: idOrNull(f?.orgUnitId),
          grade: f?.grade ?? null,
          region: f?.region ?? null,
          name: f?.name ?? null,
          search: searchText(f?.search, 'filter.search'),
          includeLeft: f?.includeLeft ?? false,
        };
        return toConnection(
          await employeesPage(ctx.view, filter, { by: args.sortBy ?? 'NAME', direction: args.direction ?? 'ASC' }, page, momentOf(args)),
          page.after,
        );
      },
    },
    { name: 'EmployeeConnection', description: 'A page of employees.' },
    { name: 'EmployeeEdge', description: 'An employee in a page, with its cursor.' },
  ),
  fcs: t.connection(
    {
      authScopes: ACCESS.read,
      type: FcRef,
      description: 'FCs, filtered and sorted. Forward pagination (first/after).',
      args: {
        filter: t.arg({ type: FcFilterInput, required: false, description: 'Narrow the list.' }),
        sortBy: t.arg({ type: FcSortEnum, required: false, description: 'Order by (default NAME).' }),
        direction: t.arg({ type: SortDirectionEnum, required: false, description: 'Ascending (default) or descending.' }),
        asOf: t.arg(asOfArgOptions),
        knownAt: t.arg(knownAtArgOptions),
      },
      resolve: async (_, args, ctx) => {
        const page = forwardPage('fcs', args);
        const f = args.filter;
        const filter = {
          branchId: idOrNull(f?.branchId),
          region: f?.region ?? null,
          pride: f?.pride ?? null,
          name: f?.name ?? null,
          search: searchText(f?.search, 'filter.search'),
          includeLeft: f?.includeLeft ?? false,
        };
        return toConnection(
          await fcsPage(ctx.view, filter, { by: args.sortBy ?? 'NAME', direction: args.direction ?? 'ASC' }, page, momentOf(args)),
          page.after,
        );
      },
    },
    { name: 'FcConnection', description: 'A page of FCs.' },
    { name: 'FcEdge', description: 'An FC in a page, with its cursor.' },
  ),
  branches: t.connection(
    {
      authScopes: ACCESS.read,
      type: BranchRef,
      description: 'Sales branches, filtered and sorted. Forward pagination (first/after).',
      args: {
        filter: t.arg({ type: BranchFilterInput, required: false, description: 'Narrow the list.' }),
        sortBy: t.arg({ type: BranchSortEnum, required: false, description: 'Order by (default NAME).' }),
        direction: t.arg({ type: SortDirectionEnum, required: false, description: 'Ascending (default) or descending.' }),
        asOf: t.arg(asOfArgOptions),
        knownAt: t.arg(knownAtArgOptions),
      },
      resolve: async (_, args, ctx) => {
        const page = forwardPage('branches', args);
        const f = args.filter;
        const filter = {
          region: f?.region ?? null,
          district: f?.district ?? null,
          seoul: f?.seoul ?? null,
          pride: f?.pride ?? null,
          name: f?.name ?? null,
        };
        return toConnection(
          await branchesPage(ctx.view, filter, { by: args.sortBy ?? 'NAME', direction: args.direction ?? 'ASC' }, page, momentOf(args)),
          page.after,
        );
      },
    },
    { name: 'BranchConnection', description: 'A page of branches.' },
    { name: 'BranchEdge', description: 'A branch in a page, with its cursor.' },
  ),
}));
