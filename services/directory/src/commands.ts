import {
  branchEnrolledInPrideSchema,
  branchRegisteredSchema,
  employeeLeftSchema,
  employeePromotedSchema,
  employeeRegisteredSchema,
  employeeTransferredSchema,
  fcLeftSchema,
  fcRegisteredSchema,
  fcTransferredSchema,
  orgUnitDefinedSchema,
} from '@hub/events';

/** What callers may send; the same shapes as the events, with optional fields defaulted. */
const employee = employeeRegisteredSchema.shape.data.shape;
export const registerEmployeeInput = employeeRegisteredSchema.shape.data
  .extend({
    title: employee.title.optional().default(null),
    hiredOn: employee.hiredOn.optional().default(null),
  })
  .describe('An employee to add to the directory.');
export const defineOrgUnitInput = orgUnitDefinedSchema.shape.data
  .extend({
    parentId: orgUnitDefinedSchema.shape.data.shape.parentId.optional().default(null),
  })
  .describe('An org unit to add to the tree.');
export const promoteEmployeeInput = employeePromotedSchema.shape.data.describe('A promotion up the grade ladder.');
export const transferEmployeeInput = employeeTransferredSchema.shape.data.describe('A move to another org unit or region.');
export const recordEmployeeLeftInput = employeeLeftSchema.shape.data.describe('An employee leaving the company.');
export const registerBranchInput = branchRegisteredSchema.shape.data
  .extend({
    prideSince: branchEnrolledInPrideSchema.shape.data.shape.since
      .optional()
      .describe('When it joined the PRIDE program, if it has: recorded with the branch, in one step.'),
  })
  .describe('A sales branch to add.');
export const enrollBranchInPrideInput = branchEnrolledInPrideSchema.shape.data.describe('A branch joining the PRIDE program.');
export const registerFcInput = fcRegisteredSchema.shape.data.describe('An FC (설계사) to add to a branch.');
export const transferFcInput = fcTransferredSchema.shape.data.describe('An FC moving to another branch.');
export const recordFcLeftInput = fcLeftSchema.shape.data.describe('An FC leaving.');
