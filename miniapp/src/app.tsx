import { Suspense, useEffect, useState, type ComponentType } from 'react';
import type { MeResponse } from '../../api/miniapp/contract';
import { ErrorView, Loading } from './components/ui';
import { NoInitData, NotRegistered } from './gates';
import { isApiError, useApi } from './lib/api';
import { I18nProvider } from './lib/i18n';
import { pickLocale, type Locale } from './lib/locales';
import { rawInitData } from './lib/telegram';
import { initialRoutes, RouterProvider, useRouter, type Route } from './router';
import { routes } from './routes';
import { SessionProvider } from './session';

/** Who is asking (the account, its profiles, the limits), then the screens. */
export function App({ initialLocale }: { initialLocale: Locale }) {
  const [hasInitData] = useState(() => rawInitData() !== '');
  const me = useApi<MeResponse>(hasInitData ? '/me' : null);
  // The language chosen in the bot wins; one the app does not speak falls back to the default.
  const locale = me.data ? pickLocale(me.data.locale) : initialLocale;

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  let body;
  if (me.data) {
    body = (
      <SessionProvider me={me.data}>
        <RouterProvider initial={initialRoutes(window.location.search)}>
          <Screen />
        </RouterProvider>
      </SessionProvider>
    );
  } else if (!hasInitData) {
    body = <NoInitData />;
  } else if (isApiError(me.error, 'not_registered')) {
    body = <NotRegistered />;
  } else {
    body = <main className="page">{me.error ? <ErrorView error={me.error} retry={me.reload} /> : <Loading />}</main>;
  }
  return <I18nProvider locale={locale}>{body}</I18nProvider>;
}

function Screen() {
  const { route } = useRouter();
  const Component = routes[route.name] as ComponentType<{ route: Route }>;
  const key = 'id' in route ? `${route.name}:${route.id}` : route.name;
  return (
    <Suspense
      fallback={
        <main className="page">
          <Loading />
        </main>
      }
    >
      <Component key={key} route={route} />
    </Suspense>
  );
}
