import { conflict, forbiddenByRule, type EventOf, type HubEvent } from '@hub/events';
import type { Decider } from '@hub/event-store';

/** A financial consultant (FC, 설계사): the sales agent, belonging to one branch at a time. */
export interface FcSnapshot {
  fcId: string;
  name: string;
  branchId: string;
  hiredOn: string;
  leftOn: string | null;
}

export type FcState = { status: 'none' } | { status: 'registered'; fc: FcSnapshot };

const evolve = (state: FcState, event: HubEvent): FcState => {
  if (event.type === 'FcRegistered') return { status: 'registered', fc: { ...event.data, leftOn: null } };
  if (state.status !== 'registered') return state;
  if (event.type === 'FcTransferred') return { status: 'registered', fc: { ...state.fc, branchId: event.data.branchId } };
  if (event.type === 'FcLeft') return { status: 'registered', fc: { ...state.fc, leftOn: event.data.leftOn } };
  return state;
};

export type FcCommand =
  | { type: 'RegisterFc'; data: EventOf<'FcRegistered'>['data'] }
  | { type: 'TransferFc'; data: EventOf<'FcTransferred'>['data'] }
  | { type: 'RecordFcLeft'; data: EventOf<'FcLeft'>['data'] };

const active = (state: FcState, fcId: string, action: string, on: string) => {
  if (state.status !== 'registered') throw forbiddenByRule(`No FC ${fcId} is registered: cannot ${action}`, { fcId });
  const { fc } = state;
  if (fc.leftOn !== null) throw forbiddenByRule(`FC ${fc.name} (${fcId}) left on ${fc.leftOn}: cannot ${action}`, { fcId });
  if (on < fc.hiredOn)
    throw forbiddenByRule(`${on} is before FC ${fc.name} (${fcId}) was hired (${fc.hiredOn}): cannot ${action}`, { fcId });
  return fc;
};

const decide = (command: FcCommand, state: FcState): EventOf<'FcRegistered' | 'FcTransferred' | 'FcLeft'>[] => {
  switch (command.type) {
    case 'RegisterFc':
      if (state.status === 'registered') throw conflict(`FC ${command.data.fcId} is already registered`, { fcId: command.data.fcId });
      return [{ type: 'FcRegistered', data: command.data }];
    case 'TransferFc': {
      const fc = active(state, command.data.fcId, 'transfer', command.data.effectiveOn);
      if (fc.branchId === command.data.branchId) throw conflict(`FC ${fc.name} is already at branch ${fc.branchId}`, { fcId: fc.fcId });
      return [{ type: 'FcTransferred', data: command.data }];
    }
    case 'RecordFcLeft':
      active(state, command.data.fcId, 'record a departure', command.data.leftOn);
      return [{ type: 'FcLeft', data: command.data }];
  }
};

export const fcDecider: Decider<FcCommand, HubEvent, FcState> = { initialState: () => ({ status: 'none' }), decide, evolve };
