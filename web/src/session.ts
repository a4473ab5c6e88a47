/*
 * The console's sign-in: the API token lives in this tab's sessionStorage only (gone when the tab
 * closes), and goes to the gateway as `Authorization: Bearer …`. Without one the console is a VIEWER.
 */
const KEY = 'hub.token';

export const currentToken = (): string | null => {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
};

export const saveToken = (token: string | null) => {
  if (token) sessionStorage.setItem(KEY, token);
  else sessionStorage.removeItem(KEY);
};
