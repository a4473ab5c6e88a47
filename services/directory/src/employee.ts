import { conflict, type EmployeeProfile, type EmployeeRegistered, type HubEvent } from '@hub/contracts';

/** What the rest of the hub may know of an employee when deciding. */
export type EmployeeSnapshot = Omit<EmployeeProfile, 'hiredOn'>;

export type EmployeeState = { status: 'unknown' } | { status: 'registered'; employee: EmployeeSnapshot };

export type EmployeeEvent = EmployeeRegistered;

export const initialEmployeeState = (): EmployeeState => ({ status: 'unknown' });

/** Folds any hub event; only employee events change the state. */
export const evolveEmployee = (state: EmployeeState, event: HubEvent): EmployeeState => {
  switch (event.type) {
    case 'EmployeeRegistered': {
      const { hiredOn: _hiredOn, ...employee } = event.data;
      return { status: 'registered', employee };
    }
    default:
      return state;
  }
};

export interface RegisterEmployee {
  type: 'RegisterEmployee';
  data: EmployeeRegistered['data'];
}

export const decideEmployee = (command: RegisterEmployee, state: EmployeeState): EmployeeEvent[] => {
  switch (command.type) {
    case 'RegisterEmployee':
      if (state.status === 'registered') {
        throw conflict(`Employee ${command.data.employeeId} is already registered`, { employeeId: command.data.employeeId });
      }
      return [{ type: 'EmployeeRegistered', data: command.data }];
  }
};

export const employeeDecider = { initialState: initialEmployeeState, evolve: evolveEmployee };
