import type { CafeSessionService } from '@hub/cafe-sessions';
import { koreanDay } from '@hub/events';
import { TOPICS, type DemoStory } from './story';

/*
 * Café sessions (톡톡타임) twice a month from March 2014, ten eligible employees each: the queue is
 * shuffled once and walked, so most people meet the CEO once, a few twice. Questions, answers live
 * or followed up, follow-ups (the last two months' still open).
 */
export const seedCafeSessions = async (cafeSessions: CafeSessionService, eligible: string[], { random, ctx }: DemoStory) => {
  // Shuffle once, then walk the list: most people meet the CEO once, a few twice.
  const queue = [...eligible].sort(() => random() - 0.5);
  let cursor = 0;
  let sessions = 0;
  let attendances = 0;
  for (let month = 0; month < 16; month++) {
    for (const day of [10, 24]) {
      const date = new Date(Date.UTC(2014, 2 + month, day, 6, 0)); // 15:00 KST
      const sessionId = `cafe-${koreanDay(date)}`;
      const scheduledAt = date.toISOString();
      await cafeSessions.schedule(
        { sessionId, scheduledAt, venue: month % 3 === 0 ? 'Café Bene, Yeouido' : 'Starbucks, Gwanghwamun', hostIds: ['CEO'] },
        ctx(`${sessionId}:schedule`, new Date(date.getTime() - 14 * 86_400_000).toISOString()),
      );
      sessions++;
      const guests: string[] = [];
      while (guests.length < 10) {
        const id = queue[cursor++ % queue.length]!;
        if (!guests.includes(id)) guests.push(id);
      }
      for (const employeeId of guests) {
        await cafeSessions.invite(
          { sessionId, employeeId },
          ctx(`${sessionId}:invite:${employeeId}`, new Date(date.getTime() - 7 * 86_400_000).toISOString()),
        );
      }
      // Usually one invitee cannot make it.
      const present = guests.filter(() => random() > 0.08);
      for (const employeeId of present) {
        await cafeSessions.recordAttendance({ sessionId, employeeId }, ctx(`${sessionId}:attend:${employeeId}`, scheduledAt));
        attendances++;
      }
      const questions = 2 + Math.floor(random() * 3);
      for (let q = 0; q < questions; q++) {
        const [topic, text] = TOPICS[Math.floor(random() * TOPICS.length)]!;
        const anonymous = random() < 0.3;
        const askedBy = present[Math.floor(random() * present.length)]!;
        const raisedAt = new Date(date.getTime() + (q + 1) * 600_000).toISOString();
        const questionId = `${sessionId}-q${q + 1}`;
        await cafeSessions.raiseQuestion(
          { sessionId, questionId, topic, text, anonymous, askedBy, raisedAt },
          ctx(`${questionId}:raise`, raisedAt),
        );
        const live = random() < 0.75;
        const answeredAt = new Date(date.getTime() + (live ? (q + 1) * 600_000 + 120_000 : 10 * 86_400_000)).toISOString();
        const lastTwoMonths = month >= 14;
        if (live || !lastTwoMonths) {
          await cafeSessions.answerQuestion(
            {
              sessionId,
              questionId,
              answeredBy: 'CEO',
              mode: live ? 'LIVE' : 'FOLLOWED_UP',
              answer: live ? '솔직하게 말씀드리면… Candidly, here is where we stand.' : 'Followed up by e-mail with the team’s answer.',
              answeredAt,
            },
            ctx(`${questionId}:answer`, answeredAt),
          );
        }
        if (!live) {
          const due = koreanDay(new Date(date.getTime() + 21 * 86_400_000));
          const followUpId = `${questionId}-f`;
          await cafeSessions.assignFollowUp(
            {
              sessionId,
              followUpId,
              questionId,
              description: `Answer in writing: ${topic}`,
              ownerId: month % 2 ? 'EX-CHRO' : 'EX-CSO',
              dueOn: due,
            },
            ctx(`${followUpId}:assign`, raisedAt),
          );
          if (!lastTwoMonths) {
            // Business time from completedOn itself.
            await cafeSessions.completeFollowUp(
              { sessionId, followUpId, completedOn: due, note: 'Shared with the participants.' },
              ctx(`${followUpId}:complete`),
            );
          }
        }
      }
    }
  }
  return { sessions, attendances, queue };
};

/** Two upcoming sessions, so the console shows something still to come. */
export const seedUpcomingCafeSessions = async (cafeSessions: CafeSessionService, queue: string[], { ctx, now }: DemoStory) => {
  let sessions = 0;
  for (const weeks of [1, 3]) {
    const date = new Date(now.getTime() + weeks * 7 * 86_400_000);
    date.setUTCHours(6, 0, 0, 0);
    const sessionId = `cafe-upcoming-${weeks}`;
    await cafeSessions.schedule(
      { sessionId, scheduledAt: date.toISOString(), venue: 'Café Bene, Yeouido', hostIds: ['CEO'] },
      ctx(`${sessionId}:schedule`),
    );
    sessions++;
    for (const employeeId of queue.slice(0, 3 + weeks)) {
      await cafeSessions.invite({ sessionId, employeeId }, ctx(`${sessionId}:invite:${employeeId}`));
    }
  }
  return sessions;
};
