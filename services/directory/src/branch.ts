import { conflict, forbiddenByRule, type EventOf, type HubEvent } from '@hub/events';
import type { Decider } from '@hub/event-store';

/** A sales branch (영업 지점); some are PRIDE branches from a date. */
export interface BranchSnapshot {
  branchId: string;
  name: string;
  region: string;
  district: string;
  seoul: boolean;
  prideSince: string | null;
}

export type BranchState = { status: 'none' } | { status: 'registered'; branch: BranchSnapshot };

const evolve = (state: BranchState, event: HubEvent): BranchState => {
  if (event.type === 'BranchRegistered') return { status: 'registered', branch: { ...event.data, prideSince: null } };
  if (state.status === 'registered' && event.type === 'BranchEnrolledInPride') {
    return { status: 'registered', branch: { ...state.branch, prideSince: event.data.since } };
  }
  return state;
};

export type BranchCommand =
  | { type: 'RegisterBranch'; data: EventOf<'BranchRegistered'>['data'] }
  | { type: 'EnrollBranchInPride'; data: EventOf<'BranchEnrolledInPride'>['data'] };

const decide = (command: BranchCommand, state: BranchState): EventOf<'BranchRegistered' | 'BranchEnrolledInPride'>[] => {
  switch (command.type) {
    case 'RegisterBranch':
      if (state.status === 'registered')
        throw conflict(`Branch ${command.data.branchId} is already registered`, { branchId: command.data.branchId });
      return [{ type: 'BranchRegistered', data: command.data }];
    case 'EnrollBranchInPride': {
      const { branchId } = command.data;
      if (state.status !== 'registered')
        throw forbiddenByRule(`No branch ${branchId} is registered: cannot enroll it in PRIDE`, { branchId });
      if (state.branch.prideSince !== null)
        throw conflict(`${state.branch.name} is a PRIDE branch since ${state.branch.prideSince}`, { branchId });
      return [{ type: 'BranchEnrolledInPride', data: command.data }];
    }
  }
};

export const branchDecider: Decider<BranchCommand, HubEvent, BranchState> = { initialState: () => ({ status: 'none' }), decide, evolve };
