import { LOCAL_TENANT_ID } from '../config';

/**
 * People of the shipped sample org who stand for each role, so a local user (the "sign in as" picker, the Agents
 * Playground's mock users) can try every part of the program. Their ids are fixed; the sample org places them.
 */
export const SAMPLE_TENANT_ID = LOCAL_TENANT_ID;

export const samplePersonas = {
  taskforce: { id: '5a1e0000-0000-4000-8000-000000000c01', name: 'Priya Raman', jobTitle: 'Director, Leadership Institute', department: 'Human Resources' },
  executive: { id: '5a1e0000-0000-4000-8000-000000000e01', name: 'Angela Brooks', jobTitle: 'Executive Vice President, Chief Nursing Officer', department: 'Nursing' },
  employee: { id: '5a1e0000-0000-4000-8000-000000000f01', name: 'Jordan Lee', jobTitle: 'Clinical Pharmacist', department: 'Pharmacy' },
  manager: { id: '5a1e0000-0000-4000-8000-000000000a01', name: 'Sam Okafor', jobTitle: 'Manager, Pharmacy Operations', department: 'Pharmacy' },
} as const;

export type PersonaRole = keyof typeof samplePersonas;
