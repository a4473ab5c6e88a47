import { employeeRegisteredSchema, employeeStream, hubEventCodec, notFound, parseOrThrow } from '@hub/contracts';
import { handleCommand, type CommandContext, type EventStore } from '@hub/event-store';
import { z } from 'zod';
import { decideEmployee, employeeDecider, evolveEmployee, initialEmployeeState, type EmployeeSnapshot } from './employee';

export const registerEmployeeInput = employeeRegisteredSchema.shape.data.extend({
  title: employeeRegisteredSchema.shape.data.shape.title.optional().default(null),
  hiredOn: employeeRegisteredSchema.shape.data.shape.hiredOn.optional().default(null),
});
export type RegisterEmployeeInput = z.input<typeof registerEmployeeInput>;

/** The minimal employee register; the full directory (org tree, FCs, branches) comes later. */
export const createDirectoryService = (store: EventStore) => {
  return {
    async registerEmployee(input: unknown, context: CommandContext) {
      const data = parseOrThrow(registerEmployeeInput, input, 'employee');
      return handleCommand(store, employeeStream(data.employeeId), employeeDecider, hubEventCodec, (state) =>
        decideEmployee({ type: 'RegisterEmployee', data }, state), context);
    },

    /** Straight from the employee's stream: always current, never behind a projection. */
    async findEmployee(employeeId: string): Promise<EmployeeSnapshot | undefined> {
      const events = await store.readStream(employeeStream(employeeId));
      const state = events.reduce((s, e) => evolveEmployee(s, hubEventCodec.parse({ type: e.type, data: e.data })), initialEmployeeState());
      return state.status === 'registered' ? state.employee : undefined;
    },

    async getEmployee(employeeId: string): Promise<EmployeeSnapshot> {
      const employee = await this.findEmployee(employeeId);
      if (!employee) throw notFound(`No employee ${employeeId} is registered`, { employeeId });
      return employee;
    },
  };
};

export type DirectoryService = ReturnType<typeof createDirectoryService>;
