/** The server's sentence for a failed request, in a calm alert that screen readers announce. */
import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api/client';

export function ErrorNote({ error }: { error: ApiError | undefined | null }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert color="red" variant="light" title={t('error.title')} role="alert">
      {error.id === 'network' ? t('error.network') : error.message}
    </Alert>
  );
}
