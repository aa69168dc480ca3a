/**
 * Turns an injected fault into the response Zoho would give, or a delay.
 */
import type { DcContext } from "./context";
import { htmlResponse, jsonResponse } from "./context";
import { renderErrorPage } from "../html";
import type { EmulatorFault, EmulatorFaultRoute } from "../state/faults";

/** The body of the Accounts throttle (Zoho docs: token errors). */
export const ACCESS_DENIED_BODY = {
  error_description:
    "You have made too many requests continuously. " +
    "Please try again after some time.",
  error: "Access Denied",
  status: "failure",
};

/**
 * Applies the next matching fault. Latency waits and returns null (the
 * call goes on); every other kind returns the response to send.
 */
export async function takeFault(
  ctx: DcContext,
  route: EmulatorFaultRoute,
): Promise<{ fault: EmulatorFault; response: Response | null } | null> {
  const fault = ctx.state.faults.take(route, ctx.dc);
  if (!fault) return null;

  if (fault.kind === "latency") {
    await new Promise((r) => setTimeout(r, fault.latencyMs ?? 1000));
    return { fault, response: null };
  }
  return { fault, response: faultResponse(fault, route) };
}

function faultResponse(
  fault: EmulatorFault,
  route: EmulatorFaultRoute,
): Response {
  const api = route === "api";
  switch (fault.kind) {
    case "5xx":
      return api
        ? jsonResponse(
            crmFault("INTERNAL_ERROR", "Internal Server Error"),
            fault.status ?? 500,
          )
        : jsonResponse({ error: "internal_error" }, fault.status ?? 500);
    case "429":
      return api
        ? jsonResponse(
            crmFault("TOO_MANY_REQUESTS", "The API limit has been exceeded"),
            fault.status ?? 429,
          )
        : jsonResponse(ACCESS_DENIED_BODY, fault.status ?? 429);
    case "throttle":
      return jsonResponse(ACCESS_DENIED_BODY, fault.status ?? 200);
    default:
      return htmlResponse(
        renderErrorPage("Service unavailable", "Please try again later."),
        fault.status ?? 200,
      );
  }
}

function crmFault(code: string, message: string) {
  return { code, details: {}, message, status: "error" };
}
