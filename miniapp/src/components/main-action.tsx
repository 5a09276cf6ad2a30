import { mainButton } from '@telegram-apps/sdk-react';
import { useEffect, useRef } from 'react';

/**
 * The screen's one confirming action on Telegram's MainButton (below the page, where the thumb is). A client without
 * MainButton gets the same action as a large button in the page.
 */
export function MainAction({ text, onClick, enabled = true, loading = false }: { text: string; onClick: () => void; enabled?: boolean; loading?: boolean }) {
  const native = mainButton.setParams.isAvailable();
  const handler = useRef(onClick);
  useEffect(() => {
    handler.current = onClick;
  }, [onClick]);

  useEffect(() => {
    if (!native) return;
    const [, off] = mainButton.onClick.ifAvailable(() => handler.current());
    return () => {
      off?.();
      mainButton.setParams.ifAvailable({ isVisible: false, isLoaderVisible: false });
    };
  }, [native]);

  useEffect(() => {
    if (!native) return;
    mainButton.setParams.ifAvailable({ text, isVisible: true, isEnabled: enabled && !loading, isLoaderVisible: loading });
  }, [native, text, enabled, loading]);

  if (native) return null;
  return (
    <button type="button" className="btn btn-primary main-action" onClick={onClick} disabled={!enabled || loading} aria-busy={loading}>
      {text}
    </button>
  );
}
