/** LOINC codes and UCUM units of the vital signs (clinical reference, section 8). */
export const LOINC = "http://loinc.org";
export const UCUM = "http://unitsofmeasure.org";

export const vitalCodes = {
  bpPanel: { code: "85354-9", display: "Blood pressure panel with all children optional" },
  sbp: { code: "8480-6", display: "Systolic blood pressure", unit: "mm[Hg]", unitDisplay: "mmHg" },
  dbp: { code: "8462-4", display: "Diastolic blood pressure", unit: "mm[Hg]", unitDisplay: "mmHg" },
  map: { code: "8478-0", display: "Mean blood pressure", unit: "mm[Hg]", unitDisplay: "mmHg" },
  hr: { code: "8867-4", display: "Heart rate", unit: "/min", unitDisplay: "beats/minute" },
  spo2: { code: "2708-6", display: "Oxygen saturation in Arterial blood", unit: "%", unitDisplay: "%" },
  spo2Pulse: { code: "59408-5", display: "Oxygen saturation in Arterial blood by Pulse oximetry" },
  rr: { code: "9279-1", display: "Respiratory rate", unit: "/min", unitDisplay: "breaths/minute" },
} as const;

export const vitalSignsCategory = [
  {
    coding: [
      {
        system: "http://terminology.hl7.org/CodeSystem/observation-category",
        code: "vital-signs",
        display: "Vital Signs",
      },
    ],
  },
];
