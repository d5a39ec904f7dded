/**
 * The coach's notes on the trainee's replies, turn by turn: the reply, what the coach found in it
 * and the better wording it offers, in the scenario's language.
 */
import { Anchor, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { turnAnchor } from './SimTranscript';
import type { ReportCardView, SimTurnView } from './types';

interface Props {
  findings: ReportCardView['findings'];
  turns: SimTurnView[];
  lang: string;
  onShow: (turns: number[]) => void;
}

export function TurnFindings({ findings, turns, lang, onShow }: Props) {
  const { t } = useTranslation('training');
  return (
    <Stack gap="xs" component="section" aria-labelledby="findings-heading">
      <Title order={2} size="h4" id="findings-heading">
        {t('report.findings')}
      </Title>
      {findings.length === 0 && <Text size="sm">{t('report.noFindings')}</Text>}
      {findings.map(({ turn, findings: list }) => {
        const said = turns[turn];
        return (
          <Paper key={turn} withBorder p="sm" bg="yellow.0" data-testid="turn-findings">
            <Anchor
              href={`#${turnAnchor(turn)}`}
              size="sm"
              fw={600}
              onClick={(e) => {
                e.preventDefault();
                onShow([turn]);
                document.getElementById(turnAnchor(turn))?.focus();
              }}
            >
              {t('report.turn', { n: turn + 1 })}
            </Anchor>
            {said?.role === 'agent' && (
              <Text size="sm" c="gray.8" lang={lang} dir="auto" mt={2}>
                {said.text}
              </Text>
            )}
            <Stack gap={6} mt={6}>
              {list.map((f, i) => (
                <div key={`${f.kind}-${i}`}>
                  <Text size="sm" fw={600}>
                    {t(`coach.kind.${f.kind}`, { ns: 'console' })}
                  </Text>
                  <Text size="sm">
                    {t('report.better')}{' '}
                    <Text span component="bdi" lang={lang}>
                      {f.better}
                    </Text>
                  </Text>
                </div>
              ))}
            </Stack>
          </Paper>
        );
      })}
    </Stack>
  );
}
