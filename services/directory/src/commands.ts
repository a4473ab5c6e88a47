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
export const registerEmployeeInput = employeeRegisteredSchema.shape.data.extend({
  title: employee.title.optional().default(null),
  hiredOn: employee.hiredOn.optional().default(null),
});
export const defineOrgUnitInput = orgUnitDefinedSchema.shape.data.extend({
  parentId: orgUnitDefinedSchema.shape.data.shape.parentId.optional().default(null),
});
export const promoteEmployeeInput = employeePromotedSchema.shape.data;
export const transferEmployeeInput = employeeTransferredSchema.shape.data;
export const recordEmployeeLeftInput = employeeLeftSchema.shape.data;
export const registerBranchInput = branchRegisteredSchema.shape.data;
export const enrollBranchInPrideInput = branchEnrolledInPrideSchema.shape.data;
export const registerFcInput = fcRegisteredSchema.shape.data;
export const transferFcInput = fcTransferredSchema.shape.data;
export const recordFcLeftInput = fcLeftSchema.shape.data;
