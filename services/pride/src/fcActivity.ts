import { conflict, forbiddenByRule, type EventOf, type HubEvent } from '@hub/events';
import type { FcSnapshot } from '@hub/directory';
import type { Decider } from '@hub/event-store';

/*
 * Where PRIDE weekly FC activity is decided: one stream per FC, one report per week; a second
 * report for a week must say it is a correction (so a double submission is caught, not summed).
 */

type Report = EventOf<'FcWeeklyActivityReported'>['data'];

export type FcActivityState = { reports: Map<string, Report> };

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export interface ReportWeeklyActivity {
  type: 'ReportWeeklyActivity';
  fc: FcSnapshot;
  weekOf: string;
  customerVisits: number;
  calls: number;
  contracts: number;
  correction: boolean;
  /** Today, in Korea: a week is reported once it has started. */
  today: string;
}

/** An FC's activity is only ever reported (a correction is a report too); the union names the shape every aggregate shares. */
export type FcActivityCommand = ReportWeeklyActivity;

const decide = (command: FcActivityCommand, state: FcActivityState): EventOf<'FcWeeklyActivityReported'>[] => {
  const { fc, weekOf } = command;
  if (new Date(`${weekOf}T00:00:00Z`).getUTCDay() !== 1) throw forbiddenByRule(`weekOf must be a Monday; ${weekOf} is not`, { weekOf });
  if (weekOf > command.today) throw forbiddenByRule(`The week of ${weekOf} has not started yet`, { weekOf });
  const weekEnd = addDays(weekOf, 6);
  if (fc.hiredOn > weekEnd)
    throw forbiddenByRule(`FC ${fc.name} (${fc.fcId}) was hired on ${fc.hiredOn}, after the week of ${weekOf}`, { fcId: fc.fcId });
  if (fc.leftOn !== null && fc.leftOn < weekOf)
    throw forbiddenByRule(`FC ${fc.name} (${fc.fcId}) had left on ${fc.leftOn}, before the week of ${weekOf}`, { fcId: fc.fcId });
  if (command.contracts > command.customerVisits + command.calls) {
    throw forbiddenByRule('Contracts cannot outnumber the customer visits and calls they came from', { fcId: fc.fcId, weekOf });
  }
  const earlier = state.reports.get(weekOf);
  if (earlier && !command.correction)
    throw conflict(`FC ${fc.fcId} already reported the week of ${weekOf}; send it as a correction to replace it`, {
      fcId: fc.fcId,
      weekOf,
    });
  if (!earlier && command.correction)
    throw forbiddenByRule(`Nothing to correct: FC ${fc.fcId} has not reported the week of ${weekOf}`, { fcId: fc.fcId, weekOf });
  if (
    earlier &&
    earlier.customerVisits === command.customerVisits &&
    earlier.calls === command.calls &&
    earlier.contracts === command.contracts
  ) {
    throw conflict(`The correction for the week of ${weekOf} changes nothing`, { fcId: fc.fcId, weekOf });
  }
  return [
    {
      type: 'FcWeeklyActivityReported',
      data: {
        fcId: fc.fcId,
        branchId: fc.branchId,
        weekOf,
        customerVisits: command.customerVisits,
        calls: command.calls,
        contracts: command.contracts,
        correction: command.correction,
      },
    },
  ];
};

export const fcActivityDecider: Decider<FcActivityCommand, HubEvent, FcActivityState> = {
  initialState: () => ({ reports: new Map() }),
  decide,
  evolve: (state, event) =>
    event.type === 'FcWeeklyActivityReported' ? { reports: new Map(state.reports).set(event.data.weekOf, event.data) } : state,
};
