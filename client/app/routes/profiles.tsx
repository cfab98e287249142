import { ErrorBanner } from "../../components/error-banner.tsx";
import { useCurrentUser } from "../../features/auth/use-current-user.ts";
import { useClinicProfile } from "../../features/profiles/api/get-clinic-profile.ts";
import { useUpdateClinicProfile } from "../../features/profiles/api/update-clinic-profile.ts";
import { ProfileEditor } from "../../features/profiles/components/profile-editor.tsx";
import { ProfileHistory } from "../../features/profiles/components/profile-history.tsx";
import { ProfileSummary } from "../../features/profiles/components/profile-summary.tsx";
import { useTitle } from "../../lib/use-title.ts";

/** The clinic's default threshold profile: readable by everyone, editable by an admin, with its history. */
export default function ProfilesRoute() {
  useTitle("Alert profiles");
  const user = useCurrentUser();
  const { data, error, isPending } = useClinicProfile();
  const update = useUpdateClinicProfile();
  const admin = user.role === "admin";
  return (
    <>
      <h1>Alert profiles</h1>
      <ErrorBanner error={error} title="Could not load the clinic profile" />
      {isPending ? <p className="muted">Loading…</p> : null}
      {data ? (
        <>
          <section aria-labelledby="clinic-profile-heading" className="panel">
            <h2 id="clinic-profile-heading">Clinic default</h2>
            <p className="muted">
              {data.isBuiltInDefault
                ? "The built-in default: no admin has changed it."
                : "Changed by an admin (see history)."}{" "}
              A physician may override it for one session from the session page.
            </p>
            <ProfileSummary profile={data.current} />
          </section>
          {admin ? (
            <section aria-labelledby="clinic-editor-section" className="panel">
              <h2 id="clinic-editor-section">Change the clinic default</h2>
              <ProfileEditor
                initial={data.current}
                idPrefix="clinic"
                heading="Thresholds"
                submitLabel="Save clinic profile"
                pending={update.isPending}
                error={update.error}
                onSave={(body, onSaved) => update.mutate(body, { onSuccess: onSaved })}
              />
            </section>
          ) : (
            <p className="muted">Only an admin can change the clinic default.</p>
          )}
          <div className="panel">
            <ProfileHistory history={data.history} headingId="clinic-history-heading" heading="History" />
          </div>
        </>
      ) : null}
    </>
  );
}
