package io.faisca.jdbc.meta;

/**
 * Told of every request a connection makes. The HTTP server uses it to learn
 * which network connections belong to which client, so it notices a client
 * that went away; in process there is nothing to learn.
 */
public interface ClientActivity {
  ClientActivity NONE = connectionId -> { };

  void seen(String connectionId);

  /** The connection is closed: nothing more to learn about it. */
  default void closed(String connectionId) {
  }
}
