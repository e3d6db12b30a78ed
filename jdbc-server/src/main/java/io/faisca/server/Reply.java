package io.faisca.server;

/** The answer of one of Faísca's own endpoints: an HTTP status and a body. */
record Reply(int status, String message) {
}
