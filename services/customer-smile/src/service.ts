import { randomUUID } from 'node:crypto';
import { contractStream, customerStream, followUpKindSchema, hubEventCodec, idSchema, instantSchema, koreanDay, localDateSchema, nonEmptyText, notFound, parseOrThrow } from '@hub/contracts';
import type { DirectoryService } from '@hub/directory';
import { handleCommand, loadState, type CommandContext, type EventStore } from '@hub/event-store';
import { z } from 'zod';
import { contractDecider, decideCustomerVisit, decideSignContract } from './contract';
import { customerDecider, decideCustomer } from './customer';
import type { PersonalDataStore } from './personalData';

export const registerCustomerInput = z.object({
  customerId: idSchema.optional(),
  branchId: idSchema,
  registeredOn: localDateSchema,
  name: nonEmptyText(100),
  phone: z.string().trim().regex(/^\+?[0-9][0-9 ()-]{6,19}$/, 'must be a phone number of 7 to 20 digits, spaces, dashes or brackets'),
  address: nonEmptyText(300),
});

export const eraseCustomerInput = z.object({ customerId: idSchema, erasedOn: localDateSchema });

export const signContractInput = z.object({
  contractId: idSchema.optional(),
  customerId: idSchema,
  fcId: idSchema,
  product: nonEmptyText(200),
  signedOn: localDateSchema,
});

export const recordCustomerVisitInput = z.object({
  visitId: idSchema.optional(),
  contractId: idSchema,
  fcId: idSchema,
  leaderIds: z.array(idSchema).max(10).default([]),
  visitedAt: instantSchema,
  topics: z.array(nonEmptyText(200)).min(1, 'name at least one topic covered').max(20),
  feedback: z
    .object({ rating: z.number().int().min(1, 'must be 1 to 5').max(5, 'must be 1 to 5').nullish(), comment: nonEmptyText(2000).nullish() })
    .nullish(),
  /** Omitted: the matching follow-up; null: an extra visit that satisfies none. */
  satisfies: followUpKindSchema.nullish(),
});

export interface CustomerSmileServiceDeps {
  store: EventStore;
  directory: Pick<DirectoryService, 'getEmployee' | 'getBranch' | 'getFc'>;
  personalData: PersonalDataStore;
}

/** Customer Smile (고객스마일): customers, contracts, and the visits that keep their follow-ups. */
export const createCustomerSmileService = ({ store, directory, personalData }: CustomerSmileServiceDeps) => {
  const getCustomer = async (customerId: string) => {
    const state = await loadState(store, customerStream(customerId), customerDecider, hubEventCodec);
    if (state.status !== 'registered') throw notFound(`No customer ${customerId} is registered`, { customerId });
    return state.customer;
  };

  return {
    getCustomer,

    /** Appends the customer (id and branch only), then keeps their personal data in the private store. */
    async registerCustomer(input: unknown, context: CommandContext) {
      const { name, phone, address, ...data } = parseOrThrow(registerCustomerInput, input, 'customer');
      await directory.getBranch(data.branchId);
      const customerId = data.customerId ?? randomUUID();
      const result = await handleCommand(store, customerStream(customerId), customerDecider, hubEventCodec, (s) => decideCustomer({ type: 'RegisterCustomer', data: { ...data, customerId } }, s), context);
      // After the append: a refused registration leaves no personal data behind.
      if (!result.repeated) await personalData.put(customerId, { name, phone, address });
      return { customerId, ...result };
    },

    /** PIPA erasure: deletes name, phone and address for good; events and figures keep the bare id. */
    async eraseCustomerPersonalData(input: unknown, context: CommandContext) {
      const data = parseOrThrow(eraseCustomerInput, input, 'erasure');
      const result = await handleCommand(store, customerStream(data.customerId), customerDecider, hubEventCodec, (s) => decideCustomer({ type: 'EraseCustomerPersonalData', data }, s), context);
      await personalData.erase(data.customerId);
      return { customerId: data.customerId, ...result };
    },

    async signContract(input: unknown, context: CommandContext) {
      const data = parseOrThrow(signContractInput, input, 'contract');
      const customer = await getCustomer(data.customerId);
      const fc = await directory.getFc(data.fcId);
      const contractId = data.contractId ?? randomUUID();
      const result = await handleCommand(
        store,
        contractStream(contractId),
        contractDecider,
        hubEventCodec,
        (s) => decideSignContract({ contractId, customer, fc, product: data.product, signedOn: data.signedOn }, s),
        { ...context, occurredAt: context.occurredAt ?? `${data.signedOn}T00:00:00+09:00` },
      );
      return { contractId, ...result };
    },

    async recordVisit(input: unknown, context: CommandContext) {
      const data = parseOrThrow(recordCustomerVisitInput, input, 'customer visit');
      const fc = await directory.getFc(data.fcId);
      await Promise.all(data.leaderIds.map((id) => directory.getEmployee(id)));
      const visitId = data.visitId ?? randomUUID();
      const feedback = data.feedback ? { rating: data.feedback.rating ?? null, comment: data.feedback.comment ?? null } : null;
      const result = await handleCommand(
        store,
        contractStream(data.contractId),
        contractDecider,
        hubEventCodec,
        (s) => decideCustomerVisit({ ...data, satisfies: data.satisfies, visitId, fc, feedback: feedback?.rating == null && feedback?.comment == null ? null : feedback }, s),
        { ...context, occurredAt: context.occurredAt ?? data.visitedAt },
      );
      return { visitId, contractId: data.contractId, visitedOn: koreanDay(data.visitedAt), ...result };
    },
  };
};

export type CustomerSmileService = ReturnType<typeof createCustomerSmileService>;
