import { eraseCustomerInput, recordCustomerVisitInput, registerCustomerInput, signContractInput } from '@hub/customer-smile';
import { z } from 'zod';
import { ACCESS } from '../access';
import { builder } from '../builder';
import type { HubContext } from '../context';
import { ContractRef } from '../types/contract';
import { CustomerRef } from '../types/customerSmile';
import { CustomerVisitRef } from '../types/customerVisit';
import { zodInput } from '../zodInput';
import { commandArgs, commandContext, readBack, readBackItem } from './command';

const RegisterCustomerInput = zodInput('RegisterCustomerInput', registerCustomerInput);

const SignContractInput = zodInput('SignContractInput', signContractInput);

/** GraphQL cannot tell an omitted enum from a null one in every client, so an extra visit is a flag here. */
const RecordCustomerVisitInput = zodInput(
  'RecordCustomerVisitInput',
  recordCustomerVisitInput.extend({
    satisfies: recordCustomerVisitInput.shape.satisfies.describe(
      'The follow-up it satisfies; omitted: the matching one; to record an extra visit set `extraVisit`.',
    ),
    extraVisit: z.boolean().optional().describe('True: a visit that satisfies no follow-up.'),
  }),
  { description: recordCustomerVisitInput.description, nested: { feedback: 'CustomerFeedbackInput' } },
);

const EraseCustomerInput = zodInput('EraseCustomerPersonalDataInput', eraseCustomerInput);

/** The customer as the view (and the private store) hold them once the command's events are in. */
const readBackCustomer = async (ctx: HubContext, result: { customerId: string; position: bigint | undefined }) => {
  const customer = await readBack(ctx, result.position, (l) => l.customer, result.customerId, 'customer');
  ctx.personalDataOf.clear(result.customerId);
  return customer;
};

builder.mutationFields((t) => ({
  registerCustomer: t.field({
    authScopes: ACCESS.recordSales,
    type: CustomerRef,
    description: 'Register a customer of a branch; their personal data is kept apart from the events.',
    args: commandArgs(t.arg, RegisterCustomerInput),
    resolve: async (_, { input, commandId, occurredAt }, ctx) => {
      const result = await ctx.commands.customerSmile.registerCustomer(input, commandContext(ctx, commandId, occurredAt));
      return readBackCustomer(ctx, result);
    },
  }),
  eraseCustomerPersonalData: t.field({
    authScopes: ACCESS.privacy,
    type: CustomerRef,
    description: 'Erase a customer’s name, phone and address for good (PRIVACY_OFFICER only). Events and figures keep the bare id.',
    args: commandArgs(t.arg, EraseCustomerInput),
    resolve: async (_, { input, commandId, occurredAt }, ctx) => {
      const result = await ctx.commands.customerSmile.eraseCustomerPersonalData(input, commandContext(ctx, commandId, occurredAt));
      return readBackCustomer(ctx, result);
    },
  }),
  signContract: t.field({
    authScopes: ACCESS.recordSales,
    type: ContractRef,
    description: 'Record a signed contract: its three follow-ups become due.',
    args: commandArgs(t.arg, SignContractInput),
    resolve: async (_, { input, commandId, occurredAt }, ctx) => {
      const result = await ctx.commands.customerSmile.signContract(input, commandContext(ctx, commandId, occurredAt));
      return readBack(ctx, result.position, (l) => l.contract, result.contractId, 'contract');
    },
  }),
  recordCustomerVisit: t.field({
    authScopes: ACCESS.recordFieldVisits,
    type: CustomerVisitRef,
    description:
      'Record a Customer Smile visit. It satisfies the matching follow-up; a leader who went along touches the FC and the customer.',
    args: commandArgs(t.arg, RecordCustomerVisitInput),
    resolve: async (_, { input, commandId, occurredAt }, ctx) => {
      const { extraVisit, satisfies, ...rest } = input;
      const result = await ctx.commands.customerSmile.recordVisit(
        { ...rest, ...(extraVisit ? { satisfies: null } : satisfies ? { satisfies } : {}) },
        commandContext(ctx, commandId, occurredAt),
      );
      const matches = (v: { visitId: string }) => v.visitId === result.visitId;
      return readBackItem(ctx, result.position, (l) => l.customerVisits, result.contractId, matches, `visit ${result.visitId}`);
    },
  }),
}));
