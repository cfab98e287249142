import { ErrorBanner } from "../../components/error-banner.tsx";
import { useCurrentUser } from "../../features/auth/use-current-user.ts";
import { useStaffAccounts } from "../../features/users/api/list-staff-accounts.ts";
import { CreateStaffAccountForm } from "../../features/users/components/create-staff-account-form.tsx";
import { StaffAccountList } from "../../features/users/components/staff-account-list.tsx";
import { useTitle } from "../../lib/use-title.ts";

/** Admins manage logins here: create, reset a password, deactivate a leaver, lift a lockout. */
export default function StaffRoute() {
  useTitle("Staff accounts");
  const user = useCurrentUser();
  const admin = user.role === "admin";
  const { data, error, isPending } = useStaffAccounts(admin);
  if (!admin) {
    return (
      <>
        <h1>Staff accounts</h1>
        <p className="muted">Only an admin can manage staff accounts.</p>
      </>
    );
  }
  return (
    <>
      <h1>Staff accounts</h1>
      <ErrorBanner error={error} title="Could not load the accounts" />
      {isPending ? <p className="muted">Loading…</p> : null}
      <CreateStaffAccountForm />
      {data ? <StaffAccountList accounts={data} currentUserId={user.id} /> : null}
    </>
  );
}
