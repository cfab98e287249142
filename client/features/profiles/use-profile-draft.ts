import { useState } from "react";
import type { LevelParameter } from "../../../shared/clinical/engine/levels.ts";
import type { ThresholdProfile } from "../../../shared/clinical/engine/profile.ts";
import {
  getAt,
  levelsOf,
  levelsPath,
  newLevel,
  type Path,
  parseNumber,
  pathKey,
  setAt,
} from "./profile-draft.ts";

export interface ProfileDraft {
  profile: ThresholdProfile;
  /** The text shown in a number field: what was typed, or the profile's value. */
  text(path: Path): string;
  /** Optional fields: "" removes the value (or the object at `removeAt`, e.g. a confirmation rule). */
  setNumber(path: Path, text: string, options?: { optional?: boolean; removeAt?: Path }): void;
  setValue(path: Path, value: unknown): void;
  addLevel(p: LevelParameter): void;
  removeLevel(p: LevelParameter, index: number): void;
  reset(profile: ThresholdProfile): void;
}

export function useProfileDraft(initial: ThresholdProfile): ProfileDraft {
  const [profile, setProfile] = useState(initial);
  const [texts, setTexts] = useState<Record<string, string>>({});
  // rows shift when one is added or removed: forget the typed text of that parameter's levels
  const forgetLevels = (p: LevelParameter) => {
    const prefix = `${pathKey(levelsPath(p))}.`;
    setTexts((t) => Object.fromEntries(Object.entries(t).filter(([k]) => !k.startsWith(prefix))));
  };
  return {
    profile,
    text: (path) => {
      const typed = texts[pathKey(path)];
      if (typed !== undefined) return typed;
      const value = getAt(profile, path);
      return typeof value === "number" && !Number.isNaN(value) ? String(value) : "";
    },
    setNumber: (path, text, { optional = false, removeAt } = {}) => {
      setTexts((t) => ({ ...t, [pathKey(path)]: text }));
      const value = parseNumber(text, optional);
      setProfile((p) => setAt(p, value === undefined && removeAt ? removeAt : path, value));
    },
    setValue: (path, value) => setProfile((p) => setAt(p, path, value)),
    addLevel: (p) => {
      forgetLevels(p);
      setProfile((prof) => setAt(prof, levelsPath(p), [...levelsOf(prof, p), newLevel()]));
    },
    removeLevel: (p, index) => {
      forgetLevels(p);
      setProfile((prof) => setAt(prof, [...levelsPath(p), index], undefined));
    },
    reset: (next) => {
      setProfile(next);
      setTexts({});
    },
  };
}
