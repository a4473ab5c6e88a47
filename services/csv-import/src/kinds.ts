import { GRADES } from '@hub/events';
import { registerCustomerInput, signContractInput } from '@hub/customer-smile';
import { defineOrgUnitInput, registerBranchInput, registerEmployeeInput, registerFcInput } from '@hub/directory';
import type { CommandContext } from '@hub/event-store';
import { z } from 'zod';

/*
 * What each kind of CSV holds: its columns (English headers, one per field of the command), how a
 * row's text becomes the command's input, and which commands it runs. Ids are required so that
 * a re-run finds the same streams (and, through command ids, records nothing twice).
 */

type Result = { repeated: boolean; position?: bigint | undefined };
type Command = (input: unknown, context: CommandContext) => Promise<Result>;

/** The commands an import may call: in-process services or their HTTP clients. */
export interface ImportCommands {
  directory: {
    defineOrgUnit: Command;
    registerEmployee: Command;
    registerBranch: Command;
    enrollBranchInPride: Command;
    registerFc: Command;
  };
  customerSmile: { registerCustomer: Command; signContract: Command };
}

export const IMPORT_KINDS = ['ORG_UNITS', 'EMPLOYEES', 'BRANCHES', 'FCS', 'CUSTOMERS', 'CONTRACTS'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

type Row = Record<string, string | null>;

export interface KindDefinition {
  required: readonly string[];
  optional: readonly string[];
  /** The column that identifies the row's thing. */
  key: string;
  /**
   * Columns holding personal data (PIPA): never part of a command id, which events keep and
   * anyone may read — a digest of them would let a caller confirm a guessed phone number.
   */
  personal?: readonly string[];
  /** The row as the command's input; a zod schema checks it before anything runs. */
  schema: z.ZodType;
  toInput: (row: Row) => Record<string, unknown>;
  /** Runs the row's commands in order; `commandId` makes each idempotent. */
  run: (commands: ImportCommands, input: Record<string, unknown>, context: (suffix: string) => CommandContext) => Promise<Result[]>;
  /**
   * In a dry run nothing is recorded, so a row that builds on an earlier row of the same file (a
   * child org unit under a parent defined above it) cannot be judged by the domain: its shape is
   * checked, and the store is asked only about rows that stand alone.
   */
  buildsOnEarlierRow?: (input: Record<string, unknown>, earlierKeys: ReadonlySet<string>) => boolean;
}

const gradeByKorean = new Map<string, string>(GRADES.map((g) => [g.ko, g.code]));
/** Grades as codes (STAFF) or as people write them (사원, 차장). */
const grade = (v: string | null | undefined) => (v == null ? null : (gradeByKorean.get(v) ?? v.toUpperCase()));
const TRUE = new Set(['true', 'yes', 'y', '1', '예', 'o']);
const FALSE = new Set(['false', 'no', 'n', '0', '아니오', 'x']);
const bool = (v: string | null | undefined) =>
  v == null ? null : TRUE.has(v.toLowerCase()) ? true : FALSE.has(v.toLowerCase()) ? false : v;
const kind = (v: string | null | undefined) => (v == null ? null : v.toUpperCase());
const defined = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v != null));

export const KINDS: Record<ImportKind, KindDefinition> = {
  ORG_UNITS: {
    required: ['orgUnitId', 'name', 'kind'],
    optional: ['parentId'],
    key: 'orgUnitId',
    schema: defineOrgUnitInput,
    toInput: (r) => defined({ orgUnitId: r.orgUnitId, name: r.name, kind: kind(r.kind), parentId: r.parentId }),
    run: async (c, input, ctx) => [await c.directory.defineOrgUnit(input, ctx(''))],
    buildsOnEarlierRow: (input, earlier) => typeof input.parentId === 'string' && earlier.has(input.parentId),
  },
  EMPLOYEES: {
    required: ['employeeId', 'name', 'grade', 'orgUnitId', 'region'],
    optional: ['title', 'hiredOn'],
    key: 'employeeId',
    schema: registerEmployeeInput,
    toInput: (r) =>
      defined({
        employeeId: r.employeeId,
        name: r.name,
        grade: grade(r.grade),
        orgUnitId: r.orgUnitId,
        region: r.region,
        title: r.title,
        hiredOn: r.hiredOn,
      }),
    run: async (c, input, ctx) => [await c.directory.registerEmployee(input, ctx(''))],
  },
  BRANCHES: {
    required: ['branchId', 'name', 'region', 'district', 'seoul'],
    optional: ['prideSince'],
    key: 'branchId',
    schema: registerBranchInput,
    toInput: (r) =>
      defined({
        branchId: r.branchId,
        name: r.name,
        region: r.region,
        district: r.district,
        seoul: bool(r.seoul),
        prideSince: r.prideSince,
      }),
    // The branch and its PRIDE enrolment are one command: one row, one append (a dry run decides both).
    run: async (c, input, ctx) => [await c.directory.registerBranch(input, ctx(''))],
  },
  FCS: {
    required: ['fcId', 'name', 'branchId', 'hiredOn'],
    optional: [],
    key: 'fcId',
    schema: registerFcInput,
    toInput: (r) => defined({ fcId: r.fcId, name: r.name, branchId: r.branchId, hiredOn: r.hiredOn }),
    run: async (c, input, ctx) => [await c.directory.registerFc(input, ctx(''))],
  },
  CUSTOMERS: {
    required: ['customerId', 'branchId', 'registeredOn', 'name', 'phone', 'address'],
    optional: [],
    key: 'customerId',
    personal: ['name', 'phone', 'address'],
    schema: registerCustomerInput.required({ customerId: true }),
    toInput: (r) =>
      defined({
        customerId: r.customerId,
        branchId: r.branchId,
        registeredOn: r.registeredOn,
        name: r.name,
        phone: r.phone,
        address: r.address,
      }),
    run: async (c, input, ctx) => [await c.customerSmile.registerCustomer(input, ctx(''))],
  },
  CONTRACTS: {
    required: ['contractId', 'customerId', 'fcId', 'product', 'signedOn'],
    optional: [],
    key: 'contractId',
    schema: signContractInput.required({ contractId: true }),
    toInput: (r) => defined({ contractId: r.contractId, customerId: r.customerId, fcId: r.fcId, product: r.product, signedOn: r.signedOn }),
    run: async (c, input, ctx) => [await c.customerSmile.signContract(input, ctx(''))],
  },
};
