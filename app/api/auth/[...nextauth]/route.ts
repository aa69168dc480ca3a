import { handleAuth } from "@/lib/auth/route";

export const dynamic = "force-dynamic";

export { handleAuth as GET, handleAuth as POST };
