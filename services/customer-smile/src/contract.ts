import { conflict, forbiddenByRule, koreanDay, notFound, type EventOf, type FollowUpKind, type HubEvent } from '@hub/events';
import type { FcSnapshot } from '@hub/directory';
import type { Decider } from '@hub/event-store';
import type { CustomerSnapshot } from './customer';
import { followUpsFor, matchingFollowUp } from './followUps';

/*
 * Where Customer Smile is decided: a contract, its three follow-ups, and the visits that satisfy
 * them, all in one stream, so "a follow-up is satisfied once" holds even for racing writers.
 */

export type ContractSigned = EventOf<'ContractSigned'>['data'];

export type ContractState =
  { status: 'none' } | { status: 'signed'; contract: ContractSigned; satisfied: Map<FollowUpKind, string>; visitIds: Set<string> };

const evolve = (state: ContractState, event: HubEvent): ContractState => {
  if (event.type === 'ContractSigned') return { status: 'signed', contract: event.data, satisfied: new Map(), visitIds: new Set() };
  if (event.type === 'CustomerVisited' && state.status === 'signed') {
    const satisfied = new Map(state.satisfied);
    if (event.data.satisfies) satisfied.set(event.data.satisfies, koreanDay(event.data.visitedAt));
    return { ...state, satisfied, visitIds: new Set([...state.visitIds, event.data.visitId]) };
  }
  return state;
};

const activeOn = (fc: FcSnapshot, day: string, what: string) => {
  if (day < fc.hiredOn)
    throw forbiddenByRule(`FC ${fc.name} (${fc.fcId}) was hired on ${fc.hiredOn}, after ${what} (${day})`, { fcId: fc.fcId });
  if (fc.leftOn !== null && fc.leftOn < day)
    throw forbiddenByRule(`FC ${fc.name} (${fc.fcId}) had left on ${fc.leftOn}, before ${what} (${day})`, { fcId: fc.fcId });
};

export interface SignContract {
  type: 'SignContract';
  contractId: string;
  customer: CustomerSnapshot;
  fc: FcSnapshot;
  product: string;
  signedOn: string;
}

const decideSignContract = (
  { contractId, customer, fc, product, signedOn }: SignContract,
  state: ContractState,
): EventOf<'ContractSigned'>[] => {
  if (state.status !== 'none') throw conflict(`Contract ${contractId} is already signed`, { contractId });
  if (customer.erasedOn !== null)
    throw forbiddenByRule(`Customer ${customer.customerId}'s personal data was erased; they cannot sign new contracts`, {
      customerId: customer.customerId,
    });
  if (signedOn < customer.registeredOn)
    throw forbiddenByRule(`Customer ${customer.customerId} was registered on ${customer.registeredOn}, after the signing (${signedOn})`, {
      customerId: customer.customerId,
    });
  activeOn(fc, signedOn, 'the signing');
  return [
    {
      type: 'ContractSigned',
      data: {
        contractId,
        customerId: customer.customerId,
        fcId: fc.fcId,
        branchId: fc.branchId,
        product,
        signedOn,
        followUps: followUpsFor(signedOn),
      },
    },
  ];
};

export interface RecordCustomerVisit {
  type: 'RecordCustomerVisit';
  visitId: string;
  contractId: string;
  fc: FcSnapshot;
  leaderIds: string[];
  visitedAt: string;
  topics: string[];
  feedback: { rating: number | null; comment: string | null } | null;
  /** The follow-up it satisfies; null: an extra visit; undefined: the matching one, if any. */
  satisfies: FollowUpKind | null | undefined;
}

const decideCustomerVisit = (visit: RecordCustomerVisit, state: ContractState): EventOf<'CustomerVisited'>[] => {
  if (state.status !== 'signed') throw notFound(`No contract ${visit.contractId} is signed`, { contractId: visit.contractId });
  const { contract, satisfied } = state;
  if (state.visitIds.has(visit.visitId)) throw conflict(`Visit ${visit.visitId} is already recorded`, { visitId: visit.visitId });
  const day = koreanDay(visit.visitedAt);
  if (day < contract.signedOn)
    throw forbiddenByRule(`A visit on ${day} is before contract ${contract.contractId} was signed (${contract.signedOn})`, {
      contractId: contract.contractId,
    });
  if (new Set(visit.leaderIds).size !== visit.leaderIds.length)
    throw forbiddenByRule('Each accompanying leader is named once per visit', { visitId: visit.visitId });
  activeOn(visit.fc, day, 'the visit');
  let satisfies: FollowUpKind | null;
  if (visit.satisfies === undefined) {
    satisfies = matchingFollowUp(contract.followUps, new Set(satisfied.keys()), day);
  } else if (visit.satisfies === null) {
    satisfies = null;
  } else {
    const followUp = contract.followUps.find((f) => f.kind === visit.satisfies)!;
    const earlier = satisfied.get(followUp.kind);
    if (earlier)
      throw conflict(`The ${followUp.kind} follow-up of contract ${contract.contractId} was already satisfied on ${earlier}`, {
        contractId: contract.contractId,
        followUp: followUp.kind,
      });
    if (day < followUp.opensOn)
      throw forbiddenByRule(
        `The ${followUp.kind} follow-up of contract ${contract.contractId} opens on ${followUp.opensOn}, after the visit (${day})`,
        { contractId: contract.contractId, followUp: followUp.kind },
      );
    satisfies = followUp.kind;
  }
  return [
    {
      type: 'CustomerVisited',
      data: {
        visitId: visit.visitId,
        contractId: contract.contractId,
        customerId: contract.customerId,
        fcId: visit.fc.fcId,
        leaderIds: visit.leaderIds,
        visitedAt: visit.visitedAt,
        topics: visit.topics,
        feedback: visit.feedback,
        satisfies,
      },
    },
  ];
};

export type ContractCommand = SignContract | RecordCustomerVisit;

export const contractDecider: Decider<ContractCommand, HubEvent, ContractState> = {
  initialState: () => ({ status: 'none' }),
  decide: (command, state) => {
    switch (command.type) {
      case 'SignContract':
        return decideSignContract(command, state);
      case 'RecordCustomerVisit':
        return decideCustomerVisit(command, state);
    }
  },
  evolve,
};
