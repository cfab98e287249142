import { lazy, Suspense } from "react";
import { createBrowserRouter, RouterProvider } from "react-router";
import { RequireAuth } from "./require-auth.tsx";
import { LoginRoute } from "./routes/login.tsx";
import { NotFoundRoute } from "./routes/not-found.tsx";
import { PatientRoute } from "./routes/patient.tsx";
import { PatientsRoute } from "./routes/patients.tsx";
import { StationRoute } from "./routes/station.tsx";

// the session page pulls in recharts: load it on demand
const SessionRoute = lazy(() => import("./routes/session.tsx"));
// the profile tables and editor are rarely visited
const ProfilesRoute = lazy(() => import("./routes/profiles.tsx"));
// the printable record, opened at the end of a session
const ReportRoute = lazy(() => import("./routes/report.tsx"));
// admins only, rarely visited
const StaffRoute = lazy(() => import("./routes/staff.tsx"));

const router = createBrowserRouter([
  { path: "/login", element: <LoginRoute /> },
  {
    element: <RequireAuth />,
    children: [
      { index: true, element: <StationRoute /> },
      { path: "patients", element: <PatientsRoute /> },
      { path: "patients/:id", element: <PatientRoute /> },
      {
        path: "profiles",
        element: (
          <Suspense fallback={<p className="muted">Loading profiles…</p>}>
            <ProfilesRoute />
          </Suspense>
        ),
      },
      {
        path: "staff",
        element: (
          <Suspense fallback={<p className="muted">Loading staff accounts…</p>}>
            <StaffRoute />
          </Suspense>
        ),
      },
      {
        path: "sessions/:id",
        element: (
          <Suspense fallback={<p className="muted">Loading session…</p>}>
            <SessionRoute />
          </Suspense>
        ),
      },
      {
        path: "sessions/:id/report",
        element: (
          <Suspense fallback={<p className="muted">Loading report…</p>}>
            <ReportRoute />
          </Suspense>
        ),
      },
      { path: "*", element: <NotFoundRoute /> },
    ],
  },
]);

export function AppRouter() {
  return <RouterProvider router={router} />;
}
