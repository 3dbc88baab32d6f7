/** Prints the current second-factor code of the demo's ARS, ANS and DNS accounts (demo only). */
import { generate } from "otplib";
import { DEMO_TOTP_SECRET } from "../lib/auth/demo-accounts";

const code = await generate({ secret: DEMO_TOTP_SECRET });
const remaining = 30 - (Math.floor(Date.now() / 1000) % 30);
console.log(`Code de second facteur des comptes de démonstration : ${code} (valable encore ${remaining} s)`);
