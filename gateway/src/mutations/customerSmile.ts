import { READ_BACK } from '@hub/read-model';
import { notFound } from '@hub/events';
import { ACCESS } from '../access';
import { builder } from '../builder';
import type { HubContext } from '../context';
import { ContractRef, CustomerRef, CustomerVisitRef, FollowUpKindEnum } from '../types/customerSmile';
import { commandContext, commandIdOptions, occurredAtArg } from './command';

const RegisterCustomerInput = builder.inputType('RegisterCustomerInput', {
  description: 'A new customer. Name, phone and address go to the protected store, never into events.',
  fields: (t) => ({
    customerId: t.id({ required: false, description: 'Optional id; generated when omitted.' }),
    branchId: t.id({ required: true, description: 'The branch that serves them.' }),
    registeredOn: t.field({ type: 'Date', required: true, description: 'When they became a customer.' }),
    name: t.string({ required: true, description: 'Name (personal data).' }),
    phone: t.string({ required: true, description: 'Phone number (personal data).' }),
    address: t.string({ required: true, description: 'Address (personal data).' }),
  }),
});

const SignContractInput = builder.inputType('SignContractInput', {
  description: 'A signed contract; it makes three follow-ups due.',
  fields: (t) => ({
    contractId: t.id({ required: false, description: 'Optional id; generated when omitted.' }),
    customerId: t.id({ required: true, description: 'The customer.' }),
    fcId: t.id({ required: true, description: 'The FC who sold it.' }),
    product: t.string({ required: true, description: 'Product.' }),
    signedOn: t.field({ type: 'Date', required: true, description: 'Signing day.' }),
  }),
});

const FeedbackInput = builder.inputType('CustomerFeedbackInput', {
  description: 'What the customer said.',
  fields: (t) => ({
    rating: t.int({ required: false, description: '1 to 5.' }),
    comment: t.string({ required: false, description: 'Comment.' }),
  }),
});

const RecordCustomerVisitInput = builder.inputType('RecordCustomerVisitInput', {
  description: 'An FC’s visit to a customer about a contract, maybe with leaders.',
  fields: (t) => ({
    visitId: t.id({ required: false, description: 'Optional id; generated when omitted.' }),
    contractId: t.id({ required: true, description: 'The contract.' }),
    fcId: t.id({ required: true, description: 'The FC who went.' }),
    leaderIds: t.idList({ required: false, description: 'Leaders who went along.' }),
    visitedAt: t.field({ type: 'DateTime', required: true, description: 'When.' }),
    topics: t.stringList({ required: true, description: 'What was covered.' }),
    feedback: t.field({ type: FeedbackInput, required: false, description: 'The customer’s feedback.' }),
    satisfies: t.field({
      type: FollowUpKindEnum,
      required: false,
      description: 'The follow-up it satisfies; omitted: the matching one; to record an extra visit set `extraVisit`.',
    }),
    extraVisit: t.boolean({ required: false, description: 'True: a visit that satisfies no follow-up.' }),
  }),
});

const EraseCustomerInput = builder.inputType('EraseCustomerPersonalDataInput', {
  description: 'A customer’s request to erase their personal data (PIPA).',
  fields: (t) => ({
    customerId: t.id({ required: true, description: 'The customer.' }),
    erasedOn: t.field({ type: 'Date', required: true, description: 'The day of erasure.' }),
  }),
});

/** The customer as the view (and the private store) hold them once the command's events are in. */
const readBackCustomer = async (ctx: HubContext, result: { customerId: string; position: bigint | undefined }) => {
  await ctx.waitForView(result.position);
  const loader = ctx.loadersAt(READ_BACK).customer;
  loader.clear(result.customerId);
  ctx.personalDataOf.clear(result.customerId);
  const customer = await loader.load(result.customerId);
  if (!customer) throw notFound(`No customer ${result.customerId}`);
  return customer;
};

builder.mutationFields((t) => ({
  registerCustomer: t.field({
    authScopes: ACCESS.recordSales,
    type: CustomerRef,
    description: 'Register a customer of a branch; their personal data is kept apart from the events.',
    args: {
      input: t.arg({ type: RegisterCustomerInput, required: true }),
      commandId: t.arg.string(commandIdOptions),
      occurredAt: t.arg(occurredAtArg),
    },
    resolve: async (_, { input, commandId, occurredAt }, ctx) => {
      const result = await ctx.commands.customerSmile.registerCustomer(input, commandContext(ctx, commandId, occurredAt));
      return readBackCustomer(ctx, result);
    },
  }),
  eraseCustomerPersonalData: t.field({
    authScopes: ACCESS.privacy,
    type: CustomerRef,
    description: 'Erase a customer’s name, phone and address for good (PRIVACY_OFFICER only). Events and figures keep the bare id.',
    args: {
      input: t.arg({ type: EraseCustomerInput, required: true }),
      commandId: t.arg.string(commandIdOptions),
      occurredAt: t.arg(occurredAtArg),
    },
    resolve: async (_, { input, commandId, occurredAt }, ctx) => {
      const result = await ctx.commands.customerSmile.eraseCustomerPersonalData(input, commandContext(ctx, commandId, occurredAt));
      return readBackCustomer(ctx, result);
    },
  }),
  signContract: t.field({
    authScopes: ACCESS.recordSales,
    type: ContractRef,
    description: 'Record a signed contract: its three follow-ups become due.',
    args: {
      input: t.arg({ type: SignContractInput, required: true }),
      commandId: t.arg.string(commandIdOptions),
      occurredAt: t.arg(occurredAtArg),
    },
    resolve: async (_, { input, commandId, occurredAt }, ctx) => {
      const result = await ctx.commands.customerSmile.signContract(input, commandContext(ctx, commandId, occurredAt));
      await ctx.waitForView(result.position);
      const loader = ctx.loadersAt(READ_BACK).contract;
      loader.clear(result.contractId);
      const contract = await loader.load(result.contractId);
      if (!contract) throw notFound(`No contract ${result.contractId}`);
      return contract;
    },
  }),
  recordCustomerVisit: t.field({
    authScopes: ACCESS.recordFieldVisits,
    type: CustomerVisitRef,
    description:
      'Record a Customer Smile visit. It satisfies the matching follow-up; a leader who went along touches the FC and the customer.',
    args: {
      input: t.arg({ type: RecordCustomerVisitInput, required: true }),
      commandId: t.arg.string(commandIdOptions),
      occurredAt: t.arg(occurredAtArg),
    },
    resolve: async (_, { input, commandId, occurredAt }, ctx) => {
      const { extraVisit, satisfies, ...rest } = input;
      const result = await ctx.commands.customerSmile.recordVisit(
        { ...rest, ...(extraVisit ? { satisfies: null } : satisfies ? { satisfies } : {}) },
        commandContext(ctx, commandId, occurredAt),
      );
      await ctx.waitForView(result.position);
      const loader = ctx.loadersAt(READ_BACK).customerVisits;
      loader.clear(result.contractId);
      const visit = (await loader.load(result.contractId)).find((v) => v.visitId === result.visitId);
      if (!visit) throw notFound(`No visit ${result.visitId}`);
      return visit;
    },
  }),
}));
