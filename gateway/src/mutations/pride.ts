import { reportWeeklyActivityInput } from '@hub/pride';
import { ACCESS } from '../access';
import { builder } from '../builder';
import { zodInput } from '../zodInput';
import { commandArgs, commandContext } from './command';

const ReportWeeklyActivityInput = zodInput('ReportFcWeeklyActivityInput', reportWeeklyActivityInput);

const ReportedRef = builder.objectRef<{ fcId: string; weekOf: string; repeated: boolean }>('FcWeeklyActivityReport');
ReportedRef.implement({
  description: 'A weekly activity report, as recorded.',
  fields: (t) => ({
    fcId: t.exposeID('fcId', { description: 'The FC.' }),
    weekOf: t.expose('weekOf', { type: 'Date', description: 'The week’s Monday.' }),
    repeated: t.exposeBoolean('repeated', { description: 'True when this command had already been recorded (same commandId).' }),
  }),
});

builder.mutationFields((t) => ({
  reportFcWeeklyActivity: t.field({
    authScopes: ACCESS.recordSales,
    type: ReportedRef,
    description: 'Report an FC’s week: customer visits, calls, contracts. A week is reported once; send a correction to change it.',
    args: commandArgs(t.arg, ReportWeeklyActivityInput),
    resolve: async (_, { input, commandId, occurredAt }, ctx) => {
      const result = await ctx.commands.pride.reportWeeklyActivity(
        { ...input, correction: input.correction ?? false },
        commandContext(ctx, commandId, occurredAt),
      );
      await ctx.waitForView(result.position);
      return { fcId: result.fcId, weekOf: result.weekOf, repeated: result.repeated };
    },
  }),
}));
