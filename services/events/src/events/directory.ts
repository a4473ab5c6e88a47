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
    orgUnitId: idSchema.describe('Org unit id (letters, digits, . _ : -).'),
    name: nonEmptyText(100).describe('Name.'),
    kind: z.enum(ORG_UNIT_KINDS).describe('Division, department (under a division) or team (under a department).'),
    /** Null for a division (the top of the tree). */
    parentId: idSchema.nullable().describe('The unit above; none for a division.'),
  }),
});

export const employeeRegisteredSchema = z.object({
  type: z.literal('EmployeeRegistered'),
  data: z.object({
    employeeId: idSchema.describe('Employee number.'),
    name: nonEmptyText(100).describe('Full name.'),
    grade: gradeSchema.describe('Grade.'),
    orgUnitId: idSchema.describe('Org unit (must exist).'),
    region: nonEmptyText(50).describe('Region.'),
    /** A leader's title, e.g. "CEO"; leaders are employees who host or present. */
    title: nonEmptyText(50).nullable().describe('Leader title, e.g. CEO.'),
    hiredOn: localDateSchema.nullable().describe('Hire date.'),
  }),
});

export const employeePromotedSchema = z.object({
  type: z.literal('EmployeePromoted'),
  data: z.object({
    employeeId: idSchema.describe('Employee number.'),
    grade: gradeSchema.describe('The new, higher grade.'),
    effectiveOn: localDateSchema.describe('From when.'),
  }),
});

export const employeeTransferredSchema = z.object({
  type: z.literal('EmployeeTransferred'),
  data: z.object({
    employeeId: idSchema.describe('Employee number.'),
    orgUnitId: idSchema.describe('The new org unit.'),
    region: nonEmptyText(50).describe('The region from then on.'),
    effectiveOn: localDateSchema.describe('From when.'),
  }),
});

export const employeeLeftSchema = z.object({
  type: z.literal('EmployeeLeft'),
  data: z.object({ employeeId: idSchema.describe('Employee number.'), leftOn: localDateSchema.describe('Last day.') }),
});

export const branchRegisteredSchema = z.object({
  type: z.literal('BranchRegistered'),
  data: z.object({
    branchId: idSchema.describe('Branch id.'),
    name: nonEmptyText(100).describe('Name.'),
    region: nonEmptyText(50).describe('Region.'),
    /** 구, e.g. 서초구 for Banpo. */
    district: nonEmptyText(50).describe('District (구), e.g. 서초구.'),
    seoul: z.boolean().describe('In Seoul.'),
  }),
});

/** A branch joins the PRIDE program (model branches of FC activity) from a date. */
export const branchEnrolledInPrideSchema = z.object({
  type: z.literal('BranchEnrolledInPride'),
  data: z.object({ branchId: idSchema.describe('Branch id.'), since: localDateSchema.describe('From when.') }),
});

export const fcRegisteredSchema = z.object({
  type: z.literal('FcRegistered'),
  data: z.object({
    fcId: idSchema.describe('FC id.'),
    name: nonEmptyText(100).describe('Name.'),
    branchId: idSchema.describe('Branch (must exist).'),
    hiredOn: localDateSchema.describe('Hire date.'),
  }),
});

export const fcTransferredSchema = z.object({
  type: z.literal('FcTransferred'),
  data: z.object({
    fcId: idSchema.describe('FC id.'),
    branchId: idSchema.describe('The new branch.'),
    effectiveOn: localDateSchema.describe('From when.'),
  }),
});

export const fcLeftSchema = z.object({
  type: z.literal('FcLeft'),
  data: z.object({ fcId: idSchema.describe('FC id.'), leftOn: localDateSchema.describe('Last day.') }),
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
