import type { MissingReason } from '../../contracts/types.ts';

/**
 * The answer labels of the sample instrument (our definition; the IS3C scales are not public,
 * see BRIEF §1.2). Index i is scale value i + 1 on the 1–5 scale. Exports carry these labels as
 * text ("choice text" in Qualtrics, "long answer" in LimeSurvey), in the respondent's language.
 */
export type SurveyLanguage = 'en' | 'fr' | 'es' | 'pt';
export const SURVEY_LANGUAGES: readonly SurveyLanguage[] = ['en', 'fr', 'es', 'pt'];

export type AnswerScale = 'importance' | 'preparedness' | 'coverage';

export const SCALE_LABELS: Record<AnswerScale, Partial<Record<SurveyLanguage, readonly string[]>>> = {
  importance: {
    en: ['Not at all important', 'Slightly important', 'Moderately important', 'Very important', 'Extremely important'],
    fr: ['Pas du tout important', 'Légèrement important', 'Modérément important', 'Très important', 'Extrêmement important'],
    es: ['Nada importante', 'Poco importante', 'Moderadamente importante', 'Muy importante', 'Extremadamente importante'],
    pt: ['Nada importante', 'Pouco importante', 'Moderadamente importante', 'Muito importante', 'Extremamente importante'],
  },
  // Asked of employers only, in English (the industry survey ran in one language).
  preparedness: {
    en: ['Not at all prepared', 'Slightly prepared', 'Moderately prepared', 'Well prepared', 'Very well prepared'],
  },
  coverage: {
    en: ['Not covered', 'Briefly covered', 'Partly covered', 'Well covered', 'Covered in depth'],
    fr: ['Non abordé', 'Brièvement abordé', 'Partiellement abordé', 'Bien abordé', 'Abordé en profondeur'],
    es: ['No se cubre', 'Se cubre brevemente', 'Se cubre parcialmente', 'Se cubre bien', 'Se cubre en profundidad'],
    pt: ['Não abordado', 'Abordado brevemente', 'Parcialmente abordado', 'Bem abordado', 'Abordado em profundidade'],
  },
};

/** "Don't know" in each language (offered on every item). */
export const DONT_KNOW_LABEL: Record<SurveyLanguage, string> = {
  en: "Don't know",
  fr: 'Ne sais pas',
  es: 'No sé',
  pt: 'Não sei',
};

/** "Not applicable" (offered on the education coverage items: "we do not teach that kind of programme"). */
export const NOT_APPLICABLE_LABEL: Record<SurveyLanguage, string> = {
  en: 'N/A',
  fr: 'Sans objet',
  es: 'No aplica',
  pt: 'Não se aplica',
};

/**
 * Every missing-answer label the codebook knows, including ones the sample files do not use but
 * real exports do (so a real wave can start from this codebook).
 */
export const MISSING_LABELS: Record<string, MissingReason> = {
  "Don't know": 'dont_know',
  'Do not know': 'dont_know',
  'Ne sais pas': 'dont_know',
  'Je ne sais pas': 'dont_know',
  'No sé': 'dont_know',
  'No lo sé': 'dont_know',
  'Não sei': 'dont_know',
  'N/A': 'not_applicable',
  'Not applicable': 'not_applicable',
  'Sans objet': 'not_applicable',
  'Non applicable': 'not_applicable',
  'No aplica': 'not_applicable',
  'Não se aplica': 'not_applicable',
  'Prefer not to say': 'prefer_not_to_say',
  'Je préfère ne pas répondre': 'prefer_not_to_say',
  'Prefiero no decirlo': 'prefer_not_to_say',
  'Prefiro não dizer': 'prefer_not_to_say',
  '-99': 'blank',
  '-98': 'dont_know',
};

/** Organisation types offered to employers (Qualtrics Q2). */
export const INDUSTRY_ORGANISATION_TYPES: readonly string[] = ['Large company', 'SME', 'Public administration', 'Non-profit', 'Other'];

/** Institution types offered to education (LimeSurvey `orgtype`), per language; same order in every language. */
export const EDUCATION_ORGANISATION_TYPES: Record<SurveyLanguage, readonly string[]> = {
  en: ['University', 'University of applied sciences / polytechnic', 'Vocational college', 'Other'],
  fr: ['Université', "Haute école / école d'ingénieurs", 'Établissement de formation professionnelle', 'Autre'],
  es: ['Universidad', 'Universidad politécnica / tecnológica', 'Instituto de formación profesional', 'Otro'],
  pt: ['Universidade', 'Instituto politécnico', 'Escola profissional', 'Outro'],
};

/** label → value for every label of every scale and language, as the codebook lists them. */
export function allScaleLabels(): Record<string, number> {
  const labels: Record<string, number> = {};
  for (const byLanguage of Object.values(SCALE_LABELS)) {
    for (const list of Object.values(byLanguage)) {
      list.forEach((label, index) => {
        const previous = labels[label];
        if (previous !== undefined && previous !== index + 1) {
          throw new Error(`answer label "${label}" would mean both ${previous} and ${index + 1}`);
        }
        labels[label] = index + 1;
      });
    }
  }
  return labels;
}
