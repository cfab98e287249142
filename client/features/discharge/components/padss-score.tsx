import type { DischargeReadiness } from "../../../../shared/schemas/discharge-readiness.ts";
import { CriterionStatus } from "./criteria-list.tsx";

/** The modified PADSS: each item's score and reason, the total against the pass mark. */
export function PadssScore({ padss }: { padss: DischargeReadiness["padss"] }) {
  return (
    <div className="padss">
      <h3 id="padss-heading">
        Modified PADSS: {padss.total} of {padss.max} (at least {padss.minimum} required){" "}
        <CriterionStatus met={padss.met} />
      </h3>
      <table className="readings padss-table" aria-labelledby="padss-heading">
        <thead>
          <tr>
            <th scope="col">Item</th>
            <th scope="col">Score</th>
            <th scope="col">Why</th>
          </tr>
        </thead>
        <tbody>
          {padss.items.map((item) => (
            <tr key={item.id}>
              <th scope="row">{item.label}</th>
              <td>{item.score} of 2</td>
              <td>{item.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
