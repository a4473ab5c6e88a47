import { createContext, useContext } from 'react';
import type { Role } from './gql/graphql';

/** What the signed-in caller may see: pages and columns a role may not use are hidden, not broken. */
export interface Principal {
  role: Role;
  subject: string;
  signedIn: boolean;
}

export const PrincipalContext = createContext<Principal>({ role: 'VIEWER', subject: 'anonymous', signedIn: false });
export const usePrincipal = () => useContext(PrincipalContext);

/** Customers one by one (ids, gaps, backlog): the gateway allows these roles only. */
export const seesCustomers = (role: Role) => role === 'LEADERSHIP' || role === 'SALES' || role === 'PRIVACY_OFFICER';
/** Customers' names and contact details. */
export const seesCustomerNames = (role: Role) => role === 'SALES' || role === 'PRIVACY_OFFICER';
/** Who may schedule a café session. */
export const schedulesCafeSessions = (role: Role) => role === 'LEADERSHIP' || role === 'HR';
/** Who may record branch visits. */
export const recordsFieldVisits = (role: Role) => role === 'LEADERSHIP' || role === 'SALES';
