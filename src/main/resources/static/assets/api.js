// The one way the explorer talks to the server: POST /graphql, with the tab's key when needed.
import { keyedFetch } from './key.js';

/** What the API answered instead of data, in its own words (one message per GraphQL error). */
export class ApiError extends Error {
  constructor(messages, classification = null) {
    super(messages.join('\n'));
    this.messages = messages;
    this.classification = classification;
  }
}

/** Runs a document; resolves to its data, or rejects with an ApiError carrying the API's messages. */
export async function graphql(document, variables = {}) {
  let response;
  try {
    response = await keyedFetch('/graphql', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ query: document, variables }),
    });
  } catch (failure) {
    throw new ApiError([`The server could not be reached (${failure.message}). Is Dataflow Atlas still running?`]);
  }
  let body;
  try {
    body = await response.json();
  } catch {
    throw new ApiError([`The server answered HTTP ${response.status} without a GraphQL response.`]);
  }
  if (body.errors?.length) {
    // Two fields refused for the same reason (trace and policyConflicts share maxHops) say it once.
    throw new ApiError(
      [...new Set(body.errors.map((error) => error.message))],
      body.errors[0].extensions?.classification ?? null);
  }
  return body.data;
}
