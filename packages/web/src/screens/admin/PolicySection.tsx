/**
 * The policy editor: the protocol's rules for difficult contacts as a form, checked in the browser
 * by core's parsePolicy (each problem next to its field; nothing is sent while one remains), a
 * preview that plays a sample conversation under the edited policy, and Save.
 */
import { Alert, Button, Fieldset, Grid, Group, Radio, Stack, Switch, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { put } from '../../api/client';
import type { Organisation } from '../../api/types';
import { ErrorNote } from '../../lib/ErrorNote';
import { useApi } from '../../lib/useApi';
import { CrisisResourceFields, RegisterFields } from './LanguagePolicyFields';
import { check, draftOf, getAt, setAt, type Draft } from './policyDraft';
import { PolicyNumber } from './PolicyNumber';
import { PolicyPreview } from './PolicyPreview';
import { useAction } from '../../lib/useAction';

export default function PolicySection() {
  const { t } = useTranslation('admin');
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

  const change = (path: string, value: unknown) => {
    setRefused(false);
    setDraft((d) => (d ? setAt(d, path, value) : d));
  };
  const field = { draft, issues: checked.issues, onChange: change };
  const bool = (path: string) => (
    <Switch
      label={t(`policy.field.${path}.label`)}
      description={t(`policy.field.${path}.hint`)}
      checked={getAt(draft, path) === true}
      onChange={(e) => change(path, e.currentTarget.checked)}
    />
  );
  const choice = (path: string, options: readonly string[]) => (
    <Radio.Group label={t(`policy.field.${path}.label`)} value={String(getAt(draft, path))} onChange={(v) => change(path, v)}>
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
    if (saved) {
      org.set(() => saved);
      notifications.show({ color: 'teal', message: t('policy.saved') });
    }
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
                <PolicyNumber path="warningsBeforeEnd" {...field} />
                {choice('afterFinalWarning', ['end', 'hand_over'])}
                <PolicyNumber path="calmMessagesToStepDown" {...field} />
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
                <PolicyNumber path="wellbeing.windowHours" {...field} />
                <PolicyNumber path="wellbeing.abuseContacts" {...field} />
                <PolicyNumber path="wellbeing.threatContacts" {...field} />
                <PolicyNumber path="wellbeing.selfHarmContacts" {...field} />
                <PolicyNumber path="wellbeing.breakMinutes" {...field} />
              </Stack>
            </Fieldset>
            <Fieldset legend={t('policy.group.register')}>
              <Stack>
                <Text size="sm">{t('policy.registerIntro')}</Text>
                <RegisterFields {...field} />
              </Stack>
            </Fieldset>
            <div aria-live="polite">
              {refused && checked.issues.size > 0 && (
                <Alert color="orange" variant="light" role="alert" data-testid="policy-refused">
                  {t('policy.fixProblems', { count: checked.issues.size })}
                </Alert>
              )}
            </div>
            <ErrorNote error={save.error} />
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
