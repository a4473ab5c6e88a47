import { z } from 'zod';
import { idSchema, nonEmptyText } from '../primitives';
import { followUpAssignedFields, followUpCompletedFields, questionRaisedFields } from './questions';

/** Stream per café session (톡톡타임): `cafeSession-<id>`. */
export const cafeSessionStream = (sessionId: string) => `cafeSession-${sessionId}`;
export const CAFE_SESSION_STREAM_PREFIX = 'cafeSession-';

const iso = z.iso.datetime({ offset: true });

export const cafeSessionScheduledSchema = z.object({
  type: z.literal('CafeSessionScheduled'),
  data: z.object({
    sessionId: idSchema,
    scheduledAt: iso,
    venue: nonEmptyText(200),
    hostIds: z.array(idSchema).min(1),
    capacity: z.number().int().min(1).max(100),
  }),
});

export const employeeInvitedSchema = z.object({
  type: z.literal('EmployeeInvitedToCafeSession'),
  data: z.object({ sessionId: idSchema, employeeId: idSchema }),
});

export const attendanceRecordedSchema = z.object({
  type: z.literal('CafeSessionAttendanceRecorded'),
  data: z.object({
    sessionId: idSchema,
    employeeId: idSchema,
    /** Came without an invitation. */
    walkIn: z.boolean(),
  }),
});

export const questionRaisedSchema = z.object({
  type: z.literal('CafeSessionQuestionRaised'),
  data: z.object({ sessionId: idSchema, ...questionRaisedFields }),
});

export const ANSWER_MODES = ['LIVE', 'FOLLOWED_UP'] as const;
export const questionAnsweredSchema = z.object({
  type: z.literal('CafeSessionQuestionAnswered'),
  data: z.object({
    sessionId: idSchema,
    questionId: idSchema,
    answeredBy: idSchema,
    mode: z.enum(ANSWER_MODES),
    answer: nonEmptyText(4000),
    answeredAt: iso,
  }),
});

export const followUpAssignedSchema = z.object({
  type: z.literal('CafeSessionFollowUpAssigned'),
  data: z.object({ sessionId: idSchema, ...followUpAssignedFields }),
});

export const followUpCompletedSchema = z.object({
  type: z.literal('CafeSessionFollowUpCompleted'),
  data: z.object({ sessionId: idSchema, ...followUpCompletedFields }),
});

export const cafeSessionCancelledSchema = z.object({
  type: z.literal('CafeSessionCancelled'),
  data: z.object({ sessionId: idSchema, reason: nonEmptyText(500) }),
});

export const cafeSessionEventSchemas = [
  cafeSessionScheduledSchema,
  employeeInvitedSchema,
  attendanceRecordedSchema,
  questionRaisedSchema,
  questionAnsweredSchema,
  followUpAssignedSchema,
  followUpCompletedSchema,
  cafeSessionCancelledSchema,
] as const;

export type CafeSessionEvent = z.infer<(typeof cafeSessionEventSchemas)[number]>;
