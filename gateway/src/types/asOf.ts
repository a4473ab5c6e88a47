/** Every query of the view takes `asOf`: the answer it would have given at that moment. */
export const asOfArgOptions = {
  type: 'DateTime',
  required: false,
  description: 'Answer as the view stood at this moment: events recorded later, and later directory changes, are ignored. Default: now.',
} as const;
