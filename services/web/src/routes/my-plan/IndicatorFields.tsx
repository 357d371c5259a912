import { Checkbox, Group, NumberInput, Radio, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ASPECTS, quarterlyPartial, type IndicatorDraft } from './indicatorDraft';

const number = (v: string | number): number | '' => (typeof v === 'number' ? v : v === '' ? '' : Number(v));

/** One indicator's fields: aspect, then a measured target (unit, target, direction, quarters) or a described expected result. */
export function IndicatorFields({ value, update }: { value: IndicatorDraft; update: (patch: Partial<IndicatorDraft>) => void }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <Select
        label={t('indicator.aspect')}
        data={ASPECTS.map((a) => ({ value: a, label: t(`indicator.aspects.${a}`) }))}
        value={value.aspect}
        allowDeselect={false}
        onChange={(v) => update({ aspect: (v ?? 'KUANTITAS') as IndicatorDraft['aspect'] })}
      />
      <Checkbox
        label={t('indicator.qualitative')}
        description={t('indicator.qualitativeHint')}
        checked={value.qualitative}
        onChange={(e) => update({ qualitative: e.currentTarget.checked })}
      />
      <TextInput
        label={value.qualitative ? t('indicator.expectedResult') : t('goal.indicator')}
        required
        value={value.description}
        onChange={(e) => update({ description: e.currentTarget.value })}
        maxLength={500}
      />
      {!value.qualitative && (
        <>
          <Group grow align="flex-start">
            <NumberInput label={t('goal.target')} required min={0} value={value.target} onChange={(v) => update({ target: number(v) })} />
            <TextInput label={t('goal.unit')} required value={value.unitOfMeasure} onChange={(e) => update({ unitOfMeasure: e.currentTarget.value })} maxLength={50} />
          </Group>
          <Radio.Group label={t('goal.direction')} value={value.direction} onChange={(v) => update({ direction: v as IndicatorDraft['direction'] })}>
            <Group gap="md" mt={4}>
              <Radio value="HIGHER_IS_BETTER" label={t('goal.higher')} />
              <Radio value="LOWER_IS_BETTER" label={t('goal.lower')} />
            </Group>
          </Radio.Group>
          <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
            <Text component="legend" size="sm" fw={500} mb={4}>
              {t('indicator.quarterly')}
            </Text>
            <SimpleGrid cols={{ base: 2, xs: 4 }} spacing="xs">
              {[0, 1, 2, 3].map((i) => (
                <NumberInput
                  key={i}
                  label={t('indicator.quarter', { n: i + 1 })}
                  min={0}
                  value={value.quarterly[i] ?? ''}
                  onChange={(v) => update({ quarterly: value.quarterly.map((q, j) => (j === i ? number(v) : q)) })}
                />
              ))}
            </SimpleGrid>
            <Text size="xs" c={quarterlyPartial(value.quarterly) ? '#9a3412' : 'dimmed'} mt={4}>
              {t('indicator.quarterlyHint')}
            </Text>
          </fieldset>
        </>
      )}
    </Stack>
  );
}
