import { READ_BACK } from '@hub/read-model';
import { notFound } from '@hub/events';
import type { CommandResult } from '@hub/event-store';
import type { OrgUnitRow } from '@hub/read-model';
import { ACCESS } from '../access';
import { builder } from '../builder';
import type { HubContext } from '../context';
import type { Loaders } from '../loaders';
import { BranchRef, FcRef, OrgUnitKindEnum, OrgUnitRef } from '../types/directory';
import { EmployeeRef } from '../types/employee';
import { GradeEnum } from '../types/enums';
import { commandContext, commandIdOptions, occurredAtArg } from './command';

/** After a directory command: wait for the view, then read the thing back from it, fresh. */
const readBack = async <T>(
  ctx: HubContext,
  result: CommandResult,
  loader: (l: Loaders) => { clear(id: string): unknown; load(id: string): Promise<T | undefined> },
  id: string,
  what: string,
) => {
  await ctx.waitForView(result.position);
  const l = loader(ctx.loadersAt(READ_BACK));
  l.clear(id);
  const found = await l.load(id);
  if (!found) throw notFound(`No ${what} ${id}`);
  return found;
};

const DefineOrgUnitInput = builder.inputType('DefineOrgUnitInput', {
  description: 'An org unit to add to the tree.',
  fields: (t) => ({
    orgUnitId: t.id({ required: true, description: 'Org unit id (letters, digits, . _ : -).' }),
    name: t.string({ required: true, description: 'Name.' }),
    kind: t.field({
      type: OrgUnitKindEnum,
      required: true,
      description: 'Division, department (under a division) or team (under a department).',
    }),
    parentId: t.id({ required: false, description: 'The unit above; none for a division.' }),
  }),
});

const RegisterEmployeeInput = builder.inputType('RegisterEmployeeInput', {
  description: 'An employee to add to the directory.',
  fields: (t) => ({
    employeeId: t.id({ required: true, description: 'Employee number.' }),
    name: t.string({ required: true, description: 'Full name.' }),
    grade: t.field({ type: GradeEnum, required: true, description: 'Grade.' }),
    orgUnitId: t.id({ required: true, description: 'Org unit (must exist).' }),
    region: t.string({ required: true, description: 'Region.' }),
    title: t.string({ required: false, description: 'Leader title, e.g. CEO.' }),
    hiredOn: t.field({ type: 'Date', required: false, description: 'Hire date.' }),
  }),
});

const PromoteEmployeeInput = builder.inputType('PromoteEmployeeInput', {
  description: 'A promotion up the grade ladder.',
  fields: (t) => ({
    employeeId: t.id({ required: true, description: 'Employee number.' }),
    grade: t.field({ type: GradeEnum, required: true, description: 'The new, higher grade.' }),
    effectiveOn: t.field({ type: 'Date', required: true, description: 'From when.' }),
  }),
});

const TransferEmployeeInput = builder.inputType('TransferEmployeeInput', {
  description: 'A move to another org unit or region.',
  fields: (t) => ({
    employeeId: t.id({ required: true, description: 'Employee number.' }),
    orgUnitId: t.id({ required: true, description: 'The new org unit.' }),
    region: t.string({ required: true, description: 'The region from then on.' }),
    effectiveOn: t.field({ type: 'Date', required: true, description: 'From when.' }),
  }),
});

const RecordEmployeeLeftInput = builder.inputType('RecordEmployeeLeftInput', {
  description: 'An employee leaving the company.',
  fields: (t) => ({
    employeeId: t.id({ required: true, description: 'Employee number.' }),
    leftOn: t.field({ type: 'Date', required: true, description: 'Last day.' }),
  }),
});

const RegisterBranchInput = builder.inputType('RegisterBranchInput', {
  description: 'A sales branch to add.',
  fields: (t) => ({
    branchId: t.id({ required: true, description: 'Branch id.' }),
    name: t.string({ required: true, description: 'Name.' }),
    region: t.string({ required: true, description: 'Region.' }),
    district: t.string({ required: true, description: 'District (구), e.g. 서초구.' }),
    seoul: t.boolean({ required: true, description: 'In Seoul.' }),
  }),
});

const EnrollBranchInPrideInput = builder.inputType('EnrollBranchInPrideInput', {
  description: 'A branch joining the PRIDE program.',
  fields: (t) => ({
    branchId: t.id({ required: true, description: 'Branch id.' }),
    since: t.field({ type: 'Date', required: true, description: 'From when.' }),
  }),
});

const RegisterFcInput = builder.inputType('RegisterFcInput', {
  description: 'An FC (설계사) to add to a branch.',
  fields: (t) => ({
    fcId: t.id({ required: true, description: 'FC id.' }),
    name: t.string({ required: true, description: 'Name.' }),
    branchId: t.id({ required: true, description: 'Branch (must exist).' }),
    hiredOn: t.field({ type: 'Date', required: true, description: 'Hire date.' }),
  }),
});

const TransferFcInput = builder.inputType('TransferFcInput', {
  description: 'An FC moving to another branch.',
  fields: (t) => ({
    fcId: t.id({ required: true, description: 'FC id.' }),
    branchId: t.id({ required: true, description: 'The new branch.' }),
    effectiveOn: t.field({ type: 'Date', required: true, description: 'From when.' }),
  }),
});

const RecordFcLeftInput = builder.inputType('RecordFcLeftInput', {
  description: 'An FC leaving.',
  fields: (t) => ({
    fcId: t.id({ required: true, description: 'FC id.' }),
    leftOn: t.field({ type: 'Date', required: true, description: 'Last day.' }),
  }),
});

const employeeLoader = (l: Loaders) => l.employee;
const branchLoader = (l: Loaders) => l.branch;
const fcLoader = (l: Loaders) => l.fc;

builder.mutationFields((t) => ({
  defineOrgUnit: t.field({
    authScopes: ACCESS.recordEmployees,
    type: OrgUnitRef,
    description: 'Add an org unit to the tree (division → department → team).',
    args: {
      input: t.arg({ type: DefineOrgUnitInput, required: true }),
      commandId: t.arg.string(commandIdOptions),
      occurredAt: t.arg(occurredAtArg),
    },
    resolve: async (_, { input, commandId, occurredAt }, ctx): Promise<OrgUnitRow> =>
      readBack(
        ctx,
        await ctx.commands.directory.defineOrgUnit(input, commandContext(ctx, commandId, occurredAt)),
        (l) => l.orgUnit,
        String(input.orgUnitId),
        'org unit',
      ),
  }),
  registerEmployee: t.field({
    authScopes: ACCESS.recordEmployees,
    type: EmployeeRef,
    description: 'Add an employee to the directory.',
    args: {
      input: t.arg({ type: RegisterEmployeeInput, required: true }),
      commandId: t.arg.string(commandIdOptions),
      occurredAt: t.arg(occurredAtArg),
    },
    resolve: async (_, { input, commandId, occurredAt }, ctx) =>
      readBack(
        ctx,
        await ctx.commands.directory.registerEmployee(input, commandContext(ctx, commandId, occurredAt)),
        employeeLoader,
        String(input.employeeId),
        'employee',
      ),
  }),
  promoteEmployee: t.field({
    authScopes: ACCESS.recordEmployees,
    type: EmployeeRef,
    description: 'Promote an employee to a higher grade.',
    args: {
      input: t.arg({ type: PromoteEmployeeInput, required: true }),
      commandId: t.arg.string(commandIdOptions),
      occurredAt: t.arg(occurredAtArg),
    },
    resolve: async (_, { input, commandId, occurredAt }, ctx) =>
      readBack(
        ctx,
        await ctx.commands.directory.promoteEmployee(input, commandContext(ctx, commandId, occurredAt)),
        employeeLoader,
        String(input.employeeId),
        'employee',
      ),
  }),
  transferEmployee: t.field({
    authScopes: ACCESS.recordEmployees,
    type: EmployeeRef,
    description: 'Move an employee to another org unit or region.',
    args: {
      input: t.arg({ type: TransferEmployeeInput, required: true }),
      commandId: t.arg.string(commandIdOptions),
      occurredAt: t.arg(occurredAtArg),
    },
    resolve: async (_, { input, commandId, occurredAt }, ctx) =>
      readBack(
        ctx,
        await ctx.commands.directory.transferEmployee(input, commandContext(ctx, commandId, occurredAt)),
        employeeLoader,
        String(input.employeeId),
        'employee',
      ),
  }),
  recordEmployeeLeft: t.field({
    authScopes: ACCESS.recordEmployees,
    type: EmployeeRef,
    description: 'Record that an employee left the company.',
    args: {
      input: t.arg({ type: RecordEmployeeLeftInput, required: true }),
      commandId: t.arg.string(commandIdOptions),
      occurredAt: t.arg(occurredAtArg),
    },
    resolve: async (_, { input, commandId, occurredAt }, ctx) =>
      readBack(
        ctx,
        await ctx.commands.directory.recordEmployeeLeft(input, commandContext(ctx, commandId, occurredAt)),
        employeeLoader,
        String(input.employeeId),
        'employee',
      ),
  }),
  registerBranch: t.field({
    authScopes: ACCESS.recordSalesNetwork,
    type: BranchRef,
    description: 'Add a sales branch.',
    args: {
      input: t.arg({ type: RegisterBranchInput, required: true }),
      commandId: t.arg.string(commandIdOptions),
      occurredAt: t.arg(occurredAtArg),
    },
    resolve: async (_, { input, commandId, occurredAt }, ctx) =>
      readBack(
        ctx,
        await ctx.commands.directory.registerBranch(input, commandContext(ctx, commandId, occurredAt)),
        branchLoader,
        String(input.branchId),
        'branch',
      ),
  }),
  enrollBranchInPride: t.field({
    authScopes: ACCESS.recordSalesNetwork,
    type: BranchRef,
    description: 'Make a branch a PRIDE branch from a date.',
    args: {
      input: t.arg({ type: EnrollBranchInPrideInput, required: true }),
      commandId: t.arg.string(commandIdOptions),
      occurredAt: t.arg(occurredAtArg),
    },
    resolve: async (_, { input, commandId, occurredAt }, ctx) =>
      readBack(
        ctx,
        await ctx.commands.directory.enrollBranchInPride(input, commandContext(ctx, commandId, occurredAt)),
        branchLoader,
        String(input.branchId),
        'branch',
      ),
  }),
  registerFc: t.field({
    authScopes: ACCESS.recordSalesNetwork,
    type: FcRef,
    description: 'Add an FC (설계사) to a branch.',
    args: {
      input: t.arg({ type: RegisterFcInput, required: true }),
      commandId: t.arg.string(commandIdOptions),
      occurredAt: t.arg(occurredAtArg),
    },
    resolve: async (_, { input, commandId, occurredAt }, ctx) =>
      readBack(
        ctx,
        await ctx.commands.directory.registerFc(input, commandContext(ctx, commandId, occurredAt)),
        fcLoader,
        String(input.fcId),
        'FC',
      ),
  }),
  transferFc: t.field({
    authScopes: ACCESS.recordSalesNetwork,
    type: FcRef,
    description: 'Move an FC to another branch.',
    args: {
      input: t.arg({ type: TransferFcInput, required: true }),
      commandId: t.arg.string(commandIdOptions),
      occurredAt: t.arg(occurredAtArg),
    },
    resolve: async (_, { input, commandId, occurredAt }, ctx) =>
      readBack(
        ctx,
        await ctx.commands.directory.transferFc(input, commandContext(ctx, commandId, occurredAt)),
        fcLoader,
        String(input.fcId),
        'FC',
      ),
  }),
  recordFcLeft: t.field({
    authScopes: ACCESS.recordSalesNetwork,
    type: FcRef,
    description: 'Record that an FC left.',
    args: {
      input: t.arg({ type: RecordFcLeftInput, required: true }),
      commandId: t.arg.string(commandIdOptions),
      occurredAt: t.arg(occurredAtArg),
    },
    resolve: async (_, { input, commandId, occurredAt }, ctx) =>
      readBack(
        ctx,
        await ctx.commands.directory.recordFcLeft(input, commandContext(ctx, commandId, occurredAt)),
        fcLoader,
        String(input.fcId),
        'FC',
      ),
  }),
}));
