import { z } from 'zod';
import { gradeSchema } from '../grades';
import { idSchema, localDateSchema, nonEmptyText } from '../primitives';

/** Stream per employee: `employee-<id>`. The full directory (org tree, FCs, branches) comes later. */
export const employeeStream = (employeeId: string) => `employee-${employeeId}`;

export const employeeRegisteredSchema = z.object({
  type: z.literal('EmployeeRegistered'),
  data: z.object({
    employeeId: idSchema,
    name: nonEmptyText(100),
    grade: gradeSchema,
    orgUnit: nonEmptyText(100),
    region: nonEmptyText(50),
    /** A leader's title, e.g. "CEO"; leaders are employees who host or present. */
    title: nonEmptyText(50).nullable(),
    hiredOn: localDateSchema.nullable(),
  }),
});

export const directoryEventSchemas = [employeeRegisteredSchema] as const;
export type EmployeeRegistered = z.infer<typeof employeeRegisteredSchema>;
export type DirectoryEvent = EmployeeRegistered;

/** An employee as the register knows them: the data of their registration. */
export type EmployeeProfile = EmployeeRegistered['data'];
