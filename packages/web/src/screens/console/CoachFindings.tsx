/**
 * What the coach found in the draft, one short card per finding: what kind of problem, the words
 * at fault quoted from the draft, and a better wording the agent can apply with one click.
 */
import { Button, Paper, Stack, Text } from '@mantine/core';
import type { Finding } from '@calmline/core';
import { useTranslation } from 'react-i18next';

interface Props {
  findings: Finding[];
  /** The draft the findings were computed for; fixes are offered only while it is unchanged. */
  checkedDraft: string;
  currentDraft: string;
  onApply: (f: Finding) => void;
}

export function CoachFindings({ findings, checkedDraft, currentDraft, onApply }: Props) {
  const { t } = useTranslation('console');
  const fresh = checkedDraft === currentDraft;
  return (
    <Stack gap="xs" aria-live="polite" data-testid="coach-findings">
      {findings.map((f, i) => (
        <Paper key={`${f.kind}-${f.start}-${i}`} withBorder p="xs" bg="yellow.0" data-testid="coach-finding" data-kind={f.kind}>
          <Text size="sm" fw={600}>
            {t(`coach.kind.${f.kind}`)}
          </Text>
          {f.end > f.start && (
            <Text size="sm" c="gray.8">
              {t('coach.flagged', { text: checkedDraft.slice(f.start, f.end) })}
            </Text>
          )}
          <Text size="sm">{t('coach.try', { better: f.better })}</Text>
          <Button variant="light" size="compact-sm" mt={4} disabled={!fresh} onClick={() => onApply(f)} style={{ alignSelf: 'flex-start' }}>
            {t('coach.apply')}
          </Button>
        </Paper>
      ))}
    </Stack>
  );
}
