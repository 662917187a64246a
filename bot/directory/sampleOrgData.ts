/**
 * The shape of the sample cancer hospital: its divisions (each led by an executive vice president), their departments,
 * and the titles people hold in them. Data only; `sampleOrg.ts` builds people from it.
 */
export interface DepartmentShape {
  /** The `department` attribute, as Entra would hold it. */
  department: string;
  /** What the department's leaders are called after "Vice President, ", "Director, ", "Manager, ". */
  area: string;
  /** Front-line and faculty titles, most common first (picked with decreasing weight). */
  frontLine: readonly string[];
}

export interface DivisionShape {
  evpTitle: string;
  departments: readonly DepartmentShape[];
}

export const PRESIDENT = { jobTitle: 'President', department: 'Office of the President' } as const;

/** In order of size in the hospital; a small org keeps the first ones. */
export const DIVISIONS: readonly DivisionShape[] = [
  {
    evpTitle: 'Executive Vice President, Chief Nursing Officer',
    departments: [
      { department: 'Nursing', area: 'Inpatient Nursing', frontLine: ['Registered Nurse', 'Clinical Nurse II', 'Charge Nurse', 'Patient Care Technician', 'Nurse Practitioner'] },
      { department: 'Nursing', area: 'Ambulatory Nursing', frontLine: ['Registered Nurse', 'Infusion Nurse', 'Nurse Navigator', 'Medical Assistant'] },
      { department: 'Nursing', area: 'Perioperative Services', frontLine: ['Perioperative Nurse', 'Surgical Technologist', 'Anesthesia Technician'] },
    ],
  },
  {
    evpTitle: 'Executive Vice President, Physician-in-Chief',
    departments: [
      { department: 'Pharmacy', area: 'Pharmacy', frontLine: ['Clinical Pharmacist', 'Pharmacy Technician', 'Oncology Pharmacist', 'Pharmacy Resident'] },
      { department: 'Medical Oncology', area: 'Medical Oncology', frontLine: ['Assistant Professor', 'Associate Professor', 'Physician Assistant', 'Professor', 'Clinical Research Nurse'] },
      { department: 'Radiation Oncology', area: 'Radiation Oncology', frontLine: ['Radiation Therapist', 'Medical Physicist', 'Dosimetrist', 'Assistant Professor'] },
      { department: 'Surgical Oncology', area: 'Surgical Oncology', frontLine: ['Assistant Professor', 'Surgical Fellow', 'Physician Assistant', 'Professor'] },
      { department: 'Laboratory Medicine', area: 'Laboratory Medicine', frontLine: ['Medical Technologist', 'Histotechnologist', 'Phlebotomist'] },
    ],
  },
  {
    evpTitle: 'Executive Vice President, Chief Scientific Officer',
    departments: [
      { department: 'Research', area: 'Clinical Research', frontLine: ['Clinical Research Coordinator', 'Research Nurse', 'Regulatory Specialist', 'Data Coordinator'] },
      { department: 'Genomic Medicine', area: 'Genomic Medicine', frontLine: ['Research Scientist', 'Postdoctoral Fellow', 'Research Assistant', 'Bioinformatics Analyst'] },
      { department: 'Immunology', area: 'Immunology', frontLine: ['Research Scientist', 'Postdoctoral Fellow', 'Research Assistant', 'Assistant Professor'] },
      { department: 'Biostatistics', area: 'Biostatistics', frontLine: ['Biostatistician', 'Statistical Analyst', 'Assistant Professor'] },
    ],
  },
  {
    evpTitle: 'Executive Vice President, Chief Operating Officer',
    departments: [
      { department: 'Information Technology', area: 'Information Technology', frontLine: ['Systems Analyst', 'Software Engineer', 'Service Desk Analyst', 'Network Engineer', 'Clinical Informatics Specialist'] },
      { department: 'Facilities Management', area: 'Facilities', frontLine: ['Building Engineer', 'Environmental Services Technician', 'Electrician', 'HVAC Technician', 'Security Officer'] },
      { department: 'Supply Chain', area: 'Supply Chain', frontLine: ['Buyer', 'Materials Handler', 'Inventory Analyst'] },
    ],
  },
  {
    evpTitle: 'Executive Vice President, Chief Financial Officer',
    departments: [
      { department: 'Finance', area: 'Finance', frontLine: ['Financial Analyst', 'Accountant', 'Budget Analyst'] },
      { department: 'Revenue Cycle', area: 'Revenue Cycle', frontLine: ['Billing Specialist', 'Patient Financial Counselor', 'Coding Specialist'] },
    ],
  },
  {
    evpTitle: 'Executive Vice President, Chief Administrative Officer',
    departments: [
      { department: 'Human Resources', area: 'Human Resources', frontLine: ['HR Business Partner', 'Learning and Development Specialist', 'Recruiter', 'Compensation Analyst'] },
      { department: 'Communications', area: 'Communications', frontLine: ['Communications Specialist', 'Writer', 'Graphic Designer'] },
    ],
  },
];

export const FIRST_NAMES: readonly string[] = [
  'Aaliyah', 'Aaron', 'Abigail', 'Adrian', 'Aisha', 'Alejandro', 'Alex', 'Alicia', 'Amara', 'Amir', 'Ana', 'Andre', 'Anil',
  'Ava', 'Beatriz', 'Benjamin', 'Bianca', 'Brandon', 'Camila', 'Carlos', 'Carmen', 'Chen', 'Chloe', 'Christopher', 'Daniel',
  'Deepa', 'Diana', 'Diego', 'Dmitri', 'Elena', 'Elijah', 'Emily', 'Emmanuel', 'Esther', 'Ethan', 'Fatima', 'Felipe', 'Grace',
  'Hannah', 'Hao', 'Hector', 'Imani', 'Isabel', 'Ivan', 'Jamal', 'James', 'Jasmine', 'Javier', 'Jennifer', 'Jia', 'Joseph',
  'Julia', 'Kavya', 'Kenji', 'Keisha', 'Kevin', 'Laila', 'Laura', 'Leah', 'Liam', 'Lucia', 'Luis', 'Maya', 'Marcus', 'Maria',
  'Mateo', 'Mei', 'Michael', 'Mohammed', 'Nadia', 'Naomi', 'Nathan', 'Nia', 'Noah', 'Olivia', 'Omar', 'Pedro', 'Rachel',
  'Rahul', 'Rebecca', 'Ricardo', 'Rosa', 'Ryan', 'Samira', 'Sarah', 'Sean', 'Sofia', 'Sophie', 'Tariq', 'Thomas', 'Tiana',
  'Uma', 'Valeria', 'Victor', 'Wei', 'William', 'Xavier', 'Yasmin', 'Yusuf', 'Zoe',
];

export const LAST_NAMES: readonly string[] = [
  'Adams', 'Aguilar', 'Ahmed', 'Alvarez', 'Anderson', 'Bailey', 'Baker', 'Banerjee', 'Bell', 'Bennett', 'Brown', 'Campbell',
  'Castillo', 'Chang', 'Chavez', 'Chen', 'Clark', 'Cohen', 'Collins', 'Cruz', 'Davis', 'Diaz', 'Edwards', 'Evans', 'Fernandez',
  'Flores', 'Foster', 'Garcia', 'Gomez', 'Gonzalez', 'Gupta', 'Hall', 'Harris', 'Hernandez', 'Hill', 'Huang', 'Hughes',
  'Iyer', 'Jackson', 'Johnson', 'Jones', 'Kapoor', 'Kim', 'King', 'Kumar', 'Lee', 'Lewis', 'Li', 'Lopez', 'Martin',
  'Martinez', 'Mendoza', 'Miller', 'Mitchell', 'Moore', 'Morales', 'Murphy', 'Nakamura', 'Nelson', 'Nguyen', 'Ortiz',
  'Owens', 'Patel', 'Perez', 'Phillips', 'Ramirez', 'Ramos', 'Reddy', 'Reyes', 'Rivera', 'Roberts', 'Robinson', 'Rodriguez',
  'Rossi', 'Sanchez', 'Sato', 'Scott', 'Shah', 'Singh', 'Smith', 'Stewart', 'Sullivan', 'Tan', 'Taylor', 'Thomas',
  'Thompson', 'Torres', 'Tran', 'Turner', 'Walker', 'Wang', 'Washington', 'White', 'Williams', 'Wilson', 'Wong', 'Wright',
  'Wu', 'Yamamoto', 'Young', 'Zhang',
];

export const MAIL_DOMAIN = 'mdanderson.example';
