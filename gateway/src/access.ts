import type { Role } from '@hub/access';
import { GraphQLError } from 'graphql';

/*
 * Which roles may use what: every query, mutation and personal-data field names one of these
 * groups in its `authScopes` (Pothos scope-auth), and a schema test refuses a root field without
 * one. The README's "Security and privacy" section shows the same table.
 */
const allow = (...roles: Role[]) => ({ anyRole: roles }) as const;

export const ACCESS = {
  /** Figures, the directory and the channels' records: every role, a caller without a token too. */
  read: allow('VIEWER', 'LEADERSHIP', 'HR', 'SALES', 'PRIVACY_OFFICER', 'ADMIN'),
  /** Customers one by one (ids, contracts, visits, backlog): never their personal data by itself. */
  customerLevel: allow('LEADERSHIP', 'SALES', 'PRIVACY_OFFICER'),
  /** Name, phone, address (PIPA): each read is logged. */
  personalData: allow('SALES', 'PRIVACY_OFFICER'),
  /** The personal-data access log and erasure. */
  privacy: allow('PRIVACY_OFFICER'),
  /** Employees and the org tree. */
  recordEmployees: allow('HR', 'ADMIN'),
  /** Branches, FCs and PRIDE enrolment. */
  recordSalesNetwork: allow('SALES', 'ADMIN'),
  /** Café sessions (톡톡타임), town halls, video messages and e-mail letters. */
  recordEmployeeChannels: allow('LEADERSHIP', 'HR'),
  /** Branch visits and campaigns, customer visits a leader goes along on. */
  recordFieldVisits: allow('LEADERSHIP', 'SALES'),
  /** Customers, contracts and PRIDE weekly FC activity. */
  recordSales: allow('SALES'),
  /** API tokens, CSV imports, dead letters. */
  admin: allow('ADMIN'),
} as const;

export type AccessRule = (typeof ACCESS)[keyof typeof ACCESS];

/** Roles that see customers one by one; the others get customer aggregates with small groups hidden. */
export const seesCustomersOneByOne = (role: Role) => (ACCESS.customerLevel.anyRole as readonly Role[]).includes(role);

/** Aggregates shown to a role without person-level access hide groups smaller than this. */
export const MIN_GROUP_SIZE = 5;

/**
 * Customer figures for a role that does not see customers one by one: a group of fewer than
 * MIN_GROUP_SIZE is hidden, so nobody can single a customer out of an aggregate.
 */
export const customerAggregateGuard = (role: Role) => {
  const guarded = !seesCustomersOneByOne(role);
  return {
    /**
     * Refuses the whole answer when its population, or the people reached in it (a leader's or a
     * channel's few customers, whose recency would be theirs alone), are too few to hide in.
     */
    assertLargeEnough(population: number, reached = MIN_GROUP_SIZE) {
      if (guarded && (population < MIN_GROUP_SIZE || (reached > 0 && reached < MIN_GROUP_SIZE))) {
        throw new GraphQLError(
          `Fewer than ${MIN_GROUP_SIZE} customers in this segment or reached in it: its figures are hidden for ${role}`,
          {
            extensions: { code: 'GROUP_TOO_SMALL', minGroupSize: MIN_GROUP_SIZE },
          },
        );
      }
    },
    /** Drops the breakdown rows of fewer than MIN_GROUP_SIZE people. */
    keepLargeGroups<T>(rows: T[], sizeOf: (row: T) => number): T[] {
      return guarded ? rows.filter((r) => sizeOf(r) >= MIN_GROUP_SIZE) : rows;
    },
  };
};
