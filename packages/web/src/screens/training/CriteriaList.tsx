/**
 * Each criterion of the report card, met / not met / does not apply, with links to the turns that
 * show it. A link scrolls the transcript to the turn, highlights every turn of that criterion and
 * moves focus there, so a keyboard or screen-reader user lands where a sighted one looks.
 */
import { Anchor, Badge, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { turnAnchor } from './SimTranscript';
import type { ReportCardView } from './types';

type Criterion = ReportCardView['criteria'][number];

/** The criterion's name in the UI's language; the scenario's own expectations name their action. */
export function useCriterionName(): (c: Pick<Criterion, 'criterion' | 'action'>) => string {
  const { t } = useTranslation('training');
  return (c) =>
    c.action ? t(`criterion.${c.criterion}`, { action: t(`action.${c.action}`, { ns: 'console' }) }) : t(`criterion.${c.criterion}`);
}

/** A badge as wide as its words: the table may not squeeze "Does not apply" into an ellipsis. */
const WHOLE = { minWidth: 'max-content' } as const;

function Status({ met }: { met: boolean | null }) {
  const { t } = useTranslation('training');
  if (met === null)
    return (
      <Badge color="gray" variant="light" c="gray.8" style={WHOLE}>
        {t('report.na')}
      </Badge>
    );
  return met ? (
    <Badge color="teal.8" variant="filled" style={WHOLE}>
      {t('report.met')}
    </Badge>
  ) : (
    <Badge color="orange.9" variant="filled" style={WHOLE}>
      {t('report.notMet')}
    </Badge>
  );
}

export function CriteriaList({ criteria, onShow }: { criteria: Criterion[]; onShow: (turns: number[]) => void }) {
  const { t } = useTranslation('training');
  const name = useCriterionName();
  const show = (turns: number[], first: number) => {
    onShow(turns);
    const el = document.getElementById(turnAnchor(first));
    el?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    el?.focus({ preventScroll: true });
  };
  return (
    <Stack gap="xs" component="section" aria-labelledby="criteria-heading">
      <Title order={2} size="h4" id="criteria-heading">
        {t('report.criteria')}
      </Title>
      <Table verticalSpacing={6} fz="sm" data-testid="criteria">
        <Table.Tbody>
          {criteria.map((c, i) => (
            <Table.Tr key={`${c.criterion}-${c.action ?? ''}-${i}`} data-criterion={c.criterion} data-met={String(c.met)}>
              <Table.Td>
                <Status met={c.met} />
              </Table.Td>
              <Table.Th scope="row" fw={500}>
                {name(c)}
              </Table.Th>
              <Table.Td>
                {c.turns.length > 0 && (
                  <Group gap={6}>
                    <Text size="xs" c="gray.7" component="span">
                      {t('report.seeTurns')}
                    </Text>
                    {c.turns.map((turn) => (
                      <Anchor
                        key={turn}
                        href={`#${turnAnchor(turn)}`}
                        size="sm"
                        onClick={(e) => {
                          e.preventDefault();
                          show(c.turns, turn);
                        }}
                      >
                        {t('report.turn', { n: turn + 1 })}
                      </Anchor>
                    ))}
                  </Group>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
