import type { LlmSettingsView } from "@/lib/llm/describe-llm-settings";

type Source = LlmSettingsView["baseUrl"]["source"];

export const SOURCE_LABEL: Record<Source, string> = {
  settings: "saved in Syllabus",
  env: "from the environment",
  default: "built-in default",
};
