import { z } from 'zod';

export const Role = z.enum(['clinician', 'mentor', 'lead', 'admin', 'peer_supporter']);
export type Role = z.infer<typeof Role>;

export const Discipline = z.enum(['nursing', 'medicine', 'pharmacy', 'therapy', 'admin', 'other']);
export type Discipline = z.infer<typeof Discipline>;

export const Category = z.enum([
  'documentation_ehr',
  'orders_medications',
  'communication_handoff',
  'equipment_supplies',
  'staffing_workload',
  'process_policy',
  'patient_experience',
  'other',
]);
export type Category = z.infer<typeof Category>;

export const Frequency = z.enum(['once', 'daily', 'every_shift', 'every_patient']);
export type Frequency = z.infer<typeof Frequency>;

export const Impact = z.enum(['none', 'delay', 'risk', 'harm']);
export type Impact = z.infer<typeof Impact>;

export const Urgency = z.enum(['today', 'this_week']);
export type Urgency = z.infer<typeof Urgency>;

export const ROLE_LABELS: Record<Role, string> = {
  clinician: 'Clinician',
  mentor: 'Mentor',
  lead: 'Lead',
  admin: 'Admin',
  peer_supporter: 'Peer supporter',
};

export const DISCIPLINE_LABELS: Record<Discipline, string> = {
  nursing: 'Nursing',
  medicine: 'Medicine',
  pharmacy: 'Pharmacy',
  therapy: 'Therapy',
  admin: 'Administration',
  other: 'Other',
};

export const CATEGORY_LABELS: Record<Category, string> = {
  documentation_ehr: 'Documentation / EHR',
  orders_medications: 'Orders & medications',
  communication_handoff: 'Communication & handoff',
  equipment_supplies: 'Equipment & supplies',
  staffing_workload: 'Staffing & workload',
  process_policy: 'Process & policy',
  patient_experience: 'Patient experience',
  other: 'Other',
};

export const FREQUENCY_LABELS: Record<Frequency, string> = {
  once: 'Once',
  daily: 'Daily',
  every_shift: 'Every shift',
  every_patient: 'Every patient',
};

export const IMPACT_LABELS: Record<Impact, string> = {
  none: 'No patient impact',
  delay: 'Delayed care',
  risk: 'Put a patient at risk',
  harm: 'A patient was harmed',
};

export const URGENCY_LABELS: Record<Urgency, string> = {
  today: 'Today',
  this_week: 'This week',
};
