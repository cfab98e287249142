import { useDeferredValue, useState } from "react";
import { Link } from "react-router";
import { ErrorBanner } from "../../../components/error-banner.tsx";
import { usePatients } from "../api/list-patients.ts";

export function PatientSearch() {
  const [q, setQ] = useState("");
  const deferred = useDeferredValue(q);
  const { data, error, isPending } = usePatients(deferred);
  return (
    <section aria-label="Patient search">
      <div className="field">
        <label htmlFor="patient-search">Search patients</label>
        <input
          id="patient-search"
          type="search"
          placeholder="Name or MRN"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          autoComplete="off"
        />
      </div>
      <ErrorBanner error={error} title="Could not load patients" />
      {isPending ? <p className="muted">Loading…</p> : null}
      {data && data.length === 0 ? <p className="muted">No patients match.</p> : null}
      {data && data.length > 0 ? (
        <ul aria-label="Patients" className="patient-list">
          {data.map((p) => (
            <li key={p.id}>
              <Link to={`/patients/${p.id}`} className="patient-link">
                <span className="patient-name">{p.fullName}</span>
                <span className="muted">
                  {" "}
                  · MRN {p.mrn} · born {p.dateOfBirth}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
