package io.faisca.server;

import io.faisca.error.FaiscaException;

/** {@code faisca server}: serves a warehouse over JDBC until stopped (SIGTERM or Ctrl-C). */
public final class ServerCommand {
  private ServerCommand() {
  }

  public static void main(String[] args) throws Exception {
    ServerOptions options;
    try {
      options = ServerOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println("Usage: faisca server [--warehouse DIR|URI] [--port 8765] [--master URL]"
          + " [--serialization protobuf|json] [--auth basic --users FILE]"
          + " [--tls-keystore FILE --tls-password-file FILE] [--spark-conf key=value ...]"
          + " [--max-running-queries N] [--max-request-bytes N] [--max-sql-length N]"
          + " [--connection-idle-timeout SECONDS] [--statement-idle-timeout SECONDS]");
      System.exit(2);
      return;
    }
    FaiscaServer server;
    try {
      server = FaiscaServer.start(options);
    } catch (FaiscaException e) {
      System.err.println("Cannot start: " + e.getMessage());
      System.exit(1);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "faisca-shutdown"));
    System.out.println("Faísca is serving " + options.warehouse() + " on port " + server.port());
    System.out.println("Connect with: " + server.jdbcUrl());
    System.out.flush();
    server.join();
  }
}
