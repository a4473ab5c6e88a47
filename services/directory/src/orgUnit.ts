import { conflict, forbiddenByRule, type EventOf, type HubEvent, type OrgUnitKind } from '@hub/events';
import type { Decider } from '@hub/event-store';

/** Org units form a tree: division → department → team. */
export interface OrgUnitSnapshot {
  orgUnitId: string;
  name: string;
  kind: OrgUnitKind;
  parentId: string | null;
}

export type OrgUnitState = { status: 'none' } | { status: 'defined'; unit: OrgUnitSnapshot };

const evolve = (state: OrgUnitState, event: HubEvent): OrgUnitState =>
  event.type === 'OrgUnitDefined' ? { status: 'defined', unit: event.data } : state;

const PARENT_KIND: Record<OrgUnitKind, OrgUnitKind | null> = { DIVISION: null, DEPARTMENT: 'DIVISION', TEAM: 'DEPARTMENT' };

export interface DefineOrgUnit {
  type: 'DefineOrgUnit';
  data: EventOf<'OrgUnitDefined'>['data'];
  /** The parent as the directory knows it (looked up by the service), or null. */
  parent: OrgUnitSnapshot | null;
}

/** An org unit is only ever defined; the union names the shape every aggregate shares. */
export type OrgUnitCommand = DefineOrgUnit;

const decide = (command: OrgUnitCommand, state: OrgUnitState): EventOf<'OrgUnitDefined'>[] => {
  const { orgUnitId, kind, parentId } = command.data;
  if (state.status === 'defined') throw conflict(`Org unit ${orgUnitId} is already defined`, { orgUnitId });
  const expected = PARENT_KIND[kind];
  if (expected === null && parentId !== null)
    throw forbiddenByRule(`A division is the top of the tree: ${orgUnitId} cannot have a parent`, { orgUnitId });
  if (expected !== null && command.parent?.kind !== expected) {
    throw forbiddenByRule(`A ${kind.toLowerCase()} belongs under a ${expected.toLowerCase()}: ${parentId ?? 'no parent'} is not one`, {
      orgUnitId,
      parentId,
    });
  }
  return [{ type: 'OrgUnitDefined', data: command.data }];
};

export const orgUnitDecider: Decider<OrgUnitCommand, HubEvent, OrgUnitState> = { initialState: () => ({ status: 'none' }), decide, evolve };
