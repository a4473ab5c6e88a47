import {
  defineOrgUnitInput,
  enrollBranchInPrideInput,
  promoteEmployeeInput,
  recordEmployeeLeftInput,
  recordFcLeftInput,
  registerBranchInput,
  registerEmployeeInput,
  registerFcInput,
  transferEmployeeInput,
  transferFcInput,
} from '@hub/directory';
import type { OrgUnitRow } from '@hub/read-model';
import { ACCESS } from '../access';
import { builder } from '../builder';
import type { Loaders } from '../loaders';
import { BranchRef } from '../types/branch';
import { OrgUnitRef } from '../types/directory';
import { EmployeeRef } from '../types/employee';
import { FcRef } from '../types/fc';
import { zodInput } from '../zodInput';
import { commandArgs, commandContext, readBack } from './command';

const DefineOrgUnitInput = zodInput('DefineOrgUnitInput', defineOrgUnitInput);

const RegisterEmployeeInput = zodInput('RegisterEmployeeInput', registerEmployeeInput);

const PromoteEmployeeInput = zodInput('PromoteEmployeeInput', promoteEmployeeInput);

const TransferEmployeeInput = zodInput('TransferEmployeeInput', transferEmployeeInput);

const RecordEmployeeLeftInput = zodInput('RecordEmployeeLeftInput', recordEmployeeLeftInput);

const RegisterBranchInput = zodInput('RegisterBranchInput', registerBranchInput);

const EnrollBranchInPrideInput = zodInput('EnrollBranchInPrideInput', enrollBranchInPrideInput);

const RegisterFcInput = zodInput('RegisterFcInput', registerFcInput);

const TransferFcInput = zodInput('TransferFcInput', transferFcInput);

const RecordFcLeftInput = zodInput('RecordFcLeftInput', recordFcLeftInput);

const employeeLoader = (l: Loaders) => l.employee;
const branchLoader = (l: Loaders) => l.branch;
const fcLoader = (l: Loaders) => l.fc;

builder.mutationFields((t) => ({
  defineOrgUnit: t.field({
    authScopes: ACCESS.recordEmployees,
    type: OrgUnitRef,
    description: 'Add an org unit to the tree (division → department → team).',
    args: commandArgs(t.arg, DefineOrgUnitInput),
    resolve: async (_, { input, commandId, occurredAt }, ctx): Promise<OrgUnitRow> =>
      readBack(
        ctx,
        (await ctx.commands.directory.defineOrgUnit(input, commandContext(ctx, commandId, occurredAt))).position,
        (l) => l.orgUnit,
        String(input.orgUnitId),
        'org unit',
      ),
  }),
  registerEmployee: t.field({
    authScopes: ACCESS.recordEmployees,
    type: EmployeeRef,
    description: 'Add an employee to the directory.',
    args: commandArgs(t.arg, RegisterEmployeeInput),
    resolve: async (_, { input, commandId, occurredAt }, ctx) =>
      readBack(
        ctx,
        (await ctx.commands.directory.registerEmployee(input, commandContext(ctx, commandId, occurredAt))).position,
        employeeLoader,
        String(input.employeeId),
        'employee',
      ),
  }),
  promoteEmployee: t.field({
    authScopes: ACCESS.recordEmployees,
    type: EmployeeRef,
    description: 'Promote an employee to a higher grade.',
    args: commandArgs(t.arg, PromoteEmployeeInput),
    resolve: async (_, { input, commandId, occurredAt }, ctx) =>
      readBack(
        ctx,
        (await ctx.commands.directory.promoteEmployee(input, commandContext(ctx, commandId, occurredAt))).position,
        employeeLoader,
        String(input.employeeId),
        'employee',
      ),
  }),
  transferEmployee: t.field({
    authScopes: ACCESS.recordEmployees,
    type: EmployeeRef,
    description: 'Move an employee to another org unit or region.',
    args: commandArgs(t.arg, TransferEmployeeInput),
    resolve: async (_, { input, commandId, occurredAt }, ctx) =>
      readBack(
        ctx,
        (await ctx.commands.directory.transferEmployee(input, commandContext(ctx, commandId, occurredAt))).position,
        employeeLoader,
        String(input.employeeId),
        'employee',
      ),
  }),
  recordEmployeeLeft: t.field({
    authScopes: ACCESS.recordEmployees,
    type: EmployeeRef,
    description: 'Record that an employee left the company.',
    args: commandArgs(t.arg, RecordEmployeeLeftInput),
    resolve: async (_, { input, commandId, occurredAt }, ctx) =>
      readBack(
        ctx,
        (await ctx.commands.directory.recordEmployeeLeft(input, commandContext(ctx, commandId, occurredAt))).position,
        employeeLoader,
        String(input.employeeId),
        'employee',
      ),
  }),
  registerBranch: t.field({
    authScopes: ACCESS.recordSalesNetwork,
    type: BranchRef,
    description: 'Add a sales branch.',
    args: commandArgs(t.arg, RegisterBranchInput),
    resolve: async (_, { input, commandId, occurredAt }, ctx) =>
      readBack(
        ctx,
        (await ctx.commands.directory.registerBranch(input, commandContext(ctx, commandId, occurredAt))).position,
        branchLoader,
        String(input.branchId),
        'branch',
      ),
  }),
  enrollBranchInPride: t.field({
    authScopes: ACCESS.recordSalesNetwork,
    type: BranchRef,
    description: 'Make a branch a PRIDE branch from a date.',
    args: commandArgs(t.arg, EnrollBranchInPrideInput),
    resolve: async (_, { input, commandId, occurredAt }, ctx) =>
      readBack(
        ctx,
        (await ctx.commands.directory.enrollBranchInPride(input, commandContext(ctx, commandId, occurredAt))).position,
        branchLoader,
        String(input.branchId),
        'branch',
      ),
  }),
  registerFc: t.field({
    authScopes: ACCESS.recordSalesNetwork,
    type: FcRef,
    description: 'Add an FC (설계사) to a branch.',
    args: commandArgs(t.arg, RegisterFcInput),
    resolve: async (_, { input, commandId, occurredAt }, ctx) =>
      readBack(
        ctx,
        (await ctx.commands.directory.registerFc(input, commandContext(ctx, commandId, occurredAt))).position,
        fcLoader,
        String(input.fcId),
        'FC',
      ),
  }),
  transferFc: t.field({
    authScopes: ACCESS.recordSalesNetwork,
    type: FcRef,
    description: 'Move an FC to another branch.',
    args: commandArgs(t.arg, TransferFcInput),
    resolve: async (_, { input, commandId, occurredAt }, ctx) =>
      readBack(
        ctx,
        (await ctx.commands.directory.transferFc(input, commandContext(ctx, commandId, occurredAt))).position,
        fcLoader,
        String(input.fcId),
        'FC',
      ),
  }),
  recordFcLeft: t.field({
    authScopes: ACCESS.recordSalesNetwork,
    type: FcRef,
    description: 'Record that an FC left.',
    args: commandArgs(t.arg, RecordFcLeftInput),
    resolve: async (_, { input, commandId, occurredAt }, ctx) =>
      readBack(
        ctx,
        (await ctx.commands.directory.recordFcLeft(input, commandContext(ctx, commandId, occurredAt))).position,
        fcLoader,
        String(input.fcId),
        'FC',
      ),
  }),
}));
