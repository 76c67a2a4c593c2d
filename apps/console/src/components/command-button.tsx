import { ReactNode, useState } from 'react';
import { useI18n } from '../i18n/i18n';

export interface CommandOutcome {
  ok: boolean;
  text: string;
}

interface CommandButtonProps {
  /** Runs the command; resolves to what the station (or the API) answered. */
  run: () => Promise<CommandOutcome>;
  children: ReactNode;
  label?: string;
  className?: string;
  disabled?: boolean;
  /** Asked first, for commands that interrupt charging. */
  confirm?: string;
}

/** A button for a remote command: busy while the station answers, then its answer word beside it. */
export function CommandButton({ run, children, label, className, disabled, confirm }: CommandButtonProps) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<CommandOutcome>();
  const click = async () => {
    if (confirm && !window.confirm(confirm)) return;
    setBusy(true);
    setOutcome(undefined);
    try {
      setOutcome(await run());
    } catch (error) {
      setOutcome({ ok: false, text: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <span className="command">
      <button
        type="button"
        className={className}
        onClick={() => void click()}
        disabled={busy || disabled}
        aria-label={label}
      >
        {children}
      </button>
      <output className={outcome ? (outcome.ok ? 'ok' : 'error') : undefined} aria-live="polite">
        {busy ? t('command.waiting') : outcome?.text}
      </output>
    </span>
  );
}
