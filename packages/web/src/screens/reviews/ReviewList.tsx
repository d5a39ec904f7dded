/**
 * /reviews: the reviews the signed-in person may read (agents: their own and those of their
 * contacts; leads: their teams'; the server scopes), and recent conversations to start one on.
 * Looking back at a hard contact together, "what I would have said", is peer coaching.
 */
import { Anchor, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { query } from '../../api/client';
import { useSession } from '../../auth/session';
import { ErrorNote } from '../../lib/ErrorNote';
import { useFormat } from '../../lib/format';
import { useApi } from '../../lib/useApi';
import { StartReview } from './StartReview';
import { reviewPath, type ReviewListItem } from './types';

function ReviewTable({ reviews }: { reviews: ReviewListItem[] }) {
  const { t } = useTranslation('reviews');
  const format = useFormat();
  const navigate = useNavigate();
  const { me } = useSession();
  if (reviews.length === 0)
    return (
      <Text c="gray.7" py="md">
        {t('list.empty')}
      </Text>
    );
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table highlightOnHover verticalSpacing="sm" aria-label={t('list.caption')} data-testid="review-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('list.column.subject')}</Table.Th>
            <Table.Th scope="col">{t('list.column.agent')}</Table.Th>
            <Table.Th scope="col">{t('list.column.author')}</Table.Th>
            <Table.Th scope="col">{t('list.column.notes')}</Table.Th>
            <Table.Th scope="col">{t('list.column.updated')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {reviews.map((r) => {
            const to = reviewPath(r.subject.kind, r.subject.id);
            const date = format.dateTime(r.subject.startedAt);
            return (
              <Table.Tr key={r.id} style={{ cursor: 'pointer' }} onClick={() => void navigate(to)} data-testid="review-row">
                <Table.Td>
                  <Anchor component={Link} to={to} onClick={(e) => e.stopPropagation()}>
                    {t(`list.subject.${r.subject.kind}`, { date })}
                  </Anchor>
                  {r.subject.turnCount === null && (
                    <Text size="xs" c="gray.7">
                      {t('list.noLongerVisible')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{r.subject.agentName ?? '—'}</Table.Td>
                <Table.Td>{r.author.id === me?.id ? t('list.you') : r.author.name}</Table.Td>
                <Table.Td>{t('list.notes', { count: r.noteCount, n: format.number(r.noteCount) })}</Table.Td>
                <Table.Td>{format.dateTime(r.updatedAt)}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export default function ReviewList() {
  const { t } = useTranslation('reviews');
  const { me, can } = useSession();
  const [whose, setWhose] = useState<'all' | 'mine'>('all');
  const { data, error, loading } = useApi<{ reviews: ReviewListItem[] }>(
    `/api/reviews${query({ authorId: whose === 'mine' ? me?.id : undefined, limit: 200 })}`,
  );
  return (
    <Stack gap="lg">
      <Title order={1}>{t('list.title')}</Title>
      <Text maw="50rem">{t('list.intro')}</Text>
      <Stack gap="sm" component="section" aria-labelledby="reviews-heading">
        <Title order={2} size="h3" id="reviews-heading">
          {t('list.heading')}
        </Title>
        <SegmentedControl
          w="fit-content"
          value={whose}
          onChange={(v) => setWhose(v === 'mine' ? 'mine' : 'all')}
          aria-label={t('list.filterLabel')}
          data={[
            { value: 'all', label: t('list.all') },
            { value: 'mine', label: t('list.mine') },
          ]}
        />
        <ErrorNote error={error} />
        {data && <ReviewTable reviews={data.reviews} />}
        {loading && !data && <Text c="gray.7">{t('loading', { ns: 'common' })}</Text>}
      </Stack>
      {can('conversations:read') && <StartReview />}
    </Stack>
  );
}
