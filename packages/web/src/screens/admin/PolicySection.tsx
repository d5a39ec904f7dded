/**
 * The policy editor: the protocol's rules for difficult contacts as a form, checked in the browser
 * by core's parsePolicy (each problem next to its field; nothing is sent while one remains), a
 * preview that plays a sample conversation under the edited policy, and Save.
 */
import { Alert, Button, Fieldset, Grid, Group, List, Radio, Stack, Switch, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HAS_REGISTERS } from '@calmline/core/policy';
import { put } from '../../api/client';
import type { Organisation } from '../../api/types';
import { ErrorNote } from '../../lib/ErrorNote';
import { useApi } from '../../lib/useApi';
import { CrisisResourceFields, RegisterFields } from './LanguagePolicyFields';
import { check, draftOf, getAt, refusedIssues, setAt, type Draft, type Issues } from './policyDraft';
import { PolicyNumber } from './PolicyNumber';
import { PolicyPreview } from './PolicyPreview';
import { useAction } from '../../lib/useAction';
import { LANGUAGES } from '../../i18n/languages';
import { usePolicyIssueText } from './usePolicyIssueText';

const NUMBERS = {
  ladder: ['warningsBeforeEnd', 'calmMessagesToStepDown'],
  wellbeing: [
    'wellbeing.windowHours',
    'wellbeing.abuseContacts',
    'wellbeing.threatContacts',
    'wellbeing.selfHarmContacts',
    'wellbeing.breakMinutes',
  ],
};
const SWITCHES = ['threat.alertSupervisor', 'threat.alertSecurity', 'threat.endAllowedImmediately', 'crisis.alertSupervisor'];

/** The fields that show their own problem; any other problem (a field this page lacks) is listed in the refusal. */
const ON_FORM = new Set([
  ...NUMBERS.ladder,
  ...NUMBERS.wellbeing,
  ...SWITCHES,
  'afterFinalWarning',
  'profanity',
  ...LANGUAGES.map((l) => `crisis.resources.${l.code}`),
  ...LANGUAGES.filter((l) => HAS_REGISTERS.has(l.code)).map((l) => `register.${l.code}`),
]);

export default function PolicySection() {
  const { t } = useTranslation('admin');
  const issue = usePolicyIssueText();
  const org = useApi<Organisation>('/api/organisation');
  const [draft, setDraft] = useState<Draft>();
  const [refused, setRefused] = useState(false);
  const save = useAction();

  useEffect(() => {
    if (org.data) setDraft(draftOf(org.data.policy));
  }, [org.data]);

  const checked = useMemo(() => (draft ? check(draft) : undefined), [draft]);

  if (org.error) return <ErrorNote error={org.error} />;
  if (!draft || !checked) return <Text>{t('common:loading')}</Text>;

  // The server's refusal, when it names fields, counts as the browser's own check would.
  const fromServer = refusedIssues(save.error);
  const issues: Issues = new Map([...(fromServer ?? []), ...checked.issues]);
  const elsewhere = [...issues.values()].filter((i) => !ON_FORM.has(i.field));

  const change = (path: string, value: unknown) => {
    setRefused(false);
    save.clearError();
    setDraft((d) => (d ? setAt(d, path, value) : d));
  };
  const field = { draft, issues, onChange: change };
  const problemAt = (path: string) => {
    const problem = issues.get(path);
    return problem && issue.text(problem);
  };
  const bool = (path: string) => (
    <Switch
      label={t(`policy.field.${path}.label`)}
      description={t(`policy.field.${path}.hint`)}
      checked={getAt(draft, path) === true}
      onChange={(e) => change(path, e.currentTarget.checked)}
      error={problemAt(path)}
    />
  );
  const choice = (path: string, options: readonly string[]) => (
    <Radio.Group
      label={t(`policy.field.${path}.label`)}
      value={String(getAt(draft, path))}
      onChange={(v) => change(path, v)}
      error={problemAt(path)}
    >
      <Stack gap="xs" mt="xs">
        {options.map((o) => (
          <Radio key={o} value={o} label={t(`policy.field.${path}.${o}`)} />
        ))}
      </Stack>
    </Radio.Group>
  );

  const onSave = async () => {
    // Refused in the browser: the server would answer the same, and the fields already say why.
    if (!checked.policy) return setRefused(true);
    const saved = await save.run(() => put<Organisation>('/api/organisation/policy', draft));
    if (!saved) return setRefused(true);
    org.set(() => saved);
    notifications.show({ color: 'teal', message: t('policy.saved') });
  };

  return (
    <Stack>
      <Title order={2}>{t('policy.title')}</Title>
      <Text>{t('policy.intro')}</Text>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack>
            <Fieldset legend={t('policy.group.ladder')}>
              <Stack>
                <PolicyNumber path={NUMBERS.ladder[0]!} {...field} />
                {choice('afterFinalWarning', ['end', 'hand_over'])}
                <PolicyNumber path={NUMBERS.ladder[1]!} {...field} />
                {choice('profanity', ['ignore', 'address', 'ladder'])}
              </Stack>
            </Fieldset>
            <Fieldset legend={t('policy.group.threat')}>
              <Stack>
                {bool('threat.alertSupervisor')}
                {bool('threat.alertSecurity')}
                {bool('threat.endAllowedImmediately')}
              </Stack>
            </Fieldset>
            <Fieldset legend={t('policy.group.crisis')}>
              <Stack>
                {bool('crisis.alertSupervisor')}
                <Text size="sm">{t('policy.crisisIntro')}</Text>
                <CrisisResourceFields {...field} />
              </Stack>
            </Fieldset>
            <Fieldset legend={t('policy.group.wellbeing')}>
              <Stack>
                {NUMBERS.wellbeing.map((path) => (
                  <PolicyNumber key={path} path={path} {...field} />
                ))}
              </Stack>
            </Fieldset>
            <Fieldset legend={t('policy.group.register')}>
              <Stack>
                <Text size="sm">{t('policy.registerIntro')}</Text>
                <RegisterFields {...field} />
              </Stack>
            </Fieldset>
            <div aria-live="polite">
              {refused && issues.size > 0 && (
                <Alert color="orange" variant="light" role="alert" data-testid="policy-refused">
                  {t('policy.fixProblems', { count: issues.size })}
                  {elsewhere.length > 0 && (
                    <List size="sm" mt="xs">
                      {elsewhere.map((i) => (
                        <List.Item key={i.field}>{issue.withField(i)}</List.Item>
                      ))}
                    </List>
                  )}
                </Alert>
              )}
            </div>
            {!fromServer && <ErrorNote error={save.error} />}
            <Group>
              <Button onClick={() => void onSave()} loading={save.busy}>
                {t('policy.save')}
              </Button>
              <Button variant="default" onClick={() => org.data && setDraft(draftOf(org.data.policy))}>
                {t('policy.undo')}
              </Button>
            </Group>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <PolicyPreview policy={checked.policy} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
