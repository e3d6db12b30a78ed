package io.faisca.jdbc.client;

/** A statement whose query a {@link QueryWatch} follows; its result sets report to it. */
interface Watched {
  QueryWatch watch();
}
