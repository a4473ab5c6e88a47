import { useState } from 'react';

/**
 * The value as it first loaded for `key` (and again for another key): what a page had when it
 * subscribed, kept steady while later updates change the value (so the subscription is not restarted).
 */
export const useFirstLoaded = <T>(key: string, value: T | undefined): T | undefined => {
  const [first, setFirst] = useState<{ key: string; value: T } | undefined>(undefined);
  // Adjusting state while rendering (React's way for state derived from props): no extra commit.
  if (value !== undefined && first?.key !== key) {
    setFirst({ key, value });
    return value;
  }
  return first?.key === key ? first.value : undefined;
};
