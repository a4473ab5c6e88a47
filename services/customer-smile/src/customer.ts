import { conflict, forbiddenByRule, type EventOf, type HubEvent } from '@hub/events';
import type { Decider } from '@hub/event-store';

/** A customer as the events know them: an id, a serving branch, and whether their data was erased. */
export interface CustomerSnapshot {
  customerId: string;
  branchId: string;
  registeredOn: string;
  erasedOn: string | null;
}

export type CustomerState = { status: 'none' } | { status: 'registered'; customer: CustomerSnapshot };

export type CustomerCommand =
  | { type: 'RegisterCustomer'; data: EventOf<'CustomerRegistered'>['data'] }
  | { type: 'EraseCustomerPersonalData'; data: EventOf<'CustomerPersonalDataErased'>['data'] };

const decide = (command: CustomerCommand, state: CustomerState): EventOf<'CustomerRegistered' | 'CustomerPersonalDataErased'>[] => {
  switch (command.type) {
    case 'RegisterCustomer':
      if (state.status === 'registered')
        throw conflict(`Customer ${command.data.customerId} is already registered`, { customerId: command.data.customerId });
      return [{ type: 'CustomerRegistered', data: command.data }];
    case 'EraseCustomerPersonalData':
      if (state.status !== 'registered')
        throw forbiddenByRule(`No customer ${command.data.customerId} is registered`, { customerId: command.data.customerId });
      if (state.customer.erasedOn !== null)
        throw conflict(`Customer ${command.data.customerId}'s personal data was already erased on ${state.customer.erasedOn}`, {
          customerId: command.data.customerId,
        });
      return [{ type: 'CustomerPersonalDataErased', data: command.data }];
  }
};

export const customerDecider: Decider<CustomerCommand, HubEvent, CustomerState> = {
  initialState: () => ({ status: 'none' }),
  decide,
  evolve: (state, event) => {
    if (event.type === 'CustomerRegistered') return { status: 'registered', customer: { ...event.data, erasedOn: null } };
    if (event.type === 'CustomerPersonalDataErased' && state.status === 'registered') {
      return { status: 'registered', customer: { ...state.customer, erasedOn: event.data.erasedOn } };
    }
    return state;
  },
};
