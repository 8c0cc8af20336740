import http from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A local OpenAI-compatible chat-completions server on loopback (decision 0028), speaking the documented
 * wire format (`POST /v1/chat/completions`; answers as `chat.completion` objects or streamed
 * `chat.completion.chunk` server-sent events ending in `data: [DONE]`; errors as `{error: {message, type,
 * code}}`), so tests exercise every path of the AI client without a network.
 */
export type PeerAnswer =
  | { kind: "ok"; content: string; usage?: { prompt_tokens: number; completion_tokens: number } }
  | { kind: "stream"; content: string }
  | { kind: "refusal" }
  | { kind: "status"; status: 401 | 500 | 503 }
  | { kind: "rate-limit"; retryAfter: number }
  | { kind: "hang" }
  | { kind: "malformed" };

export interface PeerRequest {
  authorization: string | null;
  body: {
    model?: string;
    messages?: { role: string; content: string }[];
    response_format?: unknown;
    stream?: boolean;
  };
}

export interface OpenAiPeer {
  /** The base address to configure, ending in `/v1`. */
  baseUrl: string;
  requests: PeerRequest[];
  /** The answers to give next, in order; after them, `fallback` answers. */
  queue(...answers: PeerAnswer[]): void;
  fallback: PeerAnswer;
  close(): Promise<void>;
}

const errorTypes: Record<number, { type: string; code: string; message: string }> = {
  401: { type: "invalid_request_error", code: "invalid_api_key", message: "Incorrect API key provided." },
  429: {
    type: "requests",
    code: "rate_limit_exceeded",
    message: "Rate limit reached. Please try again later.",
  },
  500: {
    type: "server_error",
    code: "internal_error",
    message: "The server had an error while processing your request.",
  },
  503: { type: "server_error", code: "overloaded", message: "The engine is currently overloaded." },
};

function sendError(response: http.ServerResponse, status: number, headers: Record<string, string> = {}) {
  response.writeHead(status, { "content-type": "application/json", ...headers });
  response.end(JSON.stringify({ error: { ...errorTypes[status], param: null } }));
}

function completion(
  model: string,
  message: Record<string, unknown>,
  usage = { prompt_tokens: 412, completion_tokens: 380 },
) {
  return {
    id: "chatcmpl-peer",
    object: "chat.completion",
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [{ index: 0, message: { role: "assistant", ...message }, finish_reason: "stop" }],
    usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
  };
}

function stream(response: http.ServerResponse, model: string, content: string) {
  response.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
  const chunk = (delta: Record<string, unknown>, finish: string | null, usage?: object) =>
    `data: ${JSON.stringify({ id: "chatcmpl-peer", object: "chat.completion.chunk", model, choices: [{ index: 0, delta, finish_reason: finish }], ...(usage ? { usage } : {}) })}\n\n`;
  response.write(chunk({ role: "assistant", content: "" }, null));
  for (let at = 0; at < content.length; at += 40)
    response.write(chunk({ content: content.slice(at, at + 40) }, null));
  response.write(chunk({}, "stop", { prompt_tokens: 400, completion_tokens: 300, total_tokens: 700 }));
  response.end("data: [DONE]\n\n");
}

export async function startOpenAiPeer(options: { apiKey?: string; port?: number } = {}): Promise<OpenAiPeer> {
  const pending: PeerAnswer[] = [];
  const hanging = new Set<http.ServerResponse>();
  const peer: OpenAiPeer = {
    baseUrl: "",
    requests: [],
    queue: (...answers) => pending.push(...answers),
    fallback: { kind: "status", status: 500 },
    close: () =>
      new Promise((resolve) => {
        for (const response of hanging) response.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  const server = http.createServer((request, response) => {
    let raw = "";
    request.on("data", (chunk: Buffer) => (raw += chunk.toString("utf8")));
    request.on("end", () => {
      if (request.method !== "POST" || request.url !== "/v1/chat/completions")
        return sendError(response, 500);
      const body = JSON.parse(raw) as PeerRequest["body"];
      peer.requests.push({ authorization: request.headers.authorization ?? null, body });
      if (options.apiKey && request.headers.authorization !== `Bearer ${options.apiKey}`)
        return sendError(response, 401);
      const answer = pending.shift() ?? peer.fallback;
      const model = body.model ?? "peer-model";
      switch (answer.kind) {
        case "ok":
          response.writeHead(200, { "content-type": "application/json" });
          return response.end(JSON.stringify(completion(model, { content: answer.content }, answer.usage)));
        case "stream":
          return stream(response, model, answer.content);
        case "refusal":
          response.writeHead(200, { "content-type": "application/json" });
          return response.end(
            JSON.stringify(completion(model, { content: null, refusal: "I can't help with that." })),
          );
        case "status":
          return sendError(response, answer.status);
        case "rate-limit":
          return sendError(response, 429, { "retry-after": String(answer.retryAfter) });
        case "malformed":
          response.writeHead(200, { "content-type": "application/json" });
          return response.end('{"id": "chatcmpl-peer", "choices": [');
        case "hang":
          hanging.add(response);
          return;
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  peer.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  return peer;
}

/** A model's JSON answer with these questions, as the prompt asks for it. */
export const draftsAnswer = (questions: object[]): string => JSON.stringify({ questions });

/** Two good Dutch scenario questions, as a model following the prompt would write them. */
export const dutchScenarios = [
  {
    situation: "Een klant belt boos op omdat de levering voor de tweede keer te laat is.",
    prompt: "Wat doe je als eerste?",
    options: [
      {
        text: "Je laat de klant uitpraten en vat samen wat het probleem is.",
        correct: true,
        feedback: "Goed: wie zich gehoord voelt, kalmeert en luistert daarna ook naar jou.",
      },
      {
        text: "Je legt meteen uit dat de vervoerder de fout maakte.",
        correct: false,
        feedback: "Dat voelt voor de klant als een excuus; het probleem is er nog niet mee erkend.",
      },
      {
        text: "Je biedt direct een korting aan.",
        correct: false,
        feedback:
          "Een korting voordat je weet wat de klant wil, kost geld en lost het echte probleem niet op.",
      },
    ],
  },
  {
    situation:
      "Een collega vraagt of je een klacht van een klant wilt overnemen terwijl je zelf een klant helpt.",
    prompt: "Hoe reageer je?",
    options: [
      {
        text: "Je zegt wanneer je tijd hebt en spreekt af wie de klant intussen terugbelt.",
        correct: true,
        feedback: "Zo blijft de klant niet zonder antwoord en maak je een duidelijke afspraak.",
      },
      {
        text: "Je laat je eigen klant wachten en neemt de klacht meteen over.",
        correct: false,
        feedback: "Dan maak je van één tevreden klant een ontevreden klant.",
      },
      {
        text: "Je zegt dat het niet jouw klant is.",
        correct: false,
        feedback: "De klant merkt niets van wie verantwoordelijk is; hij wil geholpen worden.",
      },
    ],
  },
];

/** The same kind of question written in English: a wrong-language answer for a Dutch trajectory. */
export const englishScenario = {
  situation: "A customer calls, angry because the delivery is late for the second time.",
  prompt: "What is the first thing you do?",
  options: [
    {
      text: "You let the customer finish and sum up what the problem is.",
      correct: true,
      feedback: "Right: a customer who feels heard calms down and will listen to you too.",
    },
    {
      text: "You explain at once that the carrier made the mistake.",
      correct: false,
      feedback: "That sounds like an excuse to the customer and does not own the problem.",
    },
    {
      text: "You offer a discount straight away.",
      correct: false,
      feedback:
        "A discount before you know what the customer wants costs money and does not solve the problem.",
    },
  ],
};
