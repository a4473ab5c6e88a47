import { koreanDay } from '@hub/events';
import type { TownHallService } from '@hub/town-halls';
import { DEMO_ORG_UNITS, EXECUTIVES, TOPICS, type DemoStory } from './story';

/** Town halls (타운홀) every two months, in changing formats, with presenters from executives down to 과장. */
export const seedTownHalls = async (townHalls: TownHallService, eligible: string[], queue: string[], { random, ctx }: DemoStory) => {
  const FORMATS = ['TALK_CONCERT', 'CHIMAEK', 'LECTURE', 'TALK_CONCERT', 'CHIMAEK', 'OTHER', 'LECTURE', 'CHIMAEK'] as const;
  const THEMES = [
    '2014 strategy: one direction',
    'Customer Smile launch',
    'PRIDE program kick-off',
    'H1 results',
    'Year-end review',
    '2015 plan',
    'Q1 results',
    'Digital sales',
  ];
  const managers = queue.slice(-40);
  let townHallCount = 0;
  for (let i = 0; i < 8; i++) {
    const date = new Date(Date.UTC(2014, 3 + i * 2, 20, 9, 0)); // 18:00 KST
    const townHallId = `townhall-${date.toISOString().slice(0, 7)}`;
    const scheduledAt = date.toISOString();
    const presenterIds = ['CEO', EXECUTIVES[1 + (i % 4)]!.employeeId, managers[i]!];
    await townHalls.schedule(
      {
        townHallId,
        scheduledAt,
        format: FORMATS[i]!,
        theme: THEMES[i]!,
        venue: i % 2 ? 'Auditorium, HQ' : 'Rooftop garden, HQ',
        presenterIds,
      },
      ctx(`${townHallId}:schedule`, new Date(date.getTime() - 30 * 86_400_000).toISOString()),
    );
    townHallCount++;
    // Small formats take names; large ones count heads per department.
    if (FORMATS[i] === 'CHIMAEK') {
      for (const employeeId of eligible.filter(() => random() < 0.08)) {
        if (presenterIds.includes(employeeId)) continue;
        await townHalls.recordAttendance({ townHallId, employeeId }, ctx(`${townHallId}:attend:${employeeId}`, scheduledAt));
      }
    } else {
      for (const unit of DEMO_ORG_UNITS) {
        const headCount = Math.round(unit.size * (0.5 + random() * 0.4));
        await townHalls.recordHeadCount(
          { townHallId, orgUnitId: unit.orgUnitId, headCount },
          ctx(`${townHallId}:count:${unit.orgUnitId}`, scheduledAt),
        );
      }
    }
    for (let q = 0; q < 3; q++) {
      const [topic, text] = TOPICS[Math.floor(random() * TOPICS.length)]!;
      const questionId = `${townHallId}-q${q + 1}`;
      const raisedAt = new Date(date.getTime() + (q + 1) * 900_000).toISOString();
      await townHalls.raiseQuestion(
        { townHallId, questionId, topic, text, anonymous: true, raisedAt },
        ctx(`${questionId}:raise`, raisedAt),
      );
      if (q < 2 || i < 7) {
        await townHalls.answerQuestion(
          {
            townHallId,
            questionId,
            answeredBy: presenterIds[q % presenterIds.length]!,
            answer: 'Answered on stage.',
            answeredAt: raisedAt,
          },
          ctx(`${questionId}:answer`, raisedAt),
        );
      }
    }
    // Follow-ups promised on stage: the last town hall's unanswered question, still open, and one
    // earlier promise from the feedback ("more time for questions"), kept.
    if (i === 7) {
      const questionId = `${townHallId}-q3`;
      await townHalls.assignFollowUp(
        {
          townHallId,
          followUpId: `${questionId}-f`,
          questionId,
          description: 'Answer in writing on the intranet',
          ownerId: 'EX-CHRO',
          dueOn: koreanDay(new Date(date.getTime() + 14 * 86_400_000)),
        },
        ctx(`${questionId}-f:assign`, scheduledAt),
      );
    }
    if (i === 5) {
      const followUpId = `${townHallId}-qa`;
      const dueOn = koreanDay(new Date(date.getTime() + 30 * 86_400_000));
      await townHalls.assignFollowUp(
        { townHallId, followUpId, description: 'Longer Q&A at the next town hall', ownerId: 'EX-CSO', dueOn },
        ctx(`${followUpId}:assign`, scheduledAt),
      );
      await townHalls.completeFollowUp(
        { townHallId, followUpId, completedOn: dueOn, note: 'Q&A doubled to 40 minutes.' },
        ctx(`${followUpId}:complete`),
      );
    }
    for (let f = 0; f < 12; f++) {
      await townHalls.giveFeedback(
        {
          townHallId,
          feedbackId: `${townHallId}-fb${f + 1}`,
          rating: 3 + Math.floor(random() * 3),
          comment: f % 4 === 0 ? 'More time for questions, please.' : null,
        },
        ctx(`${townHallId}:feedback:${f}`, scheduledAt),
      );
    }
  }
  return townHallCount;
};
