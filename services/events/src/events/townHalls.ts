import { z } from 'zod';
import { idSchema, nonEmptyText } from '../primitives';
import { followUpAssignedFields, followUpCompletedFields, questionRaisedFields } from './questions';

/** Stream per town hall (타운홀 미팅): `townHall-<id>`. */
export const townHallStream = (townHallId: string) => `townHall-${townHallId}`;

const iso = z.iso.datetime({ offset: true });

/** Formats seen so far; OTHER for anything new (the theme says what). */
export const TOWN_HALL_FORMATS = ['TALK_CONCERT', 'CHIMAEK', 'LECTURE', 'OTHER'] as const;
export type TownHallFormat = (typeof TOWN_HALL_FORMATS)[number];

export const townHallScheduledSchema = z.object({
  type: z.literal('TownHallScheduled'),
  data: z.object({
    townHallId: idSchema,
    scheduledAt: iso,
    format: z.enum(TOWN_HALL_FORMATS),
    theme: nonEmptyText(200),
    venue: nonEmptyText(200),
    /** Presenters range from executives down to 과장; any employee may present. */
    presenterIds: z.array(idSchema).min(1),
  }),
});

export const townHallAttendanceRecordedSchema = z.object({
  type: z.literal('TownHallAttendanceRecorded'),
  data: z.object({ townHallId: idSchema, employeeId: idSchema }),
});

/** Where attendance was not taken by name: how many came from one org unit (the latest count stands). */
export const townHallHeadCountRecordedSchema = z.object({
  type: z.literal('TownHallHeadCountRecorded'),
  data: z.object({ townHallId: idSchema, orgUnitId: idSchema, headCount: z.number().int().min(0).max(100_000) }),
});

export const townHallQuestionRaisedSchema = z.object({
  type: z.literal('TownHallQuestionRaised'),
  data: z.object({ townHallId: idSchema, ...questionRaisedFields }),
});

export const townHallQuestionAnsweredSchema = z.object({
  type: z.literal('TownHallQuestionAnswered'),
  data: z.object({ townHallId: idSchema, questionId: idSchema, answeredBy: idSchema, answer: nonEmptyText(4000), answeredAt: iso }),
});

export const townHallFeedbackGivenSchema = z.object({
  type: z.literal('TownHallFeedbackGiven'),
  data: z.object({
    townHallId: idSchema,
    feedbackId: idSchema,
    rating: z.number().int().min(1).max(5),
    comment: nonEmptyText(2000).nullable(),
    /** Null when given anonymously. */
    employeeId: idSchema.nullable(),
  }),
});

/** A follow-up action promised at a town hall (후속 조치): the same block as a café session's. */
export const townHallFollowUpAssignedSchema = z.object({
  type: z.literal('TownHallFollowUpAssigned'),
  data: z.object({ townHallId: idSchema, ...followUpAssignedFields }),
});

export const townHallFollowUpCompletedSchema = z.object({
  type: z.literal('TownHallFollowUpCompleted'),
  data: z.object({ townHallId: idSchema, ...followUpCompletedFields }),
});

export const townHallCancelledSchema = z.object({
  type: z.literal('TownHallCancelled'),
  data: z.object({ townHallId: idSchema, reason: nonEmptyText(500) }),
});

export const townHallEventSchemas = [
  townHallScheduledSchema,
  townHallAttendanceRecordedSchema,
  townHallHeadCountRecordedSchema,
  townHallQuestionRaisedSchema,
  townHallQuestionAnsweredSchema,
  townHallFeedbackGivenSchema,
  townHallFollowUpAssignedSchema,
  townHallFollowUpCompletedSchema,
  townHallCancelledSchema,
] as const;

export type TownHallEvent = z.infer<(typeof townHallEventSchemas)[number]>;
