import {
  branchStream,
  employeeStream,
  fcStream,
  hubEventCodec,
  notFound,
  occurredOnDay,
  orgUnitStream,
  parseOrThrow,
  type HubEvent,
} from '@hub/events';
import {
  foldEvents,
  handleCommand,
  handleCommandBatch,
  loadState,
  type CommandContext,
  type Decider,
  type EventStore,
} from '@hub/event-store';
import { branchDecider, type BranchSnapshot } from './branch';
import {
  defineOrgUnitInput,
  enrollBranchInPrideInput,
  promoteEmployeeInput,
  recordEmployeeLeftInput,
  recordFcLeftInput,
  registerBranchInput,
  registerEmployeeInput,
  registerFcInput,
  transferEmployeeInput,
  transferFcInput,
} from './commands';
import { employeeDecider, type EmployeeSnapshot } from './employee';
import { fcDecider, type FcSnapshot } from './fc';
import { orgUnitDecider, type OrgUnitSnapshot } from './orgUnit';

/**
 * The directory: org units, employees, branches and FCs, each a stream of its own. Lookups read
 * the streams themselves, so a decision never waits for a projection.
 */
export const createDirectoryService = (store: EventStore) => {
  const load = <C, S>(stream: string, decider: Decider<C, HubEvent, S>) => loadState(store, stream, decider, hubEventCodec);

  const run = <C, S>(stream: string, decider: Decider<C, HubEvent, S>, command: C, context: CommandContext) =>
    handleCommand(store, stream, decider, hubEventCodec, command, context);
  /** A directory fact happened on its effective day (start of that day in Korea), whenever it is typed in. */
  const on = (context: CommandContext, day: string, field: string): CommandContext => ({
    ...context,
    occurredAt: occurredOnDay(context.occurredAt, day, field),
  });

  const service = {
    async findOrgUnit(orgUnitId: string): Promise<OrgUnitSnapshot | undefined> {
      const state = await load(orgUnitStream(orgUnitId), orgUnitDecider);
      return state.status === 'defined' ? state.unit : undefined;
    },
    async getOrgUnit(orgUnitId: string): Promise<OrgUnitSnapshot> {
      const unit = await service.findOrgUnit(orgUnitId);
      if (!unit) throw notFound(`No org unit ${orgUnitId} is defined`, { orgUnitId });
      return unit;
    },
    async findEmployee(employeeId: string): Promise<EmployeeSnapshot | undefined> {
      const state = await load(employeeStream(employeeId), employeeDecider);
      return state.status === 'registered' ? state.employee : undefined;
    },
    async getEmployee(employeeId: string): Promise<EmployeeSnapshot> {
      const employee = await service.findEmployee(employeeId);
      if (!employee) throw notFound(`No employee ${employeeId} is registered`, { employeeId });
      return employee;
    },
    async getBranch(branchId: string): Promise<BranchSnapshot> {
      const state = await load(branchStream(branchId), branchDecider);
      if (state.status !== 'registered') throw notFound(`No branch ${branchId} is registered`, { branchId });
      return state.branch;
    },
    /**
     * An FC's record through time, read once: call it with a moment (business time) for the FC as
     * they stood then — registered always, a transfer or departure only once in effect — so history
     * recorded today names the FC's branch of that day; without one, everything recorded.
     */
    async fcTimeline(fcId: string): Promise<(at?: string) => FcSnapshot> {
      const recorded = await store.readStream(fcStream(fcId));
      if (foldEvents(recorded, fcDecider, hubEventCodec).status !== 'registered') throw notFound(`No FC ${fcId} is registered`, { fcId });
      return (at) => {
        const state = foldEvents(
          at === undefined ? recorded : recorded.filter((e) => e.type === 'FcRegistered' || e.metadata.occurredAt <= at),
          fcDecider,
          hubEventCodec,
        );
        if (state.status !== 'registered') throw notFound(`No FC ${fcId} is registered`, { fcId });
        return state.fc;
      };
    },
    /** The FC as of `at` (see {@link fcTimeline}), or as everything recorded says. */
    async getFc(fcId: string, at?: string): Promise<FcSnapshot> {
      return (await service.fcTimeline(fcId))(at);
    },

    async defineOrgUnit(input: unknown, context: CommandContext) {
      const data = parseOrThrow(defineOrgUnitInput, input, 'org unit');
      const parent = data.parentId === null ? null : await service.getOrgUnit(data.parentId);
      return run(orgUnitStream(data.orgUnitId), orgUnitDecider, { type: 'DefineOrgUnit', data, parent }, context);
    },
    async registerEmployee(input: unknown, context: CommandContext) {
      const data = parseOrThrow(registerEmployeeInput, input, 'employee');
      await service.getOrgUnit(data.orgUnitId);
      return run(
        employeeStream(data.employeeId),
        employeeDecider,
        { type: 'RegisterEmployee', data },
        data.hiredOn ? on(context, data.hiredOn, 'hiredOn') : context,
      );
    },
    async promoteEmployee(input: unknown, context: CommandContext) {
      const data = parseOrThrow(promoteEmployeeInput, input, 'promotion');
      return run(
        employeeStream(data.employeeId),
        employeeDecider,
        { type: 'PromoteEmployee', data },
        on(context, data.effectiveOn, 'effectiveOn'),
      );
    },
    async transferEmployee(input: unknown, context: CommandContext) {
      const data = parseOrThrow(transferEmployeeInput, input, 'transfer');
      await service.getOrgUnit(data.orgUnitId);
      return run(
        employeeStream(data.employeeId),
        employeeDecider,
        { type: 'TransferEmployee', data },
        on(context, data.effectiveOn, 'effectiveOn'),
      );
    },
    async recordEmployeeLeft(input: unknown, context: CommandContext) {
      const data = parseOrThrow(recordEmployeeLeftInput, input, 'departure');
      return run(
        employeeStream(data.employeeId),
        employeeDecider,
        { type: 'RecordEmployeeLeft', data },
        on(context, data.leftOn, 'leftOn'),
      );
    },
    /** A branch, and its PRIDE enrolment when given: one append, so both are recorded or neither. */
    async registerBranch(input: unknown, context: CommandContext) {
      const { prideSince, ...data } = parseOrThrow(registerBranchInput, input, 'branch');
      const enrolment = prideSince
        ? [
            {
              command: { type: 'EnrollBranchInPride' as const, data: { branchId: data.branchId, since: prideSince } },
              occurredAt: occurredOnDay(undefined, prideSince, 'prideSince'),
            },
          ]
        : [];
      return handleCommandBatch(
        store,
        branchStream(data.branchId),
        branchDecider,
        hubEventCodec,
        [{ command: { type: 'RegisterBranch', data } }, ...enrolment],
        context,
      );
    },
    async enrollBranchInPride(input: unknown, context: CommandContext) {
      const data = parseOrThrow(enrollBranchInPrideInput, input, 'PRIDE enrolment');
      return run(branchStream(data.branchId), branchDecider, { type: 'EnrollBranchInPride', data }, on(context, data.since, 'since'));
    },
    async registerFc(input: unknown, context: CommandContext) {
      const data = parseOrThrow(registerFcInput, input, 'FC');
      await service.getBranch(data.branchId);
      return run(fcStream(data.fcId), fcDecider, { type: 'RegisterFc', data }, on(context, data.hiredOn, 'hiredOn'));
    },
    async transferFc(input: unknown, context: CommandContext) {
      const data = parseOrThrow(transferFcInput, input, 'FC transfer');
      await service.getBranch(data.branchId);
      return run(fcStream(data.fcId), fcDecider, { type: 'TransferFc', data }, on(context, data.effectiveOn, 'effectiveOn'));
    },
    async recordFcLeft(input: unknown, context: CommandContext) {
      const data = parseOrThrow(recordFcLeftInput, input, 'FC departure');
      return run(fcStream(data.fcId), fcDecider, { type: 'RecordFcLeft', data }, on(context, data.leftOn, 'leftOn'));
    },
  };
  return service;
};

export type DirectoryService = ReturnType<typeof createDirectoryService>;
