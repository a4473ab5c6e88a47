import { gradeSchema, hubEventSchema, ORG_UNIT_KINDS, type HubEvent } from '@hub/events';
import type { RecordedEvent } from '@hub/event-store';
import { z } from 'zod';

/*
 * Current state of the directory for systems that want "who works where today" without replaying
 * history: one compacted topic per kind, key = the entity's stream (= CloudEvent subject, e.g.
 * employee-E1), value = a CloudEvent whose data is the whole entity as of `hubposition`.
 *
 * No tombstones: the model removes nothing. An employee or FC who left stays, with `leftOn` set —
 * as GraphQL shows them (filter includeLeft) and as an HR system needs the leave date. A tombstone
 * would only be right for a removal the model does not have.
 *
 * The fold mirrors the view's projection (services/read-model/src/projections/directory.ts):
 * the first definition of an org unit or branch and the first PRIDE enrolment win; a change to an
 * entity not yet registered is ignored.
 */

export const CURRENT_STATE_TOPICS = {
  employees: 'hub.current-employees.v1',
  fcs: 'hub.current-fcs.v1',
  branches: 'hub.current-branches.v1',
  orgUnits: 'hub.current-org-units.v1',
} as const;
export type CurrentStateKind = keyof typeof CURRENT_STATE_TOPICS;

const date = z.iso.date();
export const employeeStateSchema = z.object({
  employeeId: z.string(),
  name: z.string(),
  grade: gradeSchema,
  orgUnitId: z.string(),
  region: z.string(),
  title: z.string().nullable(),
  hiredOn: date.nullable(),
  /** Null while employed. */
  leftOn: date.nullable(),
});
export const fcStateSchema = z.object({ fcId: z.string(), name: z.string(), branchId: z.string(), hiredOn: date, leftOn: date.nullable() });
export const branchStateSchema = z.object({
  branchId: z.string(),
  name: z.string(),
  region: z.string(),
  district: z.string(),
  seoul: z.boolean(),
  /** The PRIDE enrolment date; null for a branch outside PRIDE. */
  prideSince: date.nullable(),
});
export const orgUnitStateSchema = z.object({
  orgUnitId: z.string(),
  name: z.string(),
  kind: z.enum(ORG_UNIT_KINDS),
  parentId: z.string().nullable(),
});

export type EmployeeState = z.infer<typeof employeeStateSchema>;
export type FcState = z.infer<typeof fcStateSchema>;
export type BranchState = z.infer<typeof branchStateSchema>;
export type OrgUnitState = z.infer<typeof orgUnitStateSchema>;

/** The CloudEvents type (without hub./.v1) and data schema of each kind's state. */
export const CURRENT_STATE_TYPES = {
  employees: { type: 'EmployeeState', schema: employeeStateSchema },
  fcs: { type: 'FcState', schema: fcStateSchema },
  branches: { type: 'BranchState', schema: branchStateSchema },
  orgUnits: { type: 'OrgUnitState', schema: orgUnitStateSchema },
} as const;

/** An entity being folded; a branch may learn its PRIDE date before it is registered. */
export type EntityState =
  | { kind: 'employees'; state: EmployeeState | undefined }
  | { kind: 'fcs'; state: FcState | undefined }
  | { kind: 'branches'; state: Omit<BranchState, 'prideSince'> | undefined; prideSince: string | null }
  | { kind: 'orgUnits'; state: OrgUnitState | undefined };

/** Which kind of entity a directory event changes; undefined for events of other contexts. */
export const currentStateKindOf = (event: HubEvent): CurrentStateKind | undefined => {
  switch (event.type) {
    case 'OrgUnitDefined':
      return 'orgUnits';
    case 'EmployeeRegistered':
    case 'EmployeePromoted':
    case 'EmployeeTransferred':
    case 'EmployeeLeft':
      return 'employees';
    case 'BranchRegistered':
    case 'BranchEnrolledInPride':
      return 'branches';
    case 'FcRegistered':
    case 'FcTransferred':
    case 'FcLeft':
      return 'fcs';
    default:
      return undefined;
  }
};

const empty = (kind: CurrentStateKind): EntityState =>
  kind === 'branches' ? { kind, state: undefined, prideSince: null } : { kind, state: undefined };

/** The entity after one more of its events (pure; `current` is not modified). */
export const applyToEntity = (current: EntityState | undefined, event: HubEvent): EntityState | undefined => {
  const kind = currentStateKindOf(event);
  if (!kind) return current;
  const s = current && current.kind === kind ? current : empty(kind);
  switch (event.type) {
    case 'OrgUnitDefined':
      return s.kind === 'orgUnits' && !s.state ? { kind: 'orgUnits', state: { ...event.data } } : s;
    case 'EmployeeRegistered':
      return s.kind === 'employees' && !s.state ? { kind: 'employees', state: { ...event.data, leftOn: null } } : s;
    case 'EmployeePromoted':
      return s.kind === 'employees' && s.state ? { kind: 'employees', state: { ...s.state, grade: event.data.grade } } : s;
    case 'EmployeeTransferred':
      return s.kind === 'employees' && s.state
        ? { kind: 'employees', state: { ...s.state, orgUnitId: event.data.orgUnitId, region: event.data.region } }
        : s;
    case 'EmployeeLeft':
      return s.kind === 'employees' && s.state ? { kind: 'employees', state: { ...s.state, leftOn: event.data.leftOn } } : s;
    case 'BranchRegistered':
      return s.kind === 'branches' && !s.state ? { ...s, state: { ...event.data } } : s;
    case 'BranchEnrolledInPride':
      return s.kind === 'branches' && s.prideSince === null ? { ...s, prideSince: event.data.since } : s;
    case 'FcRegistered':
      return s.kind === 'fcs' && !s.state ? { kind: 'fcs', state: { ...event.data, leftOn: null } } : s;
    case 'FcTransferred':
      return s.kind === 'fcs' && s.state ? { kind: 'fcs', state: { ...s.state, branchId: event.data.branchId } } : s;
    case 'FcLeft':
      return s.kind === 'fcs' && s.state ? { kind: 'fcs', state: { ...s.state, leftOn: event.data.leftOn } } : s;
    default:
      return s;
  }
};

/** What goes on the topic: the whole entity, or nothing yet (e.g. a branch enrolled before it was registered). */
export const publishedState = (e: EntityState): EmployeeState | FcState | BranchState | OrgUnitState | undefined => {
  if (!e.state) return undefined;
  return e.kind === 'branches' ? { ...e.state, prideSince: e.prideSince } : e.state;
};

/** An entity as of one of its events: the last event folded in is the message's id, position and times. */
export interface FoldedEntity {
  entity: EntityState;
  last: RecordedEvent;
}

/** Folds one more recorded event into `entities` (by stream); events of other contexts and bad ones are skipped. */
export const foldInto = (entities: Map<string, FoldedEntity>, recorded: RecordedEvent): void => {
  const parsed = hubEventSchema.safeParse({ type: recorded.type, data: recorded.data });
  if (!parsed.success || !currentStateKindOf(parsed.data)) return;
  const entity = applyToEntity(entities.get(recorded.streamName)?.entity, parsed.data);
  if (entity) entities.set(recorded.streamName, { entity, last: recorded });
};

/** One entity from its stream's events, up to and including global position `upTo`. */
export const foldEntity = (stream: RecordedEvent[], upTo: bigint): FoldedEntity | undefined => {
  const entities = new Map<string, FoldedEntity>();
  for (const recorded of stream) if (recorded.position <= upTo) foldInto(entities, recorded);
  return entities.values().next().value;
};
