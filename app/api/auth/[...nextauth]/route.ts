import NextAuth from "next-auth";
import { NextResponse, type NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/options";
import { consentRefusalRedirect } from "@/lib/auth/sso/sign-in";
import { withRequestLog } from "@/lib/log/route-log";

const handler = NextAuth(authOptions);

type Context = { params: Promise<{ nextauth: string[] }> };

/** A consent refused at the IdP gets its own French message (lib/auth/sso/sign-in.ts); everything else is next-auth's. */
async function get(request: NextRequest, context: Context) {
  const refused = consentRefusalRedirect(request.nextUrl);
  if (refused) return NextResponse.redirect(new URL(refused, request.nextUrl));
  return handler(request, context);
}

async function post(request: NextRequest, context: Context): Promise<Response> {
  return handler(request, context);
}

export const GET = withRequestLog(get);
export const POST = withRequestLog(post);
