import { Anchor, Group } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { safeHttpUrl } from '../lib/urls';
import { notify } from '../lib/notify';

interface EvidenceFileRef {
  id: string;
  fileName: string;
  url: string;
}

/**
 * A realization's evidence (bukti dukung): the typed link (http(s) only) and each uploaded file. Files
 * live behind the gateway's /files route and need the bearer token, so they are fetched and handed
 * to the browser as a blob (tokens stay in memory, never in a URL).
 */
export function EvidenceLinks({ evidenceUrl, files }: { evidenceUrl: string | null; files: EvidenceFileRef[] }) {
  const { t } = useTranslation();
  const href = safeHttpUrl(evidenceUrl);
  if (!href && files.length === 0) return null;
  return (
    <Group gap="xs" wrap="wrap">
      {href && (
        <Anchor href={href} target="_blank" rel="noopener noreferrer" size="xs">
          {t('realization.openEvidence')}
        </Anchor>
      )}
      {files.map((f) => (
        <EvidenceFileLink key={f.id} file={f} />
      ))}
    </Group>
  );
}

function EvidenceFileLink({ file }: { file: EvidenceFileRef }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const open = async () => {
    // Only a path on this origin (the gateway's /files route behind the web server).
    if (!file.url.startsWith('/files/')) return;
    setBusy(true);
    try {
      const res = await fetch(file.url, { credentials: 'same-origin' });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const blob = await res.blob();
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = file.fileName;
      a.rel = 'noopener';
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch {
      notify(t('evidence.failed', { name: file.fileName }), 'red');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Anchor component="button" type="button" size="xs" onClick={() => void open()} disabled={busy} aria-label={t('evidence.download', { name: file.fileName })}>
      {file.fileName}
    </Anchor>
  );
}
