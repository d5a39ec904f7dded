/**
 * Why customers get angry, per language: contact reasons ranked by how many contacts were
 * frustrated or abusive (and the share of the reason's contacts that is), and the words that set
 * angry messages apart from calm ones. Insults, one-off words and addresses never appear (the
 * server leaves them out).
 */
import { Loader, Stack, Tabs, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNote } from '../../lib/ErrorNote';
import { useApi } from '../../lib/useApi';
import { DataTable } from './DataTable';
import { useAnalyticsFormat } from './numbers';
import type { ReasonRow, RootCauses as Causes, TermRow } from './types';

export function RootCauses({ query }: { query: string }) {
  const { t } = useTranslation('analytics');
  const f = useAnalyticsFormat();
  const causes = useApi<Causes>(`/api/analytics/root-causes${query}`);
  const languages = causes.data?.languages ?? [];
  const [picked, setPicked] = useState<string | null>(null);
  // The language picked stays picked while it is in the answer; otherwise the first (most angry contacts).
  const tab = languages.some((l) => l.language === picked) ? picked : (languages[0]?.language ?? null);
  const nameOf = (code: string) => (code === 'und' ? t('rootCauses.unknownLanguage') : f.language(code));
  const reasonName = (r: string) => (r === 'unspecified' ? t('table.unspecified') : r);
  return (
    <Stack gap="sm" component="section" aria-labelledby="root-causes-heading" data-testid="root-causes">
      <Title order={2} size="h3" id="root-causes-heading">
        {t('rootCauses.heading')}
      </Title>
      <Text size="sm" c="gray.7">
        {t('rootCauses.intro')}
      </Text>
      <ErrorNote error={causes.error} />
      {!causes.data && causes.loading && <Loader size="sm" aria-label={t('common:loading')} />}
      {causes.data && languages.length === 0 && <Text c="gray.7">{t('chart.empty')}</Text>}
      {languages.length > 0 && (
        <Tabs value={tab} onChange={setPicked} keepMounted={false}>
          <Tabs.List>
            {languages.map((l) => (
              <Tabs.Tab key={l.language} value={l.language}>
                {nameOf(l.language)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {languages.map((l) => (
            <Tabs.Panel key={l.language} value={l.language} pt="sm">
              <Stack gap="md">
                <DataTable<ReasonRow>
                  caption={t('rootCauses.reasonsCaption', { language: nameOf(l.language) })}
                  rows={l.reasons}
                  rowKey={(r) => r.reason}
                  testId="reasons-table"
                  columns={[
                    { header: t('table.reason'), cell: (r) => reasonName(r.reason) },
                    { header: t('table.angry'), cell: (r) => f.count(r.angryContacts) },
                    { header: t('table.contacts'), cell: (r) => f.count(r.contacts) },
                    { header: t('table.angryShare'), cell: (r) => f.percent(r.share) },
                    { header: t('table.rankByShare'), cell: (r) => f.count(r.rankByShare) },
                  ]}
                />
                {l.terms.length === 0 ? (
                  <Text size="sm" c="gray.7">
                    {t('rootCauses.noTerms')}
                  </Text>
                ) : (
                  <DataTable<TermRow>
                    caption={t('rootCauses.termsCaption', { language: nameOf(l.language) })}
                    rows={l.terms}
                    rowKey={(r) => r.term}
                    testId="terms-table"
                    columns={[
                      { header: t('table.term'), cell: (r) => r.term },
                      { header: t('table.mentions'), cell: (r) => f.count(r.count) },
                      { header: t('table.conversations'), cell: (r) => f.count(r.conversations) },
                      { header: t('table.calmMentions'), cell: (r) => f.count(r.calmCount) },
                    ]}
                  />
                )}
              </Stack>
            </Tabs.Panel>
          ))}
        </Tabs>
      )}
    </Stack>
  );
}
