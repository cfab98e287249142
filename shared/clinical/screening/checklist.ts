import type { ScreeningProfile, ScreeningQuestion } from "./profile.ts";

export const screeningKinds = ["initial", "follow_up"] as const;
export type ScreeningKind = (typeof screeningKinds)[number];
export type ScreeningAnswer = "yes" | "no";
export type ScreeningAnswers = Record<string, ScreeningAnswer>;

/** The full checklist before a patient's first infusion, the short one before each later infusion. */
export function questionsFor(profile: ScreeningProfile, kind: ScreeningKind): ScreeningQuestion[] {
  return profile.questions.filter((q) => (kind === "initial" ? q.initial : q.followUp));
}

/** Questions of the checklist left unanswered (in checklist order). */
export function unansweredQuestions(
  profile: ScreeningProfile,
  kind: ScreeningKind,
  answers: ScreeningAnswers,
): ScreeningQuestion[] {
  return questionsFor(profile, kind).filter((q) => answers[q.id] !== "yes" && answers[q.id] !== "no");
}

export interface BlockingAnswer {
  questionId: string;
  label: string;
  answer: ScreeningAnswer;
}

/** Answers the profile marks as blocking: each needs a physician's clearance before the infusion starts. */
export function blockingAnswers(
  profile: ScreeningProfile,
  kind: ScreeningKind,
  answers: ScreeningAnswers,
): BlockingAnswer[] {
  return questionsFor(profile, kind)
    .filter((q) => q.blockingAnswer !== null && answers[q.id] === q.blockingAnswer)
    .map((q) => ({ questionId: q.id, label: q.label, answer: answers[q.id]! }));
}
