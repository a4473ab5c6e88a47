import { conflict, forbiddenByRule, gradeLabel, gradeRank, type EmployeeProfile, type EventOf, type HubEvent } from '@hub/events';
import type { Decider } from '@hub/event-store';

/** What the rest of the hub may know of an employee when deciding. */
export type EmployeeSnapshot = Omit<EmployeeProfile, 'hiredOn'> & { hiredOn: string | null };

export type EmployeeState = { status: 'none' } | { status: 'registered'; employee: EmployeeSnapshot };

/** Folds any hub event; only employee events change the state. */
const evolve = (state: EmployeeState, event: HubEvent): EmployeeState => {
  if (event.type === 'EmployeeRegistered') return { status: 'registered', employee: { ...event.data, leftOn: null } };
  if (state.status !== 'registered') return state;
  const employee = state.employee;
  switch (event.type) {
    case 'EmployeePromoted':
      return { status: 'registered', employee: { ...employee, grade: event.data.grade } };
    case 'EmployeeTransferred':
      return { status: 'registered', employee: { ...employee, orgUnitId: event.data.orgUnitId, region: event.data.region } };
    case 'EmployeeLeft':
      return { status: 'registered', employee: { ...employee, leftOn: event.data.leftOn } };
    default:
      return state;
  }
};

export type EmployeeCommand =
  | { type: 'RegisterEmployee'; data: EventOf<'EmployeeRegistered'>['data'] }
  | { type: 'PromoteEmployee'; data: EventOf<'EmployeePromoted'>['data'] }
  | { type: 'TransferEmployee'; data: EventOf<'EmployeeTransferred'>['data'] }
  | { type: 'RecordEmployeeLeft'; data: EventOf<'EmployeeLeft'>['data'] };

type EmployeeEvent = EventOf<'EmployeeRegistered' | 'EmployeePromoted' | 'EmployeeTransferred' | 'EmployeeLeft'>;

const current = (state: EmployeeState, employeeId: string, action: string, on: string) => {
  if (state.status !== 'registered') throw forbiddenByRule(`No employee ${employeeId} is registered: cannot ${action}`, { employeeId });
  const { employee } = state;
  if (employee.leftOn !== null)
    throw forbiddenByRule(`${employee.name} (${employeeId}) left on ${employee.leftOn}: cannot ${action}`, { employeeId });
  if (employee.hiredOn !== null && on < employee.hiredOn) {
    throw forbiddenByRule(`${on} is before ${employee.name} (${employeeId}) was hired (${employee.hiredOn}): cannot ${action}`, {
      employeeId,
    });
  }
  return employee;
};

const decide = (command: EmployeeCommand, state: EmployeeState): EmployeeEvent[] => {
  switch (command.type) {
    case 'RegisterEmployee':
      if (state.status === 'registered') {
        throw conflict(`Employee ${command.data.employeeId} is already registered`, { employeeId: command.data.employeeId });
      }
      return [{ type: 'EmployeeRegistered', data: command.data }];
    case 'PromoteEmployee': {
      const { employeeId, grade, effectiveOn } = command.data;
      const employee = current(state, employeeId, 'promote', effectiveOn);
      if (gradeRank(grade) <= gradeRank(employee.grade)) {
        throw forbiddenByRule(`${gradeLabel(grade)} is not above ${employee.name}'s current grade ${gradeLabel(employee.grade)}`, {
          employeeId,
          grade,
        });
      }
      return [{ type: 'EmployeePromoted', data: command.data }];
    }
    case 'TransferEmployee': {
      const { employeeId, orgUnitId, region, effectiveOn } = command.data;
      const employee = current(state, employeeId, 'transfer', effectiveOn);
      if (employee.orgUnitId === orgUnitId && employee.region === region) {
        throw conflict(`${employee.name} (${employeeId}) is already in ${orgUnitId}, ${region}`, { employeeId });
      }
      return [{ type: 'EmployeeTransferred', data: command.data }];
    }
    case 'RecordEmployeeLeft': {
      const { employeeId, leftOn } = command.data;
      current(state, employeeId, 'record a departure', leftOn);
      return [{ type: 'EmployeeLeft', data: command.data }];
    }
  }
};

export const employeeDecider: Decider<EmployeeCommand, HubEvent, EmployeeState> = {
  initialState: () => ({ status: 'none' }),
  decide,
  evolve,
};
