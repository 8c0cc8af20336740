/**
 * A client for an OpenAI-compatible chat-completions endpoint (decision 0028): OpenAI's documented wire
 * format, which Mistral's platform, Azure OpenAI, Ollama, llama.cpp's server and vLLM also speak. It
 * asks for a JSON object, reads a plain answer or a streamed one (server-sent events), and turns every
 * failure into a stable code; it never throws for what a provider does, and never logs the key or text.
 */

export interface ChatMessage {
  role: "system" | "user";
  content: string;
}

export interface ChatRequest {
  baseUrl: string;
  model: string;
  apiKey: string | null;
  messages: ChatMessage[];
  /** How long to wait for the whole answer. */
  timeoutMs: number;
}

export interface TokenUsage {
  promptTokens: number | null;
  completionTokens: number | null;
}

export type ChatFailure =
  "ai_unauthorized" | "ai_rate_limited" | "ai_unavailable" | "ai_timeout" | "ai_malformed" | "ai_refused";

export type ChatOutcome =
  | { ok: true; content: string; usage: TokenUsage }
  | { ok: false; code: ChatFailure; usage: TokenUsage; retryAfterSeconds?: number };

/** A short wait the provider asks for is honoured once; a longer one ends the job. */
const MAX_RETRY_AFTER_SECONDS = 5;

const noUsage: TokenUsage = { promptTokens: null, completionTokens: null };

interface CompletionBody {
  choices?: { message?: { content?: unknown; refusal?: unknown }; finish_reason?: unknown }[];
  usage?: { prompt_tokens?: unknown; completion_tokens?: unknown };
}

interface StreamChunk {
  choices?: { delta?: { content?: unknown; refusal?: unknown }; finish_reason?: unknown }[];
  usage?: CompletionBody["usage"];
}

const tokens = (value: unknown): number | null =>
  typeof value === "number" && Number.isInteger(value) && value >= 0 ? value : null;

function usageOf(body: { usage?: CompletionBody["usage"] }): TokenUsage {
  return {
    promptTokens: tokens(body.usage?.prompt_tokens),
    completionTokens: tokens(body.usage?.completion_tokens),
  };
}

/** The address of the completions endpoint under a base address, with or without a trailing slash. */
export const completionsUrl = (baseUrl: string): string => `${baseUrl.replace(/\/+$/, "")}/chat/completions`;

function readCompletion(text: string): ChatOutcome {
  let body: CompletionBody;
  try {
    body = JSON.parse(text) as CompletionBody;
  } catch {
    return { ok: false, code: "ai_malformed", usage: noUsage };
  }
  const usage = usageOf(body);
  const choice = body.choices?.[0];
  if (typeof choice?.message?.refusal === "string" && choice.message.refusal)
    return { ok: false, code: "ai_refused", usage };
  if (choice?.finish_reason === "content_filter") return { ok: false, code: "ai_refused", usage };
  const content = choice?.message?.content;
  if (typeof content !== "string" || !content.trim()) return { ok: false, code: "ai_malformed", usage };
  return { ok: true, content, usage };
}

/** Joins the deltas of a streamed answer (`data: {...}` lines, ending with `data: [DONE]`). */
function readStream(text: string): ChatOutcome {
  let content = "";
  let refused = false;
  let usage = noUsage;
  for (const line of text.split(/\r?\n/)) {
    if (!line.startsWith("data:")) continue;
    const data = line.slice(5).trim();
    if (data === "[DONE]") break;
    let chunk: StreamChunk;
    try {
      chunk = JSON.parse(data) as StreamChunk;
    } catch {
      return { ok: false, code: "ai_malformed", usage };
    }
    if (chunk.usage) usage = usageOf(chunk);
    const choice = chunk.choices?.[0];
    if (typeof choice?.delta?.content === "string") content += choice.delta.content;
    if (
      (typeof choice?.delta?.refusal === "string" && choice.delta.refusal) ||
      choice?.finish_reason === "content_filter"
    )
      refused = true;
  }
  if (refused) return { ok: false, code: "ai_refused", usage };
  return content.trim() ? { ok: true, content, usage } : { ok: false, code: "ai_malformed", usage };
}

function failureOf(status: number): ChatFailure {
  if (status === 401 || status === 403) return "ai_unauthorized";
  if (status === 429) return "ai_rate_limited";
  return "ai_unavailable";
}

const retryAfterOf = (header: string | null): number | undefined => {
  const seconds = Number(header);
  return header !== null && Number.isFinite(seconds) && seconds >= 0 ? seconds : undefined;
};

async function attempt(request: ChatRequest, signal: AbortSignal): Promise<ChatOutcome> {
  const response = await fetch(completionsUrl(request.baseUrl), {
    method: "POST",
    signal,
    headers: {
      "content-type": "application/json",
      accept: "application/json, text/event-stream",
      ...(request.apiKey ? { authorization: `Bearer ${request.apiKey}` } : {}),
    },
    body: JSON.stringify({
      model: request.model,
      messages: request.messages,
      temperature: 0.4,
      response_format: { type: "json_object" },
      stream: false,
    }),
  });
  const text = await response.text();
  if (!response.ok) {
    return {
      ok: false,
      code: failureOf(response.status),
      usage: noUsage,
      retryAfterSeconds: retryAfterOf(response.headers.get("retry-after")),
    };
  }
  // Some servers and proxies stream even when asked not to; both forms are read.
  const streamed = (response.headers.get("content-type") ?? "").includes("text/event-stream");
  return streamed ? readStream(text) : readCompletion(text);
}

const wait = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => {
      clearTimeout(timer);
      resolve();
    });
  });

/** Asks the model once (and once more after a short Retry-After); a failure comes back as a code. */
export async function complete(request: ChatRequest): Promise<ChatOutcome> {
  const signal = AbortSignal.timeout(request.timeoutMs);
  try {
    const first = await attempt(request, signal);
    const retryAfter = !first.ok && first.code === "ai_rate_limited" ? first.retryAfterSeconds : undefined;
    if (retryAfter === undefined || retryAfter > MAX_RETRY_AFTER_SECONDS) return first;
    await wait(retryAfter * 1000, signal);
    if (signal.aborted) return { ok: false, code: "ai_timeout", usage: noUsage };
    return await attempt(request, signal);
  } catch (error) {
    if (signal.aborted || (error instanceof Error && error.name === "TimeoutError"))
      return { ok: false, code: "ai_timeout", usage: noUsage };
    // Refused connection, unknown host, reset: the provider is not there.
    return { ok: false, code: "ai_unavailable", usage: noUsage };
  }
}
