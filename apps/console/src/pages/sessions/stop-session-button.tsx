import { useMutation } from 'urql';
import { CommandButton } from '../../components/command-button';
import { commandOutcome } from '../../components/command-outcome';
import { StopSessionDocument } from '../../graphql/generated';
import { useI18n } from '../../i18n/i18n';

export function StopSessionButton({ sessionId }: { sessionId: string }) {
  const { t } = useI18n();
  const [, stop] = useMutation(StopSessionDocument);
  return (
    <CommandButton
      className="danger"
      run={async () =>
        commandOutcome(await stop({ id: sessionId }), (data) => data.remoteStopTransaction.status)
      }
    >
      {t('session.stop')}
    </CommandButton>
  );
}
