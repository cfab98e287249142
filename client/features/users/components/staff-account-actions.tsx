import { useState } from "react";
import type { StaffAccount } from "../../../../shared/schemas/user-admin.ts";
import { ErrorBanner } from "../../../components/error-banner.tsx";
import { ConfirmDialog } from "../../sessions/components/confirm-dialog.tsx";
import { useDeactivateStaffAccount } from "../api/deactivate-staff-account.ts";
import { useReactivateStaffAccount } from "../api/reactivate-staff-account.ts";
import { useUnlockStaffAccount } from "../api/unlock-staff-account.ts";
import { ResetPasswordDialog } from "./reset-password-dialog.tsx";

/** What an admin can do to one account; deactivation asks first. Their own account is left alone. */
export function StaffAccountActions({ account, isSelf }: { account: StaffAccount; isSelf: boolean }) {
  const [open, setOpen] = useState<"reset" | "deactivate" | null>(null);
  const deactivate = useDeactivateStaffAccount();
  const reactivate = useReactivateStaffAccount();
  const unlock = useUnlockStaffAccount();
  const who = account.displayName;
  if (isSelf) return <span className="muted">Your account</span>;
  return (
    <div className="form-actions">
      {account.active ? (
        <>
          <button type="button" className="button" onClick={() => setOpen("reset")}>
            Reset password<span className="visually-hidden"> of {who}</span>
          </button>
          <button type="button" className="button" onClick={() => setOpen("deactivate")}>
            Deactivate<span className="visually-hidden"> {who}</span>
          </button>
        </>
      ) : (
        <button
          type="button"
          className="button"
          disabled={reactivate.isPending}
          onClick={() => reactivate.mutate(account.id)}
        >
          Reactivate<span className="visually-hidden"> {who}</span>
        </button>
      )}
      {account.lockedUntil ? (
        <button
          type="button"
          className="button"
          disabled={unlock.isPending}
          onClick={() => unlock.mutate(account.id)}
        >
          Unlock<span className="visually-hidden"> {who}</span>
        </button>
      ) : null}
      {open === "reset" ? <ResetPasswordDialog account={account} onDone={() => setOpen(null)} /> : null}
      {open === "deactivate" ? (
        <ConfirmDialog
          title={`Deactivate ${who}?`}
          question={`${account.username} will not be able to log in, and every open login ends now. Their records stay; you can reactivate the account later.`}
          confirmLabel="Deactivate account"
          busy={deactivate.isPending}
          onConfirm={() => deactivate.mutate(account.id, { onSettled: () => setOpen(null) })}
          onCancel={() => setOpen(null)}
        />
      ) : null}
      <ErrorBanner error={deactivate.error ?? reactivate.error ?? unlock.error} title="Not changed" />
    </div>
  );
}
