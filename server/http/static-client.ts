import fs from "node:fs";
import path from "node:path";
import express, { type RequestHandler, Router } from "express";

/** Serves the built SPA, with index.html for every client-side route. */
export function staticClient(clientDir: string): RequestHandler {
  const router = Router();
  const index = path.join(clientDir, "index.html");
  router.use(
    express.static(clientDir, {
      index: false,
      maxAge: "1h",
      // the service worker must be re-checked on each visit: a new build is noticed through it
      setHeaders: (res, filePath) => {
        if (path.basename(filePath) === "sw.js") res.setHeader("Cache-Control", "no-cache");
      },
    }),
  );
  router.get(/^(?!\/api\/|\/socket\.io\/).*/, (_req, res) => {
    if (!fs.existsSync(index)) {
      res
        .status(503)
        .type("text/plain")
        .send("The client is not built yet: run `npm run build` (npm start does it).");
      return;
    }
    res.setHeader("Cache-Control", "no-cache");
    res.sendFile("index.html", { root: clientDir });
  });
  return router;
}
