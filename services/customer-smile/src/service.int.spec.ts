import { randomBytes } from 'node:crypto';
import { contractStream, customerStream } from '@hub/events';
import { createDirectoryService } from '@hub/directory';
import { type EventStore } from '@hub/event-store';
import { createSqlEventStore } from '@hub/event-store-sql';
import { SQL_ENGINES } from '@hub/sql/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PersonalDataStore } from '@hub/personal-data';
import { createSqlPersonalDataStore } from '@hub/personal-data/sql';
import { createCustomerSmileService, type CustomerSmileService } from './service';

const person = () => ({
  name: `이름-${randomBytes(4).toString('hex')}`,
  phone: '010-1234-5678',
  address: `주소-${randomBytes(4).toString('hex')}`,
});
const customer = (extra: Record<string, unknown> = {}) => ({ branchId: 'BANPO', registeredOn: '2015-03-01', ...person(), ...extra });

/** The real store, with its next append failing once: before it writes (a crash) or after (a lost reply). */
const faulty = (store: EventStore) => {
  let fault: 'before' | 'after' | ((real: () => Promise<unknown>) => Promise<unknown>) | undefined;
  const wrapped: EventStore = {
    ...store,
    readStream: (...a) => store.readStream(...a),
    append: async (...a) => {
      const f = fault;
      fault = undefined;
      if (f === 'before') throw new Error('crash before the append');
      if (typeof f === 'function') await f(() => store.append(...a));
      const result = await store.append(...a);
      if (f === 'after') throw new Error('crash after the append');
      return result;
    },
  };
  return { store: wrapped, failNext: (f: typeof fault) => (fault = f) };
};

describe.each(SQL_ENGINES)('registering customers on $name: personal data first, idempotently', (engine) => {
  let store: EventStore;
  let personalData: PersonalDataStore;
  let service: CustomerSmileService;
  let failNext: ReturnType<typeof faulty>['failNext'];
  let dispose: () => Promise<void>;
  const ctx = (commandId?: string) => ({ actor: 'test', ...(commandId ? { commandId } : {}) });
  const events = async (customerId: string) => (await store.readStream(customerStream(customerId))).map((e) => e.type);

  beforeAll(async () => {
    const created = await engine.create();
    const real = await createSqlEventStore(created.db);
    const f = faulty(real);
    store = real;
    failNext = f.failNext;
    const directory = createDirectoryService(real);
    await directory.registerBranch({ branchId: 'BANPO', name: '반포지점', region: 'Seoul', district: '서초구', seoul: true }, ctx());
    await directory.registerFc({ fcId: 'FC1', name: '이설계', branchId: 'BANPO', hiredOn: '2010-01-04' }, ctx());
    // FC2 moves to Gangnam in June 2015, recorded before any of their 2015 history is typed in.
    await directory.registerBranch({ branchId: 'GANGNAM', name: '강남지점', region: 'Seoul', district: '강남구', seoul: true }, ctx());
    await directory.registerFc({ fcId: 'FC2', name: '박설계', branchId: 'BANPO', hiredOn: '2010-01-04' }, ctx());
    await directory.transferFc({ fcId: 'FC2', branchId: 'GANGNAM', effectiveOn: '2015-06-01' }, ctx());
    personalData = await createSqlPersonalDataStore(created.db, randomBytes(32));
    service = createCustomerSmileService({ store: f.store, directory, personalData });
    dispose = async () => {
      await real.close();
      await created.dispose();
    };
  });
  afterAll(() => dispose());

  it('a crash before the append, then a retry of the same command: the same generated id, one event, the personal data', async () => {
    const input = customer();
    failNext('before');
    await expect(service.registerCustomer(input, ctx('reg-crash-1'))).rejects.toThrow(/crash before/);
    const { customerId } = await service.registerCustomer(input, ctx('reg-crash-1'));
    expect(await events(customerId)).toEqual(['CustomerRegistered']);
    expect(await personalData.byIds([customerId])).toEqual([{ name: input.name, phone: input.phone, address: input.address }]);
  });

  it('a crash after the append, then a retry: repeated, nothing twice, the personal data kept', async () => {
    const input = customer({ customerId: 'C-after' });
    failNext('after');
    await expect(service.registerCustomer(input, ctx('reg-crash-2'))).rejects.toThrow(/crash after/);
    const retried = await service.registerCustomer(input, ctx('reg-crash-2'));
    expect(retried.repeated).toBe(true);
    expect(await events('C-after')).toEqual(['CustomerRegistered']);
    expect(await personalData.byIds(['C-after'])).toEqual([{ name: input.name, phone: input.phone, address: input.address }]);
  });

  it('derives a generated id from actor and command id, and draws a random one without a command id', async () => {
    const a = await service.registerCustomer(customer(), ctx('reg-id-1'));
    const again = await service.registerCustomer(customer(), ctx('reg-id-1'));
    expect(again).toMatchObject({ customerId: a.customerId, repeated: true });
    const b = await service.registerCustomer(customer(), ctx());
    const c = await service.registerCustomer(customer(), ctx());
    expect(new Set([a.customerId, b.customerId, c.customerId]).size).toBe(3);
  });

  it('a contract and a visit retried after a lost reply land in the same stream once (their generated ids come from the command id)', async () => {
    const { customerId } = await service.registerCustomer(customer(), ctx('reg-for-contract'));
    const contract = { customerId, fcId: 'FC1', product: '종신보험', signedOn: '2015-03-02' };
    failNext('after');
    await expect(service.signContract(contract, ctx('sign-lost-reply'))).rejects.toThrow(/crash after/);
    const signed = await service.signContract(contract, ctx('sign-lost-reply'));
    expect(signed.repeated).toBe(true);
    const visit = { contractId: signed.contractId, fcId: 'FC1', visitedAt: '2015-03-10T02:00:00Z', topics: ['감사 인사'] };
    failNext('after');
    await expect(service.recordVisit(visit, ctx('visit-lost-reply'))).rejects.toThrow(/crash after/);
    const visited = await service.recordVisit(visit, ctx('visit-lost-reply'));
    expect(visited.repeated).toBe(true);
    expect((await store.readStream(contractStream(signed.contractId))).map((e) => e.type)).toEqual(['ContractSigned', 'CustomerVisited']);
  });

  it("records history under the FC's branch of that day, not today's", async () => {
    const { customerId } = await service.registerCustomer(customer(), ctx());
    const branchOf = async (contractId: string) => {
      const [signed] = await store.readStream(contractStream(contractId));
      return (signed!.data as { branchId: string }).branchId;
    };
    const before = await service.signContract({ customerId, fcId: 'FC2', product: '연금보험', signedOn: '2015-03-02' }, ctx());
    const after = await service.signContract({ customerId, fcId: 'FC2', product: '연금보험', signedOn: '2015-06-01' }, ctx());
    expect([await branchOf(before.contractId), await branchOf(after.contractId)]).toEqual(['BANPO', 'GANGNAM']);
    const history = await service.recordContractHistory(
      { contractId: 'C-history-FC2', contract: { customerId, fcId: 'FC2', product: '종신보험', signedOn: '2015-05-31' } },
      ctx(),
    );
    expect(await branchOf(history.contractId)).toBe('BANPO');
  });

  it('refuses an existing customer before writing, and leaves its personal data as it was', async () => {
    const first = customer({ customerId: 'C-taken' });
    await service.registerCustomer(first, ctx('reg-taken-1'));
    await expect(service.registerCustomer(customer({ customerId: 'C-taken' }), ctx('reg-taken-2'))).rejects.toMatchObject({
      kind: 'CONFLICT',
    });
    await expect(service.registerCustomer(customer({ customerId: 'C-taken' }), ctx())).rejects.toMatchObject({ kind: 'CONFLICT' });
    expect(await personalData.byIds(['C-taken'])).toEqual([{ name: first.name, phone: first.phone, address: first.address }]);
  });

  it('leaves no personal data behind for a refused registration', async () => {
    await expect(
      service.registerCustomer(customer({ customerId: 'C-nobranch', branchId: 'NOWHERE' }), ctx('reg-bad-1')),
    ).rejects.toMatchObject({ kind: 'NOT_FOUND' });
    await expect(
      service.registerCustomer(customer({ customerId: 'C-badphone', phone: 'call me' }), ctx('reg-bad-2')),
    ).rejects.toMatchObject({ kind: 'VALIDATION' });
    expect(await personalData.byIds(['C-nobranch', 'C-badphone'])).toEqual([undefined, undefined]);
  });

  it('lets two registrations racing for one id end with one customer and their own data', async () => {
    const first = customer({ customerId: 'C-race' });
    const second = customer({ customerId: 'C-race' });
    // Between the first's write and its append, another command registers the same id: it is
    // refused (it may not overwrite the first's data), and the first completes with its own.
    let refusal: unknown;
    failNext(async () => {
      refusal = await service.registerCustomer(second, ctx('reg-race-second')).catch((e: unknown) => e);
    });
    await service.registerCustomer(first, ctx('reg-race-first'));
    expect(refusal).toMatchObject({ kind: 'CONFLICT', message: expect.stringMatching(/at the same time/) });
    expect(await events('C-race')).toEqual(['CustomerRegistered']);
    expect(await personalData.byIds(['C-race'])).toEqual([{ name: first.name, phone: first.phone, address: first.address }]);
    // Once registered, the second is refused as a duplicate and leaves nothing behind.
    await expect(service.registerCustomer(second, ctx('reg-race-second'))).rejects.toMatchObject({ kind: 'CONFLICT' });
    expect(await personalData.byIds(['C-race'])).toEqual([{ name: first.name, phone: first.phone, address: first.address }]);
  });

  it('never writes personal data again when a registration is retried after erasure', async () => {
    const { customerId } = await service.registerCustomer(customer(), ctx('reg-erased'));
    await service.eraseCustomerPersonalData({ customerId, erasedOn: '2016-01-01' }, ctx('erase-1'));
    expect((await service.registerCustomer(customer(), ctx('reg-erased'))).repeated).toBe(true);
    expect(await personalData.byIds([customerId])).toEqual([undefined]);
  });

  it('destroys the key before recording the erasure, so a crash in between leaves it erased and a retry records it', async () => {
    const { customerId } = await service.registerCustomer(customer(), ctx('reg-erase-crash'));
    failNext('before');
    await expect(service.eraseCustomerPersonalData({ customerId, erasedOn: '2016-01-01' }, ctx('erase-crash'))).rejects.toThrow(
      /crash before/,
    );
    expect(await personalData.byIds([customerId])).toEqual([undefined]);
    await service.eraseCustomerPersonalData({ customerId, erasedOn: '2016-01-01' }, ctx('erase-crash'));
    expect(await events(customerId)).toEqual(['CustomerRegistered', 'CustomerPersonalDataErased']);
  });
});
