import { INDUCTION_INFUSIONS } from "./numbering.ts";

export type ResponseStatus = "not_assessable" | "response" | "non_response";

export interface ResponseAssessment {
  status: ResponseStatus;
  /** Percentage drop from the first score (rounded to one decimal), when both scores exist. */
  dropPercent: number | null;
  message: string;
}

/**
 * After the induction series, a drop of less than 50 % from the first score is a non-response: further
 * infusions are unlikely to help, so the patient is flagged for physician review. Exactly 50 % is a
 * response. Before the series is complete, or without two scores, nothing is assessed.
 */
export function assessResponse(input: {
  inductionInfusions: number;
  firstScore: number | null;
  latestScore: number | null;
  planned?: number;
}): ResponseAssessment {
  const planned = input.planned ?? INDUCTION_INFUSIONS;
  const { firstScore: first, latestScore: latest } = input;
  const drop =
    first !== null && latest !== null && first > 0
      ? Math.round(((first - latest) / first) * 1000) / 10
      : null;
  if (input.inductionInfusions < planned) {
    return {
      status: "not_assessable",
      dropPercent: drop,
      message: `Not yet assessable: ${input.inductionInfusions} of ${planned} induction infusions.`,
    };
  }
  if (first === null || latest === null) {
    return {
      status: "not_assessable",
      dropPercent: null,
      message: "Not assessable: PHQ-9 scores are missing.",
    };
  }
  if (first === 0) {
    return { status: "not_assessable", dropPercent: null, message: "Not assessable: the first PHQ-9 was 0." };
  }
  // Integer comparison: latest ≤ half of first is a drop of at least 50 %.
  if (latest * 2 <= first) {
    return {
      status: "response",
      dropPercent: drop,
      message: `Response: PHQ-9 ${first} → ${latest} (${drop} % drop).`,
    };
  }
  return {
    status: "non_response",
    dropPercent: drop,
    message: `No response after the induction series: PHQ-9 ${first} → ${latest} (${drop} % drop, less than 50 %). Physician review.`,
  };
}
