import { notFound } from '@hub/contracts';
import { builder } from '../builder';
import { EmployeeRef } from '../types/employee';
import { GradeEnum } from '../types/enums';
import { commandContext, commandIdOptions } from './command';

const RegisterEmployeeInput = builder.inputType('RegisterEmployeeInput', {
  description: 'An employee to add to the register.',
  fields: (t) => ({
    employeeId: t.id({ required: true, description: 'Employee number.' }),
    name: t.string({ required: true, description: 'Full name.' }),
    grade: t.field({ type: GradeEnum, required: true, description: 'Grade.' }),
    orgUnit: t.string({ required: true, description: 'Org unit.' }),
    region: t.string({ required: true, description: 'Region.' }),
    title: t.string({ required: false, description: 'Leader title, e.g. CEO.' }),
    hiredOn: t.field({ type: 'Date', required: false, description: 'Hire date.' }),
  }),
});

builder.mutationFields((t) => ({
  registerEmployee: t.field({
    type: EmployeeRef,
    description: 'Add an employee to the register (the full directory comes with CSV import).',
    args: {
      input: t.arg({ type: RegisterEmployeeInput, required: true }),
      commandId: t.arg.string(commandIdOptions),
    },
    resolve: async (_, { input, commandId }, ctx) => {
      const result = await ctx.commands.directory.registerEmployee(
        { ...input, employeeId: String(input.employeeId) },
        commandContext(ctx, commandId),
      );
      await ctx.waitForView(result.position);
      ctx.loadersAt(null).employee.clear(String(input.employeeId));
      const employee = await ctx.loadersAt(null).employee.load(String(input.employeeId));
      if (!employee) throw notFound(`No employee ${String(input.employeeId)}`);
      return employee;
    },
  }),
}));
