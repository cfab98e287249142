import { describe, expect, it } from "vitest";
import { blockingAnswers, questionsFor, type ScreeningAnswers, unansweredQuestions } from "./checklist.ts";
import { defaultScreeningProfile as profile } from "./profile.ts";

const safeInitial: ScreeningAnswers = Object.fromEntries(
  questionsFor(profile, "initial").map((q) => [q.id, q.blockingAnswer === "no" ? "yes" : "no"]),
);

describe("the checklists", () => {
  it("asks the full list before the first infusion, a short one after", () => {
    const initial = questionsFor(profile, "initial").map((q) => q.id);
    const followUp = questionsFor(profile, "follow_up").map((q) => q.id);
    expect(initial).toEqual(
      expect.arrayContaining([
        "substance_misuse",
        "uncontrolled_hypertension",
        "heart_disease",
        "pregnancy",
        "psychosis_history",
        "medications_reviewed",
        "nothing_by_mouth",
        "escort_arranged",
      ]),
    );
    expect(followUp.length).toBeLessThan(initial.length);
    expect(followUp).toEqual(expect.arrayContaining(["pregnancy", "nothing_by_mouth", "escort_arranged"]));
  });

  it("lists unanswered questions", () => {
    expect(unansweredQuestions(profile, "initial", safeInitial)).toEqual([]);
    const { heart_disease: _, ...partial } = safeInitial;
    expect(unansweredQuestions(profile, "initial", partial).map((q) => q.id)).toEqual(["heart_disease"]);
  });
});

describe("blockingAnswers", () => {
  it.each([
    ["safe answers", {}, []],
    ["substance misuse yes", { substance_misuse: "yes" }, ["substance_misuse"]],
    ["uncontrolled hypertension yes", { uncontrolled_hypertension: "yes" }, ["uncontrolled_hypertension"]],
    ["heart disease yes", { heart_disease: "yes" }, ["heart_disease"]],
    ["pregnancy yes", { pregnancy: "yes" }, ["pregnancy"]],
    ["psychosis yes", { psychosis_history: "yes" }, ["psychosis_history"]],
    ["medications not reviewed", { medications_reviewed: "no" }, ["medications_reviewed"]],
    ["not fasted", { nothing_by_mouth: "no" }, ["nothing_by_mouth"]],
    ["no escort", { escort_arranged: "no" }, ["escort_arranged"]],
    ["two at once", { pregnancy: "yes", escort_arranged: "no" }, ["pregnancy", "escort_arranged"]],
  ] as const)("%s", (_, changes, expected) => {
    const answers = { ...safeInitial, ...changes } as ScreeningAnswers;
    expect(blockingAnswers(profile, "initial", answers).map((b) => b.questionId)).toEqual(expected);
  });

  it("never blocks on a non-blocking question, and ignores questions of the other checklist", () => {
    expect(
      blockingAnswers(profile, "follow_up", { medication_changes: "yes", heart_disease: "yes" }),
    ).toEqual([]);
  });
});
