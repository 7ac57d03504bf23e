import type { Briefing, TextFormat } from "../report/Briefing.js";
import { renderBriefing } from "../report/Briefing.js";
import type { Io } from "./Io.js";

/** Writes a result as JSON (the record itself) or as a rendered briefing. */
export function writeResult<T>(
  io: Io,
  result: T,
  brief: (result: T) => Briefing | readonly Briefing[],
  format: unknown,
): void {
  if (format === "json") {
    io.out(`${JSON.stringify(result, null, 2)}\n`);
    return;
  }
  io.out(renderBriefing(brief(result), format as TextFormat));
}
