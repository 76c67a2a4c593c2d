import { useI18n } from '../i18n/i18n';

const TONES: Record<string, string> = {
  Available: 'ok',
  Preparing: 'info',
  Charging: 'active',
  SuspendedEV: 'warn',
  SuspendedEVSE: 'warn',
  Finishing: 'info',
  Reserved: 'info',
  Occupied: 'active',
  Unavailable: 'muted',
  Faulted: 'error',
};

/** An OCPP status word with a colour; the word is always shown, so colour is never the only cue. */
export function StatusBadge({ status, label }: { status: string | null | undefined; label?: string }) {
  if (!status) return <span className="muted">–</span>;
  const word = status;
  return (
    <span className={`badge badge-${TONES[word] ?? 'muted'}`} title={label}>
      {label ? `${label}: ${word}` : word}
    </span>
  );
}

export function OnlineBadge({ online }: { online: boolean }) {
  const { t } = useI18n();
  return (
    <span className={`badge ${online ? 'badge-ok' : 'badge-muted'}`} data-online={online}>
      <span className="dot" aria-hidden="true" />
      {online ? t('station.online') : t('station.offline')}
    </span>
  );
}
