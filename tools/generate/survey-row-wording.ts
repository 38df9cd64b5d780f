import type { Competency } from '../../contracts/types.ts';

/**
 * How the 2022 questionnaire worded each competency in its matrix rows. It was drafted before the
 * working taxonomy, so the wording differs from the labels: a codebook for 2022 has to be written
 * by hand. From 2023 on the questionnaire uses the labels themselves (so a codebook can be
 * drafted automatically from the question texts).
 */
const WORDING_2022: Record<string, string> = {
  communication: 'Oral & written communication',
  teamwork: 'Working in teams',
  'critical-thinking': 'Thinking critically',
  'problem-solving': 'Solving problems',
  creativity: 'Creative thinking',
  'adaptability-lifelong-learning': 'Learning new things / adapting',
  'ethics-integrity': 'Professional ethics',
  leadership: 'Leading others',
  'project-management': 'Managing projects',
  'attention-to-detail': 'Care and precision',
  'business-awareness': 'Understanding the business',
  networking: 'Computer networks',
  'system-administration': 'Administering operating systems',
  'secure-software-development': 'Writing secure code',
  cryptography: 'Encryption and cryptographic protocols',
  'risk-management-governance': 'Risk and governance',
  'law-regulation-privacy': 'Cyber law and data protection',
  'incident-response': 'Handling security incidents',
  'digital-forensics': 'Forensic investigation',
  'threat-intelligence': 'Threat intel',
  'penetration-testing': 'Pentesting / ethical hacking',
  'cloud-security': 'Securing cloud services',
  'identity-access-management': 'IAM (identities, access rights)',
  'security-monitoring': 'SOC monitoring',
  'vulnerability-management': 'Patching and vulnerability handling',
  'security-architecture': 'Designing secure architectures',
};

/** Matrix row texts of a wave's questionnaire, one per competency. */
export function surveyRowWording(wave: string, competencies: readonly Competency[]): string[] {
  if (wave === '2022') return competencies.map((competency) => WORDING_2022[competency.id] ?? competency.label);
  return competencies.map((competency) => competency.label);
}
