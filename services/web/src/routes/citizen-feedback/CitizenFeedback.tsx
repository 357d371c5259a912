import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Card, Center, Container, Group, Loader, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LanguageToggle } from '../../components/LanguageToggle';
import { StarRating } from '../../components/StarRating';
import { PublicUnitDocument, SubmitCitizenFeedbackDocument } from '../../gql/graphql';
import { problemOf } from '../../lib/errors';

const COMMENT_MAX = 1000;

/**
 * The citizen page (WEB.md "Citizen page"): no sign-in; one BerAKHLAK question (Berorientasi
 * Pelayanan) in plain words, 1-5 stars and an optional comment. Nothing identifies the citizen.
 */
export default function CitizenFeedback() {
  const { unitCode = '' } = useParams();
  const { t } = useTranslation();
  const unit = useQuery(PublicUnitDocument, { variables: { code: unitCode }, fetchPolicy: 'cache-first' });
  const [submit, sent] = useMutation(SubmitCitizenFeedbackDocument);
  const [score, setScore] = useState(0);
  const [comment, setComment] = useState('');
  const [done, setDone] = useState(false);
  const [missingScore, setMissingScore] = useState(false);
  const rateLimited = problemOf(sent.error)?.reason === 'RATE_LIMITED';

  const send = async () => {
    if (score === 0) {
      setMissingScore(true);
      return;
    }
    try {
      await submit({ variables: { input: { unitCode, coreValue: 'BERORIENTASI_PELAYANAN', score, comment: comment.trim() || null } } });
      setDone(true);
    } catch {
      // shown from sent.error
    }
  };

  const again = () => {
    setDone(false);
    setScore(0);
    setComment('');
    sent.reset();
  };

  return (
    <Container size={560} px="md" py="lg">
      <Group justify="space-between" mb="md" wrap="nowrap" gap="xs">
        <Text fw={700} c="teal.9" size="sm">
          {t('citizen.brand')}
        </Text>
        <LanguageToggle />
      </Group>
      <main>
        {unit.loading && !unit.data ? (
          <Center mih={200}>
            <Loader aria-label={t('common.loading')} />
          </Center>
        ) : unit.error ? (
          <ErrorAlert error={unit.error} />
        ) : !unit.data?.publicUnit ? (
          <Alert color="yellow" title={t('citizen.unknownTitle')}>
            {t('citizen.unknown')}
          </Alert>
        ) : done ? (
          <Card withBorder padding="lg" radius="md">
            <Stack>
              <Title order={1} size="h2">
                {t('citizen.thanksTitle')}
              </Title>
              <Text>{t('citizen.thanks', { unit: unit.data.publicUnit.name })}</Text>
              <Button variant="light" onClick={again}>
                {t('citizen.again')}
              </Button>
            </Stack>
          </Card>
        ) : (
          <Card withBorder padding="lg" radius="md">
            <Stack>
              <div>
                <Text size="sm" c="dimmed">
                  {t('citizen.for')}
                </Text>
                <Title order={1} size="h2">
                  {unit.data.publicUnit.name}
                </Title>
              </div>
              <StarRating
                label={t('citizen.question')}
                value={score}
                onChange={(v) => {
                  setScore(v);
                  setMissingScore(false);
                }}
                words={[t('citizen.score1'), t('citizen.score2'), t('citizen.score3'), t('citizen.score4'), t('citizen.score5')]}
              />
              {missingScore && (
                <Text c="red.9" size="sm" role="alert">
                  {t('citizen.chooseScore')}
                </Text>
              )}
              <Textarea
                label={t('citizen.comment')}
                description={t('citizen.commentHint')}
                value={comment}
                maxLength={COMMENT_MAX}
                autosize
                minRows={3}
                onChange={(e) => setComment(e.currentTarget.value)}
              />
              {rateLimited ? (
                <Alert color="blue" title={t('citizen.rateLimitedTitle')} role="status">
                  {t('citizen.rateLimited', { minutes: Math.max(1, Math.ceil((problemOf(sent.error)?.retryAfterSeconds ?? 60) / 60)) })}
                </Alert>
              ) : (
                <ErrorAlert error={sent.error} />
              )}
              <Button size="md" onClick={() => void send()} loading={sent.loading} disabled={rateLimited}>
                {t('citizen.send')}
              </Button>
              <Text size="xs" c="dimmed">
                {t('citizen.privacy')}
              </Text>
            </Stack>
          </Card>
        )}
      </main>
    </Container>
  );
}
