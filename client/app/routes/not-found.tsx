import { Link } from "react-router";
import { useTitle } from "../../lib/use-title.ts";

export function NotFoundRoute() {
  useTitle("Not found");
  return (
    <>
      <h1>Page not found</h1>
      <p>
        <Link to="/">Back to the central station</Link>
      </p>
    </>
  );
}
