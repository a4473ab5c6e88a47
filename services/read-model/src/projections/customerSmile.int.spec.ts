import { SQL_ENGINES } from '@hub/sql/testing';
import { describe, expect, it } from 'vitest';
import { touchesOf, viewOf, type HistoryEvent } from '../testing';
import { customerSmileProjection } from './customerSmile';

const day = '2015-06-01T10:00:00+09:00';
const visit = (visitId: string, leaderIds: string[]): HistoryEvent => ({
  stream: 'contract-K1',
  occurredAt: day,
  event: {
    type: 'CustomerVisited',
    data: {
      visitId,
      contractId: 'K1',
      customerId: 'C1',
      fcId: 'F1',
      leaderIds,
      visitedAt: day,
      topics: ['coverage'],
      feedback: null,
      satisfies: null,
    },
  },
});

describe.each(SQL_ENGINES)('the Customer Smile projection alone on $name', (engine) => {
  it('keeps contracts with their follow-ups and visits; a visit touches the customer, by the company or by each leader, who also touches the FC', async () => {
    const view = await viewOf(
      engine,
      [customerSmileProjection],
      [
        {
          stream: 'customer-C1',
          occurredAt: day,
          event: { type: 'CustomerRegistered', data: { customerId: 'C1', branchId: 'B1', registeredOn: '2015-05-01' } },
        },
        {
          stream: 'contract-K1',
          occurredAt: day,
          event: {
            type: 'ContractSigned',
            data: {
              contractId: 'K1',
              customerId: 'C1',
              fcId: 'F1',
              branchId: 'B1',
              product: 'Life',
              signedOn: '2015-05-01',
              followUps: [
                { kind: 'THREE_MONTHS', opensOn: '2015-07-01', dueOn: '2015-08-31' },
                { kind: 'ONE_YEAR', opensOn: '2016-04-01', dueOn: '2016-05-31' },
                { kind: 'TWO_YEARS', opensOn: '2017-04-01', dueOn: '2017-05-31' },
              ],
            },
          },
        },
        visit('V1', []),
        visit('V2', ['CEO']),
      ],
    );
    try {
      expect(await view.db.query(`SELECT kind FROM hub_view.contract_follow_ups ORDER BY due_on`)).toHaveLength(3);
      const touches = await touchesOf(view.db, ['CUSTOMER_VISIT']);
      expect(touches.map((t) => `${t.source_id}:${t.person_kind}:${t.person_id}<-${t.leader_id ?? 'company'}`).sort()).toEqual([
        'V1:CUSTOMER:C1<-company',
        'V2:CUSTOMER:C1<-CEO',
        'V2:FC:F1<-CEO',
      ]);
    } finally {
      await view.dispose();
    }
  });
});
