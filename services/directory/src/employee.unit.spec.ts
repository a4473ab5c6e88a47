import { describe, expect, it } from 'vitest';
import { decideEmployee, evolveEmployee, initialEmployeeState, type RegisterEmployee } from './employee';

const register: RegisterEmployee = {
  type: 'RegisterEmployee',
  data: { employeeId: 'E1', name: '김민지', grade: 'MANAGER', orgUnit: 'Marketing', region: 'Seoul', title: null, hiredOn: '2012-03-02' },
};

describe('employee register', () => {
  it('registers a new employee', () => {
    const events = decideEmployee(register, initialEmployeeState());
    expect(events).toEqual([{ type: 'EmployeeRegistered', data: register.data }]);
    const state = events.reduce(evolveEmployee, initialEmployeeState());
    expect(state).toEqual({
      status: 'registered',
      employee: { employeeId: 'E1', name: '김민지', grade: 'MANAGER', orgUnit: 'Marketing', region: 'Seoul', title: null },
    });
  });

  it('refuses to register the same employee twice', () => {
    const state = decideEmployee(register, initialEmployeeState()).reduce(evolveEmployee, initialEmployeeState());
    expect(() => decideEmployee(register, state)).toThrow(/already registered/);
  });
});
