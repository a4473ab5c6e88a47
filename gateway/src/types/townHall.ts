import { TOWN_HALL_FORMATS } from '@hub/events';
import { listTownHalls, type TownHallRow } from '@hub/read-model';
import { ACCESS } from '../access';
import { builder } from '../builder';
import { zodEnum } from '../zodInput';
import { fromArg, idOrNull, optionalPeriod, toArg } from './args';
import { asOfArgOptions, knownAtArgOptions, momentOf } from './asOf';
import { forwardPage, toConnection } from './connection';
import { EmployeeRef } from './employee';
import { FollowUpRef } from './followUp';
import { QuestionRef } from './question';
import { TownHallHeadCountRef } from './townHallHeadCount';

export const TownHallFormatEnum = builder.enumType('TownHallFormat', {
  description: 'How a town hall is held.',
  values: {
    TALK_CONCERT: { description: 'Talk concert (토크 콘서트).' },
    CHIMAEK: { description: 'With chicken and beer (치맥).' },
    LECTURE: { description: 'Lecture.' },
    OTHER: { description: 'Another format; the theme says what.' },
  } satisfies Record<(typeof TOWN_HALL_FORMATS)[number], { description: string }>,
});
zodEnum(TOWN_HALL_FORMATS, TownHallFormatEnum);

export const TownHallRef = builder.objectRef<TownHallRow>('TownHall');

TownHallRef.implement({
  description: 'A town hall (타운홀 미팅): strategy and results shared with the whole company, every two months, two-way by design.',
  fields: (t) => ({
    id: t.exposeID('townHallId', { description: 'Town hall id.' }),
    scheduledAt: t.expose('scheduledAt', { type: 'DateTime', description: 'When.' }),
    format: t.expose('format', { type: TownHallFormatEnum, description: 'Talk concert, chimaek, lecture, …' }),
    theme: t.exposeString('theme', { description: 'Theme.' }),
    venue: t.exposeString('venue', { description: 'Venue.' }),
    status: t.exposeString('status', { description: 'SCHEDULED or CANCELLED.' }),
    cancelReason: t.exposeString('cancelReason', { nullable: true, description: 'Why it was cancelled.' }),
    presenters: t.field({
      type: [EmployeeRef],
      description: 'Who presented (executives down to 과장).',
      resolve: async (th, _, ctx) =>
        (await ctx.loadersAt(th.asOf).employee.loadMany(th.presenterIds)).filter(
          (e): e is Exclude<typeof e, Error | undefined> => !!e && !(e instanceof Error),
        ),
    }),
    attendedCount: t.exposeInt('attendedCount', { description: 'Attendees recorded by name.' }),
    attendees: t.field({
      type: [EmployeeRef],
      description: 'Who attended, recorded by name, by employee number (people counted by head are not named).',
      resolve: async (th, _, ctx) => {
        const loaders = ctx.loadersAt(th.asOf);
        return (await loaders.employee.loadMany(await loaders.townHallAttendees.load(th.townHallId))).filter(
          (e): e is Exclude<typeof e, Error | undefined> => !!e && !(e instanceof Error),
        );
      },
    }),
    headCount: t.exposeInt('headCount', { description: 'Attendees counted per org unit, summed.' }),
    headCounts: t.field({
      type: [TownHallHeadCountRef],
      description: 'Head counts per org unit (the latest count of each).',
      resolve: (th, _, ctx) => ctx.loadersAt(th.asOf).townHallHeadCounts.load(th.townHallId),
    }),
    questions: t.field({
      type: [QuestionRef],
      description: 'Questions raised, in order.',
      resolve: (th, _, ctx) => ctx.loadersAt(th.asOf).questions.TOWN_HALL.load(th.townHallId),
    }),
    followUps: t.field({
      type: [FollowUpRef],
      description: 'Follow-up actions promised here, with their completion.',
      resolve: (th, _, ctx) => ctx.loadersAt(th.asOf).questionFollowUps.TOWN_HALL.load(th.townHallId),
    }),
    feedbackCount: t.exposeInt('feedbackCount', { description: 'Feedback given.' }),
    averageRating: t.exposeFloat('averageRating', { nullable: true, description: 'Mean rating, 1 to 5; null without feedback.' }),
  }),
});

builder.queryFields((t) => ({
  townHalls: t.connection(
    {
      authScopes: ACCESS.read,
      type: TownHallRef,
      description: 'Town halls, newest first, optionally within a period or for one presenter. Forward pagination (first/after).',
      args: {
        from: t.arg(fromArg),
        to: t.arg(toArg),
        presenterId: t.arg.id({ required: false, description: 'Only town halls this person presented at.' }),
        asOf: t.arg(asOfArgOptions),
        knownAt: t.arg(knownAtArgOptions),
      },
      resolve: async (_, args, ctx) => {
        const page = forwardPage('townHalls', args);
        const result = await listTownHalls(
          ctx.view,
          { ...optionalPeriod(args), presenterId: idOrNull(args.presenterId) },
          page,
          momentOf(args),
        );
        return toConnection(result, page.after);
      },
    },
    { name: 'TownHallConnection', description: 'A page of town halls.' },
    { name: 'TownHallEdge', description: 'A town hall in a page, with its cursor.' },
  ),
  townHall: t.field({
    authScopes: ACCESS.read,
    type: TownHallRef,
    nullable: true,
    description: 'One town hall; null when unknown.',
    args: {
      id: t.arg.id({ required: true, description: 'Town hall id.' }),
      asOf: t.arg(asOfArgOptions),
      knownAt: t.arg(knownAtArgOptions),
    },
    resolve: async (_, { id, ...args }, ctx) => (await ctx.loadersAt(momentOf(args)).townHall.load(String(id))) ?? null,
  }),
}));
