import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { MeResponse } from '../../api/miniapp/contract';

export type PatientProfile = MeResponse['patients'][number];

export interface Session {
  me: MeResponse;
  /** The profile the screens act for (an account may hold a child's or a relative's profile too). */
  patient: PatientProfile;
  choosePatient(id: number): void;
}

const SessionContext = createContext<Session | null>(null);
const STORAGE_KEY = 'oz.patientId';

function remembered(): number | undefined {
  try {
    const n = Number(localStorage.getItem(STORAGE_KEY));
    return Number.isInteger(n) && n > 0 ? n : undefined;
  } catch {
    return undefined;
  }
}

export function SessionProvider({ me, children }: { me: MeResponse; children: ReactNode }) {
  const [chosen, setChosen] = useState<number | undefined>(remembered);
  const patient = me.patients.find((p) => p.id === chosen) ?? me.patients.find((p) => p.id === me.defaultPatientId) ?? me.patients[0]!;
  const choosePatient = useCallback((id: number) => {
    setChosen(id);
    try {
      localStorage.setItem(STORAGE_KEY, String(id));
    } catch {
      // Storage may be off in the WebView; the choice then lasts while the app is open.
    }
  }, []);
  const value = useMemo(() => ({ me, patient, choosePatient }), [me, patient, choosePatient]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
