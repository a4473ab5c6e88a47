import { nextCafeGuests, NEXT_GUESTS_MAX, type GuestSuggestion, type GuestTeam, type NextCafeGuests } from '@hub/read-model';
import { ACCESS } from '../access';
import { builder } from '../builder';
import { idOrNull } from './args';
import { asOfArgOptions, knownAtArgOptions, momentOf } from './asOf';
import { CafeSessionRef } from './cafeSession';
import { OrgUnitRef } from './directory';
import { EmployeeRef } from './employee';

/*
 * Next café guests (README, "The console"): the suggestion the console's guests page shows, asked
 * of the gateway so HR can call it too. It lists employees and café reach, which every role reads
 * already through `gaps` and `cafeSessionReachByOrgUnit`: the same roles may ask it (ACCESS.read).
 */

const GuestTeamRef = builder.objectRef<GuestTeam & { asOf: GuestSuggestion['asOf'] }>('GuestTeam');
GuestTeamRef.implement({
  description: 'The team a suggested guest belongs to, with its café reach over all history up to the moment asked.',
  fields: (t) => ({
    orgUnit: t.field({
      type: OrgUnitRef,
      nullable: true,
      description: 'The org unit.',
      resolve: async (team, _, ctx) => (team.orgUnitId ? ((await ctx.loadersAt(team.asOf).orgUnit.load(team.orgUnitId)) ?? null) : null),
    }),
    name: t.exposeString('name', { description: 'Its name.' }),
    eligiblePopulation: t.exposeInt('eligiblePopulation', {
      description: 'Employees of the team (with the units below it) who may attend café sessions.',
    }),
    reached: t.exposeInt('reached', { description: 'Of the team, how many were ever met at a café session.' }),
    eligibleReachRate: t.exposeFloat('eligibleReachRate', {
      description: 'reached / eligiblePopulation (0 to 1): the lower, the sooner its people are asked.',
    }),
  }),
});

const GuestSuggestionRef = builder.objectRef<GuestSuggestion>('GuestSuggestion');
GuestSuggestionRef.implement({
  description: 'One suggested café guest and why.',
  fields: (t) => ({
    rank: t.exposeInt('rank', { description: 'Place in the suggestion, from 1.' }),
    employeeId: t.exposeID('employeeId', { description: 'Employee number.' }),
    employee: t.field({
      type: EmployeeRef,
      nullable: true,
      description: 'The employee.',
      resolve: async (g, _, ctx) => (await ctx.loadersAt(g.asOf).employee.load(g.employeeId)) ?? null,
    }),
    team: t.field({ type: GuestTeamRef, description: 'Their team and its café reach.', resolve: (g) => ({ ...g.team, asOf: g.asOf }) }),
    divisionId: t.exposeID('divisionId', { nullable: true, description: 'The division (top of the org tree) of their team.' }),
    divisionName: t.exposeString('divisionName', { description: 'Its name.' }),
    reason: t.string({
      description: 'Why, in one sentence (English; the console words it in the reader’s language from the fields above).',
      resolve: (g) =>
        `Never met at a café session; ${g.team.name} has met ${g.team.reached} of ${g.team.eligiblePopulation} eligible (${Math.round(g.team.eligibleReachRate * 100)}%); ${g.divisionName} division.`,
    }),
  }),
});

const NextCafeGuestsRef = builder.objectRef<NextCafeGuests>('NextCafeGuests');
NextCafeGuestsRef.implement({
  description: 'Whom to invite to the next café session.',
  fields: (t) => ({
    session: t.field({
      type: CafeSessionRef,
      nullable: true,
      description: 'The session asked about, when one was named.',
      resolve: (n) => n.session,
    }),
    seats: t.exposeInt('seats', { description: 'How many guests were asked for: the session’s free seats (at most `count`), or `count`.' }),
    candidates: t.exposeInt('candidates', {
      description: 'Eligible employees never met at a café session and not yet invited to it: all of them, not only those listed.',
    }),
    guests: t.field({ type: [GuestSuggestionRef], description: 'The suggestion, best first.', resolve: (n) => n.guests }),
  }),
});

builder.queryFields((t) => ({
  nextCafeGuests: t.field({
    authScopes: ACCESS.read,
    type: NextCafeGuestsRef,
    description:
      'Next café guests: eligible employees (차장 or below) never met at a café session, those of the teams with the lowest café reach first, spread across divisions, each with its reason. For a scheduled session, as many as it has free seats (at most `count`) and none already invited; without one, `count` of them (default 10).',
    args: {
      sessionId: t.arg.id({
        required: false,
        description: 'A scheduled café session still to come: fill its free seats, leaving out those already invited.',
      }),
      count: t.arg.int({ required: false, description: `How many guests (1 to ${NEXT_GUESTS_MAX}); with a session, at most this many.` }),
      asOf: t.arg(asOfArgOptions),
      knownAt: t.arg(knownAtArgOptions),
    },
    resolve: (_, args, ctx) => nextCafeGuests(ctx.view, { sessionId: idOrNull(args.sessionId), count: args.count ?? null }, momentOf(args)),
  }),
}));
