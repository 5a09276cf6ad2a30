/** What a duty doctor answers about. A patient picks one, then a free slot of a doctor with it. */
export type Specialty = 'cardiology' | 'gynecology';
export const SPECIALTIES: readonly Specialty[] = ['cardiology', 'gynecology'];

const BY_CENTER: Record<string, Specialty> = { bakulev: 'cardiology', kulakov: 'gynecology' };

export function isSpecialty(value: unknown): value is Specialty {
  return value === 'cardiology' || value === 'gynecology';
}

/** The specialty a center's doctors answer about (bakulev: cardiology, kulakov: gynecology); undefined for others. */
export function specialtyOfCenter(centerCode: string | null | undefined): Specialty | undefined {
  return centerCode ? BY_CENTER[centerCode] : undefined;
}
