import type { StaffAccount } from "../../../../shared/schemas/user-admin.ts";
import { formatClock } from "../../../lib/time.ts";
import { roleLabels } from "../../auth/roles.ts";
import { StaffAccountActions } from "./staff-account-actions.tsx";

function statusOf(account: StaffAccount): string {
  if (!account.active) return "Deactivated";
  if (account.lockedUntil) return `Locked until ${formatClock(account.lockedUntil)}`;
  return "Active";
}

/** Every staff login with its role and state; deactivated accounts stay listed (records name them). */
export function StaffAccountList({
  accounts,
  currentUserId,
}: {
  accounts: StaffAccount[];
  currentUserId: string;
}) {
  return (
    <section aria-labelledby="staff-list-heading" className="panel">
      <h2 id="staff-list-heading">Accounts</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Username</th>
            <th scope="col">Role</th>
            <th scope="col">Status</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((account) => (
            <tr key={account.id}>
              <th scope="row">{account.displayName}</th>
              <td>{account.username}</td>
              <td>{roleLabels[account.role]}</td>
              <td>{statusOf(account)}</td>
              <td>
                <StaffAccountActions account={account} isSelf={account.id === currentUserId} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
