import { koreanDay } from '@hub/events';
import { defineProjection } from '../projection';

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
  async apply(tx, { event, id, position, occurredAt, recordedAt }) {
    switch (event.type) {
      case 'CustomerRegistered': {
        const d = event.data;
        await tx.query('INSERT INTO hub_view.customers VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING', [
          d.customerId,
          d.branchId,
          d.registeredOn,
          occurredAt,
          recordedAt,
        ]);
        return;
      }
      case 'CustomerPersonalDataErased':
        await tx.query('INSERT INTO hub_view.customer_erasures VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING', [
          event.data.customerId,
          event.data.erasedOn,
          occurredAt,
          recordedAt,
        ]);
        return;
      case 'ContractSigned': {
        const d = event.data;
        await tx.query('INSERT INTO hub_view.contracts VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING', [
          d.contractId,
          d.customerId,
          d.fcId,
          d.branchId,
          d.product,
          d.signedOn,
          occurredAt,
          recordedAt,
        ]);
        await tx.query(
          `INSERT INTO hub_view.contract_follow_ups SELECT $1, f.kind, f.opens_on::date, f.due_on::date, $6, $5
           FROM unnest($2::text[], $3::text[], $4::text[]) AS f(kind, opens_on, due_on) ON CONFLICT DO NOTHING`,
          [
            d.contractId,
            d.followUps.map((f) => f.kind),
            d.followUps.map((f) => f.opensOn),
            d.followUps.map((f) => f.dueOn),
            recordedAt,
            occurredAt,
          ],
        );
        return;
      }
      case 'CustomerVisited': {
        const d = event.data;
        await tx.query(
          'INSERT INTO hub_view.customer_visits VALUES ($1, $2, $3, $4, $5::text[], $6, $7, $8::text[], $9, $10, $11, $12, $13, $14) ON CONFLICT DO NOTHING',
          [
            d.visitId,
            d.contractId,
            d.customerId,
            d.fcId,
            d.leaderIds,
            d.visitedAt,
            koreanDay(d.visitedAt),
            d.topics,
            d.feedback?.rating ?? null,
            d.feedback?.comment ?? null,
            d.satisfies,
            occurredAt,
            recordedAt,
            id,
          ],
        );
        // [person, kind, leader]: the customer by the company or by each leader; the FC by each leader.
        const touched: [string, string, string | null][] = [
          ...(d.leaderIds.length === 0 ? [[d.customerId, 'CUSTOMER', null] as [string, string, null]] : []),
          ...d.leaderIds.flatMap((leader): [string, string, string][] => [
            [d.customerId, 'CUSTOMER', leader],
            [d.fcId, 'FC', leader],
          ]),
        ];
        await tx.query(
          `INSERT INTO hub_view.touches (touch_id, person_id, person_kind, leader_id, channel, mode, touched_at, source_event_id, source_id, source_position, occurred_at, recorded_at)
           SELECT $1 || ':' || t.kind || ':' || t.person_id || ':' || coalesce(t.leader_id, 'company'), t.person_id, t.kind, t.leader_id,
                  'CUSTOMER_VISIT', 'FACE_TO_FACE', $2, $1::uuid, $8, $3, $9, $4
           FROM unnest($5::text[], $6::text[], $7::text[]) AS t(person_id, kind, leader_id)
           ON CONFLICT (touch_id) DO NOTHING`,
          [
            id,
            d.visitedAt,
            position.toString(),
            recordedAt,
            touched.map((t) => t[0]),
            touched.map((t) => t[1]),
            touched.map((t) => t[2]),
            d.visitId,
            occurredAt,
          ],
        );
        return;
      }
      default:
        return;
    }
  },
});
