import { branchVisitsPage, listCampaigns, unvisitedBranches, type BranchVisitRow } from '@hub/read-model';
import { ACCESS } from '../access';
import { builder } from '../builder';
import { fromArg, idOrNull, instantPeriod, optionalPeriod, toArg } from './args';
import { asOfArgOptions, knownAtArgOptions, momentOf } from './asOf';
import { BranchRef } from './branch';
import { forwardPage, toConnection } from './connection';
import { EmployeeRef } from './employee';
import { FcRef } from './fc';

import { CampaignRef } from './campaign';
export const BranchVisitRef = builder.objectRef<BranchVisitRow>('BranchVisit');

export const present = <T>(items: (T | Error | undefined)[]) => items.filter((x): x is T => x !== undefined && !(x instanceof Error));

BranchVisitRef.implement({
  description: 'Leaders visiting a sales branch: whom they met, what they brought, for which campaign.',
  fields: (t) => ({
    id: t.exposeID('visitId', { description: 'Visit id.' }),
    branch: t.field({
      type: BranchRef,
      nullable: true,
      description: 'The branch.',
      resolve: async (v, _, ctx) => (await ctx.loadersAt(v.asOf).branch.load(v.branchId)) ?? null,
    }),
    leaders: t.field({
      type: [EmployeeRef],
      description: 'Who went (none for a delivery).',
      resolve: async (v, _, ctx) => present(await ctx.loadersAt(v.asOf).employee.loadMany(v.leaderIds)),
    }),
    visitedAt: t.expose('visitedAt', { type: 'DateTime', description: 'When.' }),
    purpose: t.exposeString('purpose', { description: 'Why.' }),
    campaign: t.field({
      type: CampaignRef,
      nullable: true,
      description: 'The campaign it was part of.',
      resolve: async (v, _, ctx) => (v.campaignId ? ((await ctx.loadersAt(v.asOf).campaign.load(v.campaignId)) ?? null) : null),
    }),
    fcs: t.field({
      type: [FcRef],
      description: 'FCs met.',
      resolve: async (v, _, ctx) => present(await ctx.loadersAt(v.asOf).fc.loadMany(v.fcIds)),
    }),
    gift: t.exposeString('gift', { nullable: true, description: 'What was brought, e.g. a Christmas cake.' }),
  }),
});

builder.objectField(BranchRef, 'visits', (t) =>
  t.field({
    type: [BranchVisitRef],
    description: 'Visits to this branch, newest first.',
    resolve: (b, _, ctx) => ctx.loadersAt(b.asOf).branchVisits.load(b.branchId),
  }),
);

builder.objectField(BranchRef, 'lastVisitedAt', (t) =>
  t.field({
    type: 'DateTime',
    nullable: true,
    description:
      'The last visit a leader went on (deliveries without a leader do not count); null: never visited. Branches sorted by LAST_VISITED_AT ascending are the visit list: never visited first, then the longest unvisited.',
    resolve: async (b, _, ctx) =>
      (await ctx.loadersAt(b.asOf).branchVisits.load(b.branchId)).find((v) => v.leaderIds.length > 0)?.visitedAt ?? null,
  }),
);

builder.queryFields((t) => ({
  branchVisits: t.connection(
    {
      authScopes: ACCESS.read,
      type: BranchVisitRef,
      description: 'Branch visits, newest first, filtered by branch, leader, campaign and period. Forward pagination (first/after).',
      args: {
        branchId: t.arg.id({ required: false, description: 'Only visits to this branch.' }),
        leaderId: t.arg.id({ required: false, description: 'Only visits this leader went on.' }),
        campaignId: t.arg.id({ required: false, description: 'Only visits for this campaign.' }),
        from: t.arg(fromArg),
        to: t.arg(toArg),
        asOf: t.arg(asOfArgOptions),
        knownAt: t.arg(knownAtArgOptions),
      },
      resolve: async (_, args, ctx) => {
        const page = forwardPage('branchVisits', args);
        const filter = {
          branchId: idOrNull(args.branchId),
          leaderId: idOrNull(args.leaderId),
          campaignId: idOrNull(args.campaignId),
          ...optionalPeriod(args),
        };
        return toConnection(await branchVisitsPage(ctx.view, filter, page, momentOf(args)), page.after);
      },
    },
    { name: 'BranchVisitConnection', description: 'A page of branch visits.' },
    { name: 'BranchVisitEdge', description: 'A branch visit in a page, with its cursor.' },
  ),
  campaigns: t.field({
    authScopes: ACCESS.read,
    type: [CampaignRef],
    description: 'Campaigns with their progress, latest deadline first.',
    args: { asOf: t.arg(asOfArgOptions), knownAt: t.arg(knownAtArgOptions) },
    resolve: (_, args, ctx) => listCampaigns(ctx.view, momentOf(args)),
  }),
  unvisitedBranches: t.field({
    authScopes: ACCESS.read,
    type: [BranchRef],
    description: 'Branches no leader visited in the period (a gap): e.g. Seoul branches nobody visited this quarter.',
    args: {
      from: t.arg({ ...fromArg, required: true }),
      to: t.arg({ ...toArg, required: true }),
      region: t.arg.string({ required: false, description: 'Only this region.' }),
      seoul: t.arg.boolean({ required: false, description: 'Only branches in (true) or outside (false) Seoul.' }),
      pride: t.arg.boolean({ required: false, description: 'Only PRIDE (true) or non-PRIDE (false) branches.' }),
      asOf: t.arg(asOfArgOptions),
      knownAt: t.arg(knownAtArgOptions),
    },
    resolve: (_, args, ctx) => {
      return unvisitedBranches(
        ctx.view,
        instantPeriod(args),
        { region: args.region ?? null, seoul: args.seoul ?? null, pride: args.pride ?? null },
        momentOf(args),
      );
    },
  }),
}));
