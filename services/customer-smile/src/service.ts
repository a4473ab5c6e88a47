import { randomUUID } from 'node:crypto';
import {
  contractStream,
  customerStream,
  hubEventCodec,
  isDomainError,
  koreanDay,
  notFound,
  occurredAtInstant,
  occurredOnDay,
  parseOrThrow,
} from '@hub/events';
import type { DirectoryService } from '@hub/directory';
import {
  ConcurrencyConflictError,
  foldEvents,
  handleCommand,
  handleCommandBatch,
  loadState,
  newId,
  type BatchStep,
  type CommandContext,
  type EventStore,
} from '@hub/event-store';
import {
  eraseCustomerInput,
  recordContractHistoryInput,
  recordCustomerVisitInput,
  registerCustomerInput,
  signContractInput,
} from './commands';
import { contractDecider, type ContractCommand, type ContractState } from './contract';
import { customerDecider, type CustomerCommand } from './customer';
import type { PersonalDataStore } from '@hub/personal-data';

export interface CustomerSmileServiceDeps {
  store: EventStore;
  directory: Pick<DirectoryService, 'getEmployee' | 'getBranch' | 'getFc' | 'fcTimeline'>;
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

    /**
     * Keeps the customer's personal data in the private store, then appends the customer (id and
     * branch only). Personal data first, so a crash between the two loses nothing: a retry of the
     * same command (same commandId, hence the same generated id) writes it again and appends.
     * A registration refused before or after the write leaves no personal data behind.
     */
    async registerCustomer(input: unknown, context: CommandContext) {
      const { name, phone, address, ...data } = parseOrThrow(registerCustomerInput, input, 'customer');
      context = { ...context, occurredAt: occurredOnDay(context.occurredAt, data.registeredOn, 'registeredOn') };
      await directory.getBranch(data.branchId);
      const customerId = data.customerId ?? newId(context, 'customer');
      const command: CustomerCommand = { type: 'RegisterCustomer', data: { ...data, customerId } };
      const commandId = context.commandId ?? randomUUID();
      const recorded = await store.readStream(customerStream(customerId));
      const alreadyHandled = recorded.some((e) => e.metadata.causationId === commandId);
      if (!alreadyHandled && !context.dryRun) {
        // Refuse an existing customer before writing anything (throws CONFLICT).
        customerDecider.decide(command, foldEvents(recorded, customerDecider, hubEventCodec));
        await personalData.put(customerId, { name, phone, address }, commandId);
      }
      try {
        const result = await handleCommand(store, customerStream(customerId), customerDecider, hubEventCodec, command, {
          ...context,
          commandId,
        });
        return { customerId, ...result };
      } catch (e) {
        // Someone registered this id meanwhile: take back what we wrote (if nobody overwrote it).
        // Any other failure (a crash, a timeout) keeps it, for the retry.
        if (isDomainError(e) || e instanceof ConcurrencyConflictError) await personalData.withdraw(customerId, commandId);
        throw e;
      }
    },

    /**
     * PIPA erasure: destroys the customer's key (and ciphertext) first, then records the erasure;
     * events and figures keep the bare id. Key first, so a crash in between leaves the data erased
     * and a retry only records it.
     */
    async eraseCustomerPersonalData(input: unknown, context: CommandContext) {
      const data = parseOrThrow(eraseCustomerInput, input, 'erasure');
      const state = await loadState(store, customerStream(data.customerId), customerDecider, hubEventCodec);
      // Nothing of an unknown customer is destroyed (the command below refuses it).
      if (state.status === 'registered') await personalData.erase(data.customerId);
      const result = await handleCommand(
        store,
        customerStream(data.customerId),
        customerDecider,
        hubEventCodec,
        { type: 'EraseCustomerPersonalData', data },
        context,
      );
      return { customerId: data.customerId, ...result };
    },

    async signContract(input: unknown, context: CommandContext) {
      const data = parseOrThrow(signContractInput, input, 'contract');
      const customer = await getCustomer(data.customerId);
      const occurredAt = occurredOnDay(context.occurredAt, data.signedOn, 'signedOn');
      // The FC's branch on the day of signing, not today's.
      const fc = await directory.getFc(data.fcId, occurredAt);
      const contractId = data.contractId ?? newId(context, 'contractId');
      const result = await handleCommand(
        store,
        contractStream(contractId),
        contractDecider,
        hubEventCodec,
        { type: 'SignContract', contractId, customer, fc, product: data.product, signedOn: data.signedOn },
        { ...context, occurredAt },
      );
      return { contractId, ...result };
    },

    async recordVisit(input: unknown, context: CommandContext) {
      const data = parseOrThrow(recordCustomerVisitInput, input, 'customer visit');
      const occurredAt = occurredAtInstant(context.occurredAt, data.visitedAt, 'visitedAt');
      const fc = await directory.getFc(data.fcId, occurredAt);
      await Promise.all(data.leaderIds.map((id) => directory.getEmployee(id)));
      const visitId = data.visitId ?? newId(context, 'visitId');
      const feedback = data.feedback ? { rating: data.feedback.rating ?? null, comment: data.feedback.comment ?? null } : null;
      const result = await handleCommand(
        store,
        contractStream(data.contractId),
        contractDecider,
        hubEventCodec,
        {
          type: 'RecordCustomerVisit',
          ...data,
          satisfies: data.satisfies,
          visitId,
          fc,
          feedback: feedback?.rating == null && feedback?.comment == null ? null : feedback,
        },
        { ...context, occurredAt },
      );
      return { visitId, contractId: data.contractId, visitedOn: koreanDay(data.visitedAt), ...result };
    },

    /**
     * A contract's signing and its visits decided in order against one state and appended at once
     * (all or nothing); business time from signedOn and each visitedAt, as in the single commands.
     */
    async recordContractHistory(input: unknown, context: CommandContext) {
      const { contractId, contract, visits } = parseOrThrow(recordContractHistoryInput, input, 'contract history');
      const fcIds = new Set([...(contract ? [contract.fcId] : []), ...visits.map((v) => v.fcId)]);
      // Each step sees its FC as of its own day (one read per FC).
      const fcs = new Map(await Promise.all([...fcIds].map(async (id) => [id, await directory.fcTimeline(id)] as const)));
      await Promise.all([...new Set(visits.flatMap((v) => v.leaderIds))].map((id) => directory.getEmployee(id)));
      const steps: BatchStep<ContractCommand, ContractState>[] = [];
      if (contract) {
        const customer = await getCustomer(contract.customerId);
        const { stepId: id, ...signed } = contract;
        const occurredAt = occurredOnDay(undefined, signed.signedOn, 'signedOn');
        steps.push({
          command: {
            type: 'SignContract',
            contractId,
            customer,
            fc: fcs.get(signed.fcId)!(occurredAt),
            product: signed.product,
            signedOn: signed.signedOn,
          },
          occurredAt,
          ...(id ? { commandId: id } : {}),
        });
      }
      for (const { stepId: id, feedback: given, ...visit } of visits) {
        const feedback =
          given && (given.rating != null || given.comment != null)
            ? { rating: given.rating ?? null, comment: given.comment ?? null }
            : null;
        steps.push({
          command: {
            type: 'RecordCustomerVisit',
            ...visit,
            contractId,
            satisfies: visit.satisfies,
            fc: fcs.get(visit.fcId)!(visit.visitedAt),
            feedback,
          },
          occurredAt: visit.visitedAt,
          ...(id ? { commandId: id } : {}),
        });
      }
      return {
        contractId,
        ...(await handleCommandBatch(store, contractStream(contractId), contractDecider, hubEventCodec, steps, context)),
      };
    },
  };
};

export type CustomerSmileService = ReturnType<typeof createCustomerSmileService>;
