import { Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { HomeLearningHoursFragment } from '../../gql/graphql';
import { formatDate, formatNumber } from '../../lib/format';

/**
 * JP progress on the home screen (WEB.md: 20 JP for PNS, the 24 JP ceiling for PPPK). The graph says
 * which applies: a ceiling (PPPK, per contract year, PP 49/2018 art. 40(1)) or the hours owed (PNS,
 * PP 11/2017 art. 203); the screen only shows them.
 */
export function LearningHours({ hours }: { hours: HomeLearningHoursFragment }) {
  const { t, i18n } = useTranslation();
  const n = (v: number) => formatNumber(v, i18n.language);
  const ceiling = hours.ceilingHours;
  if (ceiling !== null) {
    return (
      <>
        {hours.contractYears.map((c) => (
          <Stack gap={4} key={c.startsOn}>
            <Text size="sm">
              {t(c.fromContract ? 'home.learningContractYear' : 'home.learningCalendarYear', { from: formatDate(c.startsOn, i18n.language), to: formatDate(c.endsOn, i18n.language) })}
              {': '}
              {t('home.learningCeiling', { counted: n(c.countedHours), ceiling: n(ceiling), done: n(c.completedHours) })}
            </Text>
            <Progress value={Math.min(100, (c.countedHours / Math.max(1, ceiling)) * 100)} color="blue" aria-label={t('home.learningCeilingProgress')} />
            <Text size="xs" c="dimmed">{t('home.learningRemaining', { remaining: n(c.remainingHours) })}</Text>
          </Stack>
        ))}
        <Text size="xs" c="dimmed">{t('home.learningPppk', { ceiling: n(ceiling) })}</Text>
      </>
    );
  }
  return (
    <>
      <Text size="sm">{t('home.learningHours', { done: n(hours.completedHours), required: n(hours.requiredHours) })}</Text>
      <Progress value={Math.min(100, (hours.completedHours / Math.max(1, hours.requiredHours)) * 100)} color={hours.met ? 'teal' : 'yellow'} aria-label={t('home.learningProgress')} />
      <Text size="xs" c="dimmed">{hours.met ? t('home.learningMet') : t('home.learningPns', { required: n(hours.requiredHours) })}</Text>
    </>
  );
}
