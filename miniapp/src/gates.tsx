import { miniApp } from '@telegram-apps/sdk-react';
import { useI18n } from './lib/i18n';
import type { Locale } from './lib/locales';
import { translator } from './lib/texts';
import { botLink, openTelegram, sandboxPageLink } from './lib/telegram';

/** Opened in a plain browser: there is no Telegram user to act for, so only a way to the bot. */
export function OutsideTelegram({ locale }: { locale: Locale }) {
  const t = translator(locale);
  const link = botLink();
  const sandbox = sandboxPageLink();
  return (
    <main className="page gate">
      <div className="gate-icon" aria-hidden="true">
        💬
      </div>
      <h1>{t('outside-title')}</h1>
      <p className="lead">{t('outside-text')}</p>
      {sandbox ? (
        <>
          <p>{t('outside-sandbox')}</p>
          <a className="btn btn-primary" href={sandbox}>
            {t('open-sandbox')}
          </a>
        </>
      ) : (
        link && (
          <a className="btn btn-primary" href={link}>
            {t('open-bot')}
          </a>
        )
      )}
    </main>
  );
}

/** A Telegram user the patient bot has not registered (403 not_registered). */
export function NotRegistered() {
  const { t } = useI18n();
  const link = botLink();
  const go = () => {
    if (link) openTelegram(link);
    // Opened from the bot's menu button, closing returns the patient to the bot's chat.
    else miniApp.close.ifAvailable();
  };
  return (
    <main className="page gate">
      <div className="gate-icon" aria-hidden="true">
        📝
      </div>
      <h1>{t('not-registered-title')}</h1>
      <p className="lead">{t('not-registered-text')}</p>
      <button type="button" className="btn btn-primary" onClick={go}>
        {t('go-to-bot')}
      </button>
    </main>
  );
}

/**
 * Inside Telegram but without init data: opened from a reply keyboard's button, which gives the app none. Only the
 * menu button (or an inline button) does.
 */
export function NoInitData() {
  const { t } = useI18n();
  return (
    <main className="page gate">
      <div className="gate-icon" aria-hidden="true">
        🔑
      </div>
      <h1>{t('no-init-data-title')}</h1>
      <p className="lead">{t('no-init-data-text')}</p>
      <button type="button" className="btn btn-primary" onClick={() => miniApp.close.ifAvailable()}>
        {t('close')}
      </button>
    </main>
  );
}
