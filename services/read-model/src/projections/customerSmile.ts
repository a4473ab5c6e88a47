import { koreanDay } from '@hub/events';
import { defineProjection, eventsOf, insertRows, stamps, TOUCH_COLUMNS } from '../projection';

const DDL = `
-- Customer Smile. Customers are ids here: their personal data lives in hub_private, never in the view.
CREATE TABLE IF NOT EXISTS hub_view.customers (
  customer_id text PRIMARY KEY, branch_id text NOT NULL, registered_on date NOT NULL, occurred_at timestamptz NOT NULL, recorded_at timestamptz NOT NULL
);
CREATE TABLE IF NOT EXISTS hub_view.customer_erasures (
  customer_id text PRIMARY KEY, erased_on date NOT NULL, occurred_at timestamptz NOT NULL, recorded_at timestamptz NOT NULL
);
CREATE TABLE IF NOT EXISTS hub_view.contracts (
  contract_id text PRIMARY KEY, customer_id text NOT NULL, fc_id text NOT NULL, branch_id text NOT NULL,
  product text NOT NULL, signed_on date NOT NULL, occurred_at timestamptz NOT NULL, recorded_at timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS contracts_customer ON hub_view.contracts (customer_id);
CREATE TABLE IF NOT EXISTS hub_view.contract_follow_ups (
  contract_id text NOT NULL, kind text NOT NULL, opens_on date NOT NULL, due_on date NOT NULL, occurred_at timestamptz NOT NULL, recorded_at timestamptz NOT NULL,
  PRIMARY KEY (contract_id, kind)
);
CREATE INDEX IF NOT EXISTS contract_follow_ups_due ON hub_view.contract_follow_ups (due_on);
-- visited_on is the day in Korea: follow-up windows are calendar days there.
-- Keyed within the contract, as the domain keeps visit ids; touches find their visit by source event.
CREATE TABLE IF NOT EXISTS hub_view.customer_visits (
  visit_id text NOT NULL, contract_id text NOT NULL, customer_id text NOT NULL, fc_id text NOT NULL, leader_ids text[] NOT NULL,
  visited_at timestamptz NOT NULL, visited_on date NOT NULL, topics text[] NOT NULL, rating integer, comment text, satisfies text,
  occurred_at timestamptz NOT NULL,
  recorded_at timestamptz NOT NULL, source_event_id uuid NOT NULL,
  PRIMARY KEY (contract_id, visit_id)
);
CREATE INDEX IF NOT EXISTS customer_visits_contract ON hub_view.customer_visits (contract_id, visited_at);
CREATE INDEX IF NOT EXISTS customer_visits_source ON hub_view.customer_visits (source_event_id);
`;

/**
 * Customer Smile into the view: customers (ids and branch only), contracts with their three
 * follow-ups, visits. A visit touches the customer — by the company when the FC went alone, and
 * by every leader who went along, who also touches the FC (the CEO in Banpo).
 */
export const customerSmileProjection = defineProjection({
  name: 'customer-smile',
  shape: 1,
  ddl: DDL,
  touchChannels: ['CUSTOMER_VISIT'],
  handles: ['CustomerRegistered', 'CustomerPersonalDataErased', 'ContractSigned', 'CustomerVisited'],
  // Customers, contracts and visits are a fifth of a company's events: set-based, one statement per
  // table per batch (customers and contracts first: visits and follow-ups name them).
  async applyMany(tx, events) {
    await insertRows(
      tx,
      'customers',
      'customer_id text, branch_id text, registered_on date, occurred_at timestamptz, recorded_at timestamptz',
      eventsOf(events, 'CustomerRegistered').map((e) => ({
        customer_id: e.event.data.customerId,
        branch_id: e.event.data.branchId,
        registered_on: e.event.data.registeredOn,
        ...stamps(e),
      })),
    );
    await insertRows(
      tx,
      'customer_erasures',
      'customer_id text, erased_on date, occurred_at timestamptz, recorded_at timestamptz',
      eventsOf(events, 'CustomerPersonalDataErased').map((e) => ({
        customer_id: e.event.data.customerId,
        erased_on: e.event.data.erasedOn,
        ...stamps(e),
      })),
    );
    const contracts = eventsOf(events, 'ContractSigned');
    await insertRows(
      tx,
      'contracts',
      'contract_id text, customer_id text, fc_id text, branch_id text, product text, signed_on date, occurred_at timestamptz, recorded_at timestamptz',
      contracts.map((e) => ({
        contract_id: e.event.data.contractId,
        customer_id: e.event.data.customerId,
        fc_id: e.event.data.fcId,
        branch_id: e.event.data.branchId,
        product: e.event.data.product,
        signed_on: e.event.data.signedOn,
        ...stamps(e),
      })),
    );
    await insertRows(
      tx,
      'contract_follow_ups',
      'contract_id text, kind text, opens_on date, due_on date, occurred_at timestamptz, recorded_at timestamptz',
      contracts.flatMap((e) =>
        e.event.data.followUps.map((f) => ({
          contract_id: e.event.data.contractId,
          kind: f.kind,
          opens_on: f.opensOn,
          due_on: f.dueOn,
          ...stamps(e),
        })),
      ),
    );
    const visits = eventsOf(events, 'CustomerVisited');
    await insertRows(
      tx,
      'customer_visits',
      'visit_id text, contract_id text, customer_id text, fc_id text, leader_ids text[], visited_at timestamptz, visited_on date, topics text[], rating integer, comment text, satisfies text, occurred_at timestamptz, recorded_at timestamptz, source_event_id uuid',
      visits.map((e) => {
        const d = e.event.data;
        return {
          visit_id: d.visitId,
          contract_id: d.contractId,
          customer_id: d.customerId,
          fc_id: d.fcId,
          leader_ids: d.leaderIds,
          visited_at: d.visitedAt,
          visited_on: koreanDay(d.visitedAt),
          topics: d.topics,
          rating: d.feedback?.rating ?? null,
          comment: d.feedback?.comment ?? null,
          satisfies: d.satisfies ?? null,
          ...stamps(e),
          source_event_id: e.id,
        };
      }),
    );
    // The customer by the company (the FC went alone) or by each leader; the FC by each leader.
    await insertRows(
      tx,
      'touches',
      'touch_id text, person_id text, person_kind text, leader_id text, touched_at timestamptz, source_event_id uuid, source_id text, source_position bigint, occurred_at timestamptz, recorded_at timestamptz',
      visits.flatMap((e) => {
        const d = e.event.data;
        const touched: [string, 'CUSTOMER' | 'FC', string | null][] = [
          ...(d.leaderIds.length === 0 ? [[d.customerId, 'CUSTOMER', null] as [string, 'CUSTOMER', null]] : []),
          ...d.leaderIds.flatMap((leader): [string, 'CUSTOMER' | 'FC', string][] => [
            [d.customerId, 'CUSTOMER', leader],
            [d.fcId, 'FC', leader],
          ]),
        ];
        return touched.map(([person, kind, leader]) => ({
          touch_id: `${e.id}:${kind}:${person}:${leader ?? 'company'}`,
          person_id: person,
          person_kind: kind,
          leader_id: leader,
          touched_at: d.visitedAt,
          source_event_id: e.id,
          source_id: d.visitId,
          source_position: e.position.toString(),
          ...stamps(e),
        }));
      }),
      {
        into: TOUCH_COLUMNS,
        select: `r.touch_id, r.person_id, r.person_kind, r.leader_id, 'CUSTOMER_VISIT', 'FACE_TO_FACE', r.touched_at, r.source_event_id, r.source_id, r.source_position, r.occurred_at, r.recorded_at`,
      },
    );
  },
});
