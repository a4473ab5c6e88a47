import { z } from 'zod';
import { gradeSchema } from '../grades';
import { idSchema, localDateSchema, nonEmptyText } from '../primitives';

/*
 * The directory: people and places change over time, so they are events too.
 * Streams: `orgUnit-<id>`, `employee-<id>`, `branch-<id>`, `fc-<id>`.
 */
export const orgUnitStream = (orgUnitId: string) => `orgUnit-${orgUnitId}`;
export const employeeStream = (employeeId: string) => `employee-${employeeId}`;
export const branchStream = (branchId: string) => `branch-${branchId}`;
export const fcStream = (fcId: string) => `fc-${fcId}`;

/** An org unit is a division, a department under one, or a team under that. */
export const ORG_UNIT_KINDS = ['DIVISION', 'DEPARTMENT', 'TEAM'] as const;
export type OrgUnitKind = (typeof ORG_UNIT_KINDS)[number];

export const orgUnitDefinedSchema = z.object({
  type: z.literal('OrgUnitDefined'),
  data: z.object({
    orgUnitId: idSchema,
    name: nonEmptyText(100),
    kind: z.enum(ORG_UNIT_KINDS),
    /** Null for a division (the top of the tree). */
    parentId: idSchema.nullable(),
  }),
});

export const employeeRegisteredSchema = z.object({
  type: z.literal('EmployeeRegistered'),
  data: z.object({
    employeeId: idSchema,
    name: nonEmptyText(100),
    grade: gradeSchema,
    orgUnitId: idSchema,
    region: nonEmptyText(50),
    /** A leader's title, e.g. "CEO"; leaders are employees who host or present. */
    title: nonEmptyText(50).nullable(),
    hiredOn: localDateSchema.nullable(),
  }),
});

export const employeePromotedSchema = z.object({
  type: z.literal('EmployeePromoted'),
  data: z.object({ employeeId: idSchema, grade: gradeSchema, effectiveOn: localDateSchema }),
});

export const employeeTransferredSchema = z.object({
  type: z.literal('EmployeeTransferred'),
  data: z.object({ employeeId: idSchema, orgUnitId: idSchema, region: nonEmptyText(50), effectiveOn: localDateSchema }),
});

export const employeeLeftSchema = z.object({
  type: z.literal('EmployeeLeft'),
  data: z.object({ employeeId: idSchema, leftOn: localDateSchema }),
});

export const branchRegisteredSchema = z.object({
  type: z.literal('BranchRegistered'),
  data: z.object({
    branchId: idSchema,
    name: nonEmptyText(100),
    region: nonEmptyText(50),
    /** 구, e.g. 서초구 for Banpo. */
    district: nonEmptyText(50),
    seoul: z.boolean(),
  }),
});

/** A branch joins the PRIDE program (model branches of FC activity) from a date. */
export const branchEnrolledInPrideSchema = z.object({
  type: z.literal('BranchEnrolledInPride'),
  data: z.object({ branchId: idSchema, since: localDateSchema }),
});

export const fcRegisteredSchema = z.object({
  type: z.literal('FcRegistered'),
  data: z.object({ fcId: idSchema, name: nonEmptyText(100), branchId: idSchema, hiredOn: localDateSchema }),
});

export const fcTransferredSchema = z.object({
  type: z.literal('FcTransferred'),
  data: z.object({ fcId: idSchema, branchId: idSchema, effectiveOn: localDateSchema }),
});

export const fcLeftSchema = z.object({
  type: z.literal('FcLeft'),
  data: z.object({ fcId: idSchema, leftOn: localDateSchema }),
});

export const directoryEventSchemas = [
  orgUnitDefinedSchema,
  employeeRegisteredSchema,
  employeePromotedSchema,
  employeeTransferredSchema,
  employeeLeftSchema,
  branchRegisteredSchema,
  branchEnrolledInPrideSchema,
  fcRegisteredSchema,
  fcTransferredSchema,
  fcLeftSchema,
] as const;

export type DirectoryEvent = z.infer<(typeof directoryEventSchemas)[number]>;
export type EmployeeRegistered = z.infer<typeof employeeRegisteredSchema>;

/** An employee as the register knows them now. */
export type EmployeeProfile = EmployeeRegistered['data'] & { leftOn: string | null };
