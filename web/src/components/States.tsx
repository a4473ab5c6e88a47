import type { CombinedError } from 'urql';
import { useTranslation } from 'react-i18next';

/** Loading, empty and error: every panel says which of the three it is in, never a blank box. */
export const Loading = () => {
  const { t } = useTranslation();
  return (
    <p className="state loading" role="status" aria-live="polite">
      {t('state.loading')}
    </p>
  );
};

export const Empty = ({ children }: { children?: React.ReactNode }) => {
  const { t } = useTranslation();
  return <p className="state empty">{children ?? t('state.empty')}</p>;
};

export const ErrorState = ({ error, retry }: { error: CombinedError; retry?: () => void }) => {
  const { t } = useTranslation();
  const message = error.graphQLErrors.map((g) => g.message).join('; ') || error.message;
  return (
    <p className="state error" role="alert">
      {t('state.error', { message })}{' '}
      {retry && (
        <button type="button" className="link" onClick={retry}>
          {t('state.retry')}
        </button>
      )}
    </p>
  );
};

/** Customer figures hidden because the group is smaller than 5 (roles without customer-level access). */
export const isGroupTooSmall = (error: CombinedError | undefined) =>
  Boolean(error?.graphQLErrors.some((g) => g.extensions.code === 'GROUP_TOO_SMALL'));
