/**
 * "What would have done better": for each criterion missed, a tip in the UI's language and, where
 * the reply library has one, an example line in the scenario's language, labelled as an example of
 * the form (not a script to recite).
 */
import { Blockquote, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReportCardView } from './types';

export function AdviceList({ advice, lang }: { advice: ReportCardView['advice']; lang: string }) {
  const { t } = useTranslation('training');
  if (advice.length === 0) return null;
  return (
    <Stack gap="xs" component="section" aria-labelledby="advice-heading" data-testid="advice">
      <Title order={2} size="h4" id="advice-heading">
        {t('report.advice')}
      </Title>
      {advice.map((a, i) => (
        <Stack key={`${a.criterion}-${a.action ?? ''}-${i}`} gap={4} data-criterion={a.criterion}>
          <Text size="sm">{t(`tip.${a.criterion}`, a.action ? { action: t(`action.${a.action}`, { ns: 'console' }) } : {})}</Text>
          {a.example && (
            <Blockquote color="teal" p="xs" ms="sm" fz="sm" data-testid="advice-example">
              <Text size="xs" c="gray.7" fw={600}>
                {t('report.example')}
              </Text>
              <Text size="sm" lang={lang} dir="auto">
                {a.example}
              </Text>
            </Blockquote>
          )}
        </Stack>
      ))}
    </Stack>
  );
}
