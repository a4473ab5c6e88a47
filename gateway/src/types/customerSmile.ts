import { FOLLOW_UP_KINDS, localDateSchema, parseOrThrow, validationError, type FollowUpStatus } from '@hub/events';
import {
  COMPLIANCE_GROUPINGS,
  contractsPage,
  customerVisitsPage,
  followUpCompliance,
  overdueFollowUps,
  type CustomerRow,
} from '@hub/read-model';
import { ACCESS, customerAggregateGuard } from '../access';
import { builder } from '../builder';
import { zodEnum } from '../zodInput';
import { dayArg, fromArg, idOrNull, optionalPeriod, toArg } from './args';
import { asOfArgOptions, knownAtArgOptions, momentOf, rowMoment } from './asOf';
import { BranchRef } from './branch';
import { forwardPage, toConnection } from './connection';

import { ComplianceRef } from './compliance';
import { ContractRef } from './contract';
import { PersonalDataRef } from './customerPersonalData';
import { CustomerVisitRef } from './customerVisit';
import { OverdueRef } from './overdueFollowUps';
export const CustomerRef = builder.objectRef<CustomerRow>('Customer');

export const FollowUpKindEnum = builder.enumType('FollowUpKind', {
  description: 'The three Customer Smile (고객스마일) follow-ups a contract makes due.',
  values: {
    THREE_MONTHS: { description: 'Within 3 months of signing.' },
    ONE_YEAR: { description: 'Around the 1st anniversary (from a month before to a month after).' },
    TWO_YEARS: { description: 'Around the 2nd anniversary (from a month before to a month after).' },
  } satisfies Record<(typeof FOLLOW_UP_KINDS)[number], { description: string }>,
});
zodEnum(FOLLOW_UP_KINDS, FollowUpKindEnum);

export const FollowUpStatusEnum = builder.enumType('FollowUpStatus', {
  description: 'How a follow-up stands on a given day (default: the Korean calendar day of `asOf`, or today).',
  values: {
    ON_TIME: { description: 'Visited by the due date.' },
    LATE: { description: 'Visited, after the due date.' },
    OVERDUE: { description: 'Not visited, and the due date has passed.' },
    OPEN: { description: 'Window open, not visited yet, not yet due.' },
    UPCOMING: { description: 'Window not open yet.' },
  } satisfies Record<FollowUpStatus, { description: string }>,
});

CustomerRef.implement({
  // Reached through any field (a contract, a touch, a gap), a customer one by one is for customer-level roles only.
  authScopes: ACCESS.customerLevel,
  description: 'A customer holding contracts sold by FCs. Known by id everywhere; personal data only to SALES and PRIVACY_OFFICER.',
  fields: (t) => ({
    id: t.exposeID('customerId', { description: 'Customer id.' }),
    branch: t.field({
      type: BranchRef,
      nullable: true,
      description: 'The branch that serves them.',
      resolve: async (c, _, ctx) => (await ctx.loadersAt(c.asOf).branch.load(c.branchId)) ?? null,
    }),
    registeredOn: t.expose('registeredOn', { type: 'Date', description: 'When they became a customer.' }),
    erasedOn: t.expose('erasedOn', {
      type: 'Date',
      nullable: true,
      description: 'When their personal data was erased on request; null while kept.',
    }),
    personalData: t.field({
      type: PersonalDataRef,
      nullable: true,
      description:
        'Name, phone and address: SALES and PRIVACY_OFFICER only (FORBIDDEN otherwise); null once erased. Every read is recorded (`personalDataAccessLog`).',
      authScopes: ACCESS.personalData,
      resolve: async (c, _, ctx) => {
        const data = await ctx.personalDataOf.load(c.customerId);
        return data ? { ...data, customerId: c.customerId } : null;
      },
    }),
    contracts: t.field({
      type: [ContractRef],
      description: 'Their contracts, newest first.',
      resolve: (c, _, ctx) => ctx.loadersAt(c.asOf).contractsOfCustomer.load(c.customerId),
    }),
  }),
});

const ComplianceGroupingEnum = builder.enumType('ComplianceGrouping', {
  description: 'How to group Customer Smile compliance.',
  values: {
    FC: { description: 'Per FC.' },
    BRANCH: { description: 'Per branch.' },
    REGION: { description: 'Per region.' },
  } satisfies Record<(typeof COMPLIANCE_GROUPINGS)[number], { description: string }>,
});

const ContractFilterInput = builder.inputType('ContractFilter', {
  description: 'Narrows the contracts listed.',
  fields: (t) => ({
    customerId: t.id({ required: false, description: 'This customer’s.' }),
    fcId: t.id({ required: false, description: 'Sold by this FC.' }),
    branchId: t.id({ required: false, description: 'Signed at this branch.' }),
    region: t.string({ required: false, description: 'Signed at a branch of this region.' }),
    followUpStatus: t.field({ type: FollowUpStatusEnum, required: false, description: 'With a follow-up standing so (e.g. OVERDUE).' }),
  }),
});

const onArgOptions = {
  type: 'Date',
  required: false,
  description: 'Judge follow-ups as they stood on this day (default: the day of `asOf`, or today).',
} as const;

const dates = (from: string, to: string) => {
  const period = { from: parseOrThrow(localDateSchema, from, 'from'), to: parseOrThrow(localDateSchema, to, 'to') };
  if (period.from > period.to) throw validationError('from must not be after to');
  return period;
};

/** Most customers one name search lists. */
const CUSTOMER_SEARCH_MAX = 50;
/** Matches asked of the personal-data store per round. */
const CUSTOMER_SEARCH_BATCH = 100;

builder.queryFields((t) => ({
  customerSearch: t.field({
    // Searching by name is reading names: only the roles that may read them, and each match is logged.
    authScopes: ACCESS.personalData,
    type: [CustomerRef],
    description: `Customers whose name contains this text (case-insensitive), by id, at most \`first\` (default 20, at most ${CUSTOMER_SEARCH_MAX}). SALES and PRIVACY_OFFICER only: every customer it lists counts as a read of their name (\`personalDataAccessLog\`). Erased customers are never found.`,
    args: {
      name: t.arg.string({ required: true, description: 'Part of the name (1 to 100 characters).' }),
      first: t.arg.int({ required: false, description: `How many at most (default 20, at most ${CUSTOMER_SEARCH_MAX}).` }),
      asOf: t.arg(asOfArgOptions),
      knownAt: t.arg(knownAtArgOptions),
    },
    resolve: async (_, args, ctx) => {
      const text = args.name.trim().toLowerCase();
      if (text.length === 0 || text.length > 100) throw validationError('name: give 1 to 100 characters');
      const first = args.first ?? 20;
      if (!Number.isInteger(first) || first < 1 || first > CUSTOMER_SEARCH_MAX)
        throw validationError(`first must be between 1 and ${CUSTOMER_SEARCH_MAX}`);
      const moment = momentOf(args);
      const loader = ctx.loadersAt(moment).customer;
      const found: CustomerRow[] = [];
      // The names are sealed, so the store's blind index finds them; only customers as of the
      // moment (registered by then, not erased) are listed.
      for (let after: string | null = null; found.length < first;) {
        const ids = await ctx.personalData.searchByName(text, { after, limit: CUSTOMER_SEARCH_BATCH });
        const customers = await loader.loadMany(ids);
        for (const c of customers)
          if (found.length < first && c !== undefined && !(c instanceof Error) && c.erasedOn === null) found.push(c);
        if (ids.length < CUSTOMER_SEARCH_BATCH) break;
        after = ids[ids.length - 1]!;
      }
      await Promise.all(found.map((c) => ctx.personalDataRead.load({ customerId: c.customerId, field: 'name' })));
      return found;
    },
  }),
  customer: t.field({
    authScopes: ACCESS.customerLevel,
    type: CustomerRef,
    nullable: true,
    description: 'One customer with their contracts; null when unknown.',
    args: { id: t.arg.id({ required: true, description: 'Customer id.' }), asOf: t.arg(asOfArgOptions), knownAt: t.arg(knownAtArgOptions) },
    resolve: async (_, { id, ...args }, ctx) => (await ctx.loadersAt(momentOf(args)).customer.load(String(id))) ?? null,
  }),
  contracts: t.connection(
    {
      authScopes: ACCESS.customerLevel,
      type: ContractRef,
      description: 'Contracts, newest signing first, filtered. Forward pagination (first/after).',
      args: {
        filter: t.arg({ type: ContractFilterInput, required: false, description: 'Narrow the list.' }),
        on: t.arg(onArgOptions),
        asOf: t.arg(asOfArgOptions),
        knownAt: t.arg(knownAtArgOptions),
      },
      resolve: async (_, args, ctx) => {
        const page = forwardPage('contracts', args);
        const f = args.filter;
        return toConnection(
          await contractsPage(
            ctx.view,
            {
              customerId: idOrNull(f?.customerId),
              fcId: idOrNull(f?.fcId),
              branchId: idOrNull(f?.branchId),
              region: f?.region ?? null,
              followUpStatus: f?.followUpStatus ?? null,
            },
            page,
            momentOf(args),
            args.on ? dayArg(args.on) : undefined,
          ),
          page.after,
        );
      },
    },
    { name: 'ContractConnection', description: 'A page of contracts.' },
    { name: 'ContractEdge', description: 'A contract in a page, with its cursor.' },
  ),
  customerVisits: t.connection(
    {
      authScopes: ACCESS.customerLevel,
      type: CustomerVisitRef,
      description:
        'Customer Smile visits, newest first, filtered by customer, FC, accompanying leader, branch and period. Forward pagination (first/after).',
      args: {
        customerId: t.arg.id({ required: false, description: 'Only visits to this customer.' }),
        fcId: t.arg.id({ required: false, description: 'Only this FC’s visits.' }),
        leaderId: t.arg.id({ required: false, description: 'Only visits this leader went along on.' }),
        branchId: t.arg.id({ required: false, description: 'Only visits for contracts of this branch.' }),
        from: t.arg(fromArg),
        to: t.arg(toArg),
        asOf: t.arg(asOfArgOptions),
        knownAt: t.arg(knownAtArgOptions),
      },
      resolve: async (_, args, ctx) => {
        const page = forwardPage('customerVisits', args);
        const filter = {
          customerId: idOrNull(args.customerId),
          fcId: idOrNull(args.fcId),
          leaderId: idOrNull(args.leaderId),
          branchId: idOrNull(args.branchId),
          ...optionalPeriod(args),
        };
        return toConnection(await customerVisitsPage(ctx.view, filter, page, momentOf(args)), page.after);
      },
    },
    { name: 'CustomerVisitConnection', description: 'A page of Customer Smile visits.' },
    { name: 'CustomerVisitEdge', description: 'A visit in a page, with its cursor.' },
  ),
  followUpCompliance: t.field({
    authScopes: ACCESS.read,
    type: [ComplianceRef],
    description:
      'Customer Smile compliance per FC, branch or region for follow-ups falling due between two days, worst on-time rate first.',
    args: {
      groupBy: t.arg({ type: ComplianceGroupingEnum, required: true, description: 'Per FC, branch or region.' }),
      from: t.arg({ type: 'Date', required: true, description: 'Due on or after this day.' }),
      to: t.arg({ type: 'Date', required: true, description: 'Due on or before this day.' }),
      branchId: t.arg.id({ required: false, description: 'Only this branch.' }),
      region: t.arg.string({ required: false, description: 'Only this region.' }),
      pride: t.arg.boolean({ required: false, description: 'Only PRIDE (true) or non-PRIDE (false) branches.' }),
      on: t.arg(onArgOptions),
      asOf: t.arg(asOfArgOptions),
      knownAt: t.arg(knownAtArgOptions),
    },
    resolve: async (_, args, ctx) => {
      const rows = await followUpCompliance(
        ctx.view,
        args.groupBy,
        dates(args.from, args.to),
        { branchId: idOrNull(args.branchId), region: args.region ?? null, pride: args.pride ?? null },
        momentOf(args),
        args.on ? dayArg(args.on) : undefined,
      );
      // Groups of fewer than five follow-ups are hidden for roles that see customers only in aggregate.
      return customerAggregateGuard(ctx.principal.role)
        .keepLargeGroups(rows, (r) => r.due)
        .map((r) => ({ ...r, groupBy: args.groupBy, asOf: rowMoment(args) }));
    },
  }),
  overdueFollowUps: t.field({
    authScopes: ACCESS.customerLevel,
    type: OverdueRef,
    description: 'Customers with overdue follow-ups (a gap), longest overdue first.',
    args: {
      fcId: t.arg.id({ required: false, description: 'Only this FC’s.' }),
      branchId: t.arg.id({ required: false, description: 'Only this branch’s.' }),
      region: t.arg.string({ required: false, description: 'Only this region’s.' }),
      first: t.arg.int({ required: false, description: 'How many to list (default 50, at most 500).' }),
      on: t.arg(onArgOptions),
      asOf: t.arg(asOfArgOptions),
      knownAt: t.arg(knownAtArgOptions),
    },
    resolve: (_, args, ctx) => {
      const first = args.first ?? 50;
      if (first < 0 || first > 500) throw validationError('first must be between 0 and 500');
      return overdueFollowUps(
        ctx.view,
        { fcId: idOrNull(args.fcId), branchId: idOrNull(args.branchId), region: args.region ?? null },
        first,
        momentOf(args),
        args.on ? dayArg(args.on) : undefined,
      );
    },
  }),
}));
