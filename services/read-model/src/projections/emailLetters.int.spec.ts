import { SQL_ENGINES } from '@hub/sql/testing';
import { describe, expect, it } from 'vitest';
import { touchesOf, viewOf } from '../testing';
import { emailLetterProjection } from './emailLetters';

const sentAt = '2015-04-01T09:00:00+09:00';
const openedAt = '2015-04-01T10:30:00+09:00';

describe.each(SQL_ENGINES)('the e-mail letter projection alone on $name', (engine) => {
  it('keeps letters with their sent and delivered counts and one open per reader, each open a broadcast touch by the author', async () => {
    const opened = (readerId: string) => ({
      stream: `emailOpen-L1-EMPLOYEE-${readerId}`,
      occurredAt: openedAt,
      event: { type: 'EmailLetterOpened' as const, data: { letterId: 'L1', readerKind: 'EMPLOYEE' as const, readerId, openedAt } },
    });
    const view = await viewOf(
      engine,
      [emailLetterProjection],
      [
        {
          stream: 'emailLetter-L1',
          occurredAt: sentAt,
          event: {
            type: 'EmailLetterSent',
            data: {
              letterId: 'L1',
              authorId: 'CEO',
              subject: '봄 인사',
              audience: ['EMPLOYEE'],
              orgUnitIds: [],
              branchIds: [],
              recipients: [
                { readerKind: 'EMPLOYEE', readerId: 'E1', delivered: true },
                { readerKind: 'EMPLOYEE', readerId: 'E2', delivered: true },
                { readerKind: 'EMPLOYEE', readerId: 'E3', delivered: false },
              ],
              sentAt,
            },
          },
        },
        opened('E1'),
        opened('E2'),
      ],
    );
    try {
      expect(await view.db.query(`SELECT letter_id, sent, delivered FROM hub_view.email_letters`)).toEqual([
        { letter_id: 'L1', sent: 3, delivered: 2 },
      ]);
      expect((await touchesOf(view.db, ['EMAIL_LETTER'])).map((t) => [t.person_id, t.leader_id, t.mode, t.source_id]).sort()).toEqual([
        ['E1', 'CEO', 'BROADCAST', 'L1'],
        ['E2', 'CEO', 'BROADCAST', 'L1'],
      ]);
    } finally {
      await view.dispose();
    }
  });
});
