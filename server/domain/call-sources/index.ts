import { aircall } from "./aircall";
import { close } from "./close";
import { hubspot } from "./hubspot";
import { pipedrive } from "./pipedrive";
import { ringback } from "./ringback";
import { salesforce } from "./salesforce";
import type { CallSource, SourceId } from "./source";
import { twilio } from "./twilio";

export const CALL_SOURCES: Record<SourceId, CallSource> = { ringback, hubspot, salesforce, close, pipedrive, aircall, twilio };
