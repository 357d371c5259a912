import { Box, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const RATINGS = ['ABOVE_EXPECTATION', 'MEETS_EXPECTATION', 'BELOW_EXPECTATION'] as const;

/**
 * Where the two ratings the graph gave sit in the PermenPANRB 6/2022 quadrant: rows are the work
 * result, columns the work behaviour. It marks the cell; the predicate itself comes from the graph.
 */
export function QuadrantCell({ resultRating, behaviorRating, predicate }: { resultRating: string | null; behaviorRating: string | null; predicate: string | null }) {
  const { t } = useTranslation();
  if (!resultRating || !behaviorRating) return null;
  return (
    <Box role="group" aria-label={t('quadrant.label', { result: t(`rating.${resultRating}`), behavior: t(`rating.${behaviorRating}`), predicate: predicate ? t(`predicate.${predicate}`) : '' })}>
      <Text size="xs" c="dimmed" mb={4} aria-hidden="true">
        {t('quadrant.axes')}
      </Text>
      <SimpleGrid cols={3} spacing={2} aria-hidden="true" maw={260}>
        {RATINGS.map((r) =>
          [...RATINGS].reverse().map((b) => {
            const here = r === resultRating && b === behaviorRating;
            return (
              <Box key={`${r}-${b}`} mih={32} p={2} bg={here ? 'teal.9' : 'gray.1'} c={here ? 'white' : 'gray.7'} style={{ borderRadius: 4, display: 'grid', placeItems: 'center', fontSize: 11, fontWeight: 700, textAlign: 'center', lineHeight: 1.1 }}>
                {here ? (predicate ? t(`predicate.${predicate}`).replace(/ \(.*\)$/, '') : '●') : ''}
              </Box>
            );
          }),
        )}
      </SimpleGrid>
    </Box>
  );
}
