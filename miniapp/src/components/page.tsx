import { backButton } from '@telegram-apps/sdk-react';
import { useEffect, useRef, type ReactNode } from 'react';
import { useI18n } from '../lib/i18n';
import { useRouter } from '../router';

/**
 * One screen. It owns Telegram's BackButton: shown with a handler while the screen is deeper than home (or has its
 * own `back`, a step inside a form), hidden on home. Clients without BackButton get an in-page Back link instead.
 */
export function Page({ title, back, children }: { title: string; back?: (() => void) | undefined; children: ReactNode }) {
  const router = useRouter();
  const { t } = useI18n();
  const onBack = back ?? (router.depth > 1 ? router.back : undefined);
  const heading = useRef<HTMLHeadingElement>(null);
  const native = backButton.isSupported() && backButton.isMounted();

  useEffect(() => {
    if (!onBack) {
      backButton.hide.ifAvailable();
      return;
    }
    backButton.show.ifAvailable();
    const [, off] = backButton.onClick.ifAvailable(onBack);
    return () => off?.();
  }, [onBack]);

  // A new screen starts at the top, and a screen reader reads its title.
  useEffect(() => {
    window.scrollTo(0, 0);
    heading.current?.focus({ preventScroll: true });
    document.title = title;
  }, [title]);

  return (
    <main className="page">
      {!native && onBack && (
        <button type="button" className="link-back" onClick={onBack}>
          ← {t('back')}
        </button>
      )}
      <h1 ref={heading} tabIndex={-1}>
        {title}
      </h1>
      {children}
    </main>
  );
}
