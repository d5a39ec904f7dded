/** Whether the chain this record belongs to checks out, with the server's findings when it does not. */
import { Badge, List, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ChainReport } from './incidentTypes';

export function ChainBadge({ chain }: { chain: ChainReport }) {
  const { t } = useTranslation('incidents');
  if (chain.ok)
    return (
      <Badge color="teal.9" variant="filled" data-testid="chain-badge">
        {t('chain.verified')}
      </Badge>
    );
  return (
    <Stack gap={4}>
      <Badge color="red.9" variant="filled" data-testid="chain-badge">
        {t('chain.broken')}
      </Badge>
      <List c="red.9" size="sm" aria-label={t('chain.problems')}>
        {chain.problems.map((p) => (
          <List.Item key={p}>{p}</List.Item>
        ))}
      </List>
    </Stack>
  );
}
