import { useMutation } from '@apollo/client/react';
import { Button, Card, Group, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SetBehaviorExpectationDocument, type CoreValue } from '../../gql/graphql';
import { notify } from '../../lib/notify';
import { useDraft } from '../../lib/useDraft';

export interface Expectation {
  coreValue: CoreValue;
  expectation: string;
}

/** The values whose typed text differs from what the graph holds: only those are saved. */
export function changedExpectations(saved: Expectation[], typed: Partial<Record<CoreValue, string>>): Expectation[] {
  return saved
    .filter((s) => typed[s.coreValue] !== undefined && (typed[s.coreValue] ?? '').trim() !== s.expectation.trim())
    .map((s) => ({ coreValue: s.coreValue, expectation: (typed[s.coreValue] ?? '').trim() }));
}

/**
 * Ekspektasi khusus pimpinan: the direct supervisor's expectation per BerAKHLAK value for this plan
 * (the graph lists all seven in order). Typed text is a draft on this device until saved.
 */
export function BehaviorExpectations({ planId, expectations, editable }: { planId: string; expectations: Expectation[]; editable: boolean }) {
  const { t } = useTranslation();
  const draft = useDraft<Partial<Record<CoreValue, string>>>(`expectations.${planId}`, {});
  const [save] = useMutation(SetBehaviorExpectationDocument);
  const [saving, setSaving] = useState(false);
  const [lastError, setLastError] = useState<unknown>(null);
  const changed = changedExpectations(expectations, draft.value);
  const valueOf = (e: Expectation) => draft.value[e.coreValue] ?? e.expectation;

  const doSave = async () => {
    setLastError(null);
    setSaving(true);
    try {
      // One value at a time: a failure keeps every unsaved text in the draft.
      for (const c of changed) await save({ variables: { planId, coreValue: c.coreValue, expectation: c.expectation } });
      draft.clear();
      notify(t('expectations.saved'));
    } catch (e) {
      setLastError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card withBorder component="section" aria-labelledby="review-expectations">
      <Title order={2} size="h4" id="review-expectations">
        {t('expectations.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {editable ? t('expectations.hint') : t('expectations.locked')}
      </Text>
      <ErrorAlert error={lastError} onReload={() => setLastError(null)} />
      {editable ? (
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
            {expectations.map((e) => (
              <Textarea
                key={e.coreValue}
                label={t(`coreValue.${e.coreValue}`)}
                description={t(`coreValueHint.${e.coreValue}`)}
                value={valueOf(e)}
                onChange={(ev) => draft.update({ [e.coreValue]: ev.currentTarget.value })}
                autosize
                minRows={2}
                maxLength={1000}
              />
            ))}
          </SimpleGrid>
          <Group>
            <Button onClick={() => void doSave()} loading={saving} disabled={changed.length === 0}>
              {t('expectations.save', { count: changed.length })}
            </Button>
          </Group>
        </Stack>
      ) : (
        <Stack gap={6} component="dl" style={{ margin: 0 }}>
          {expectations.map((e) => (
            <div key={e.coreValue}>
              <Text component="dt" size="sm" fw={600}>
                {t(`coreValue.${e.coreValue}`)}
              </Text>
              <Text component="dd" size="sm" c={e.expectation ? undefined : 'dimmed'} ml={0}>
                {e.expectation || t('expectations.none')}
              </Text>
            </div>
          ))}
        </Stack>
      )}
    </Card>
  );
}
