import type { EmailLetterService } from '@hub/email-letters';
import { DEMO_ORG_UNITS, type DemoBranch, type DemoStory } from './story';

type Reader = { readerKind: 'EMPLOYEE' | 'FC'; readerId: string };

/**
 * The CEO's e-mail letters (CEO 레터): one to everyone at Christmas 2014, one to the FCs of the
 * Seoul branches, one to the Customer Division. A few bounce; more than half of the employees open
 * within a week, fewer FCs do.
 */
export const seedEmailLetters = async (
  letters: EmailLetterService,
  employeesByUnit: Map<string, string[]>,
  branchFcs: Map<string, DemoBranch>,
  { random, ctx }: DemoStory,
) => {
  const employees = (units?: string[]): Reader[] =>
    [...employeesByUnit]
      .filter(([unit]) => !units || units.includes(unit))
      .flatMap(([, ids]) => ids.map((readerId) => ({ readerKind: 'EMPLOYEE' as const, readerId })));
  const seoulBranches = [...branchFcs].filter(([, b]) => b.seoul).map(([branchId]) => branchId);
  const fcs = (branches?: string[]): Reader[] =>
    [...branchFcs]
      .filter(([branchId]) => !branches || branches.includes(branchId))
      .flatMap(([, b]) => b.fcIds.map((readerId) => ({ readerKind: 'FC' as const, readerId })));
  const customerDivision = DEMO_ORG_UNITS.filter((u) => u.parentId === 'CUST').map((u) => u.orgUnitId);

  const LETTERS = [
    {
      letterId: 'letter-2014-12-24',
      subject: '모두에게 메리 크리스마스 — Merry Christmas to every one of you',
      sentAt: '2014-12-24T00:00:00.000Z',
      audience: ['EMPLOYEE', 'FC'] as const,
      recipients: [...employees(), ...fcs()],
    },
    {
      letterId: 'letter-2015-03-16',
      subject: '서울 지점 FC 여러분께 — To the FCs of our Seoul branches',
      sentAt: '2015-03-16T00:00:00.000Z',
      audience: ['FC'] as const,
      branchIds: seoulBranches,
      recipients: fcs(seoulBranches),
    },
    {
      letterId: 'letter-2015-05-11',
      subject: '고객 부문에 감사드리며 — Thank you, Customer Division',
      sentAt: '2015-05-11T00:00:00.000Z',
      audience: ['EMPLOYEE'] as const,
      orgUnitIds: ['CUST'],
      recipients: employees(customerDivision),
    },
  ];
  for (const l of LETTERS) {
    const recipients = l.recipients.map((r) => ({ ...r, delivered: random() >= 0.02 }));
    await letters.send(
      {
        letterId: l.letterId,
        authorId: 'CEO',
        subject: l.subject,
        audience: [...l.audience],
        orgUnitIds: l.orgUnitIds ?? [],
        branchIds: l.branchIds ?? [],
        recipients,
        sentAt: l.sentAt,
      },
      ctx(`${l.letterId}:send`, l.sentAt),
    );
    for (const r of recipients) {
      if (!r.delivered || random() >= (r.readerKind === 'EMPLOYEE' ? 0.6 : 0.3)) continue;
      // Within a week, at some hour of the day.
      const openedAt = new Date(Date.parse(l.sentAt) + Math.floor(random() * 7 * 24) * 3_600_000).toISOString();
      await letters.recordOpen(
        { letterId: l.letterId, readerKind: r.readerKind, readerId: r.readerId, openedAt },
        ctx(`${l.letterId}:open:${r.readerKind}:${r.readerId}`, openedAt),
      );
    }
  }
  return LETTERS.length;
};
