import type { CustomerSmileService } from '@hub/customer-smile';
import { CUSTOMER_GIVEN, PRODUCTS, koreanName, type DemoBranch, type DemoStory } from './story';

export type DemoCustomerSmile = Pick<CustomerSmileService, 'registerCustomer' | 'signContract' | 'recordVisit'>;

/**
 * Customer Smile (고객스마일): customers of Seoul branches sign contracts through 2014; their FCs
 * visit within three months and around the first anniversary — mostly on time, some late, some never.
 * And the article's visit: the CEO with an FC at a customer in Banpo (서초구) for the one-year check.
 */
export const seedCustomerSmile = async (
  customerSmile: DemoCustomerSmile,
  branchFcs: Map<string, DemoBranch>,
  { random, ctx, now }: DemoStory,
) => {
  let customers = 0;
  let customerVisits = 0;
  const seoulBranches = [...branchFcs.entries()].filter(([, b]) => b.seoul);
  for (const [branchId, { fcIds, district }] of seoulBranches.slice(0, 30)) {
    for (const fcId of fcIds.slice(0, 3)) {
      customers++;
      const customerId = `CU${String(customers).padStart(5, '0')}`;
      const signedOn = `2014-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
      const name = koreanName(random, CUSTOMER_GIVEN);
      const phone = `010-${String(1000 + Math.floor(random() * 9000))}-${String(1000 + Math.floor(random() * 9000))}`;
      await customerSmile.registerCustomer(
        { customerId, branchId, registeredOn: signedOn, name, phone, address: `서울 ${district} ${1 + Math.floor(random() * 300)}` },
        ctx(`customer:${customerId}`),
      );
      const contractId = `CT${String(customers).padStart(5, '0')}`;
      await customerSmile.signContract(
        { contractId, customerId, fcId, product: PRODUCTS[Math.floor(random() * PRODUCTS.length)]!, signedOn },
        ctx(`contract:${contractId}`),
      );
      // [days after signing, topic]: the three-month visit, then the one-year check (if it has come).
      for (const [days, topic] of [
        [20 + Math.floor(random() * (random() < 0.85 ? 60 : 150)), 'welcome and coverage'],
        [350 + Math.floor(random() * (random() < 0.8 ? 30 : 90)), 'one-year check'],
      ] as const) {
        const visitedAt = new Date(Date.parse(`${signedOn}T05:00:00Z`) + days * 86_400_000).toISOString();
        if (visitedAt > now.toISOString() || random() < 0.08) continue;
        customerVisits++;
        await customerSmile.recordVisit(
          {
            visitId: `${contractId}-${days}`,
            contractId,
            fcId,
            visitedAt,
            topics: [topic],
            feedback: { rating: 3 + Math.floor(random() * 3), comment: null },
          },
          ctx(`visit:${contractId}:${days}`, visitedAt),
        );
      }
    }
  }
  // The article: the CEO went with an FC to a customer in Banpo (서초구) for the one-year check.
  const [banpoBranchId, banpo] = seoulBranches.find(([, b]) => b.district === '서초구')!;
  const banpoFc = banpo.fcIds[0]!;
  customers++;
  await customerSmile.registerCustomer(
    {
      customerId: 'CU-BANPO',
      branchId: banpoBranchId,
      registeredOn: '2014-03-12',
      name: '반포고객',
      phone: '010-3535-1212',
      address: '서울 서초구 반포동 20',
    },
    ctx('customer:CU-BANPO'),
  );
  await customerSmile.signContract(
    { contractId: 'CT-BANPO', customerId: 'CU-BANPO', fcId: banpoFc, product: '변액종신보험', signedOn: '2014-03-12' },
    ctx('contract:CT-BANPO'),
  );
  for (const [visitId, visitedAt, leaderIds, topics] of [
    ['CT-BANPO-3m', '2014-05-20T05:00:00Z', [], ['welcome and coverage']],
    ['CT-BANPO-1y', '2015-03-12T06:00:00Z', ['CEO'], ['re-explained the coverage of the product bought a year ago']],
  ] as const) {
    customerVisits++;
    await customerSmile.recordVisit(
      {
        visitId,
        contractId: 'CT-BANPO',
        fcId: banpoFc,
        leaderIds: [...leaderIds],
        visitedAt,
        topics: [...topics],
        feedback: { rating: 5, comment: visitId.endsWith('1y') ? '대표님이 직접 오셔서 감동했어요' : null },
      },
      ctx(`visit:${visitId}`, visitedAt),
    );
  }
  return { customers, customerVisits };
};
