package io.faisca.server;

import io.faisca.error.FaiscaException;
import sun.misc.Signal;

/**
 * {@code faisca server}: serves a warehouse over JDBC until stopped (SIGTERM or Ctrl-C).
 *
 * <p>Stopping is a normal end, not a failure: on SIGTERM or SIGINT the server
 * stops in order (queries cancelled, then HTTP, then Spark), says so, and
 * exits with status 0. Left to the JVM, the signal would run the server's
 * shutdown hook at the same time as Spark's own (so Spark could stop under
 * running queries) and end with status 143, which service managers such as
 * systemd report as a failure.
 */
public final class ServerCommand {
  private ServerCommand() {
  }

  public static void main(String[] args) throws Exception {
    ServerOptions options;
    try {
      options = ServerOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println("Usage: faisca server [--warehouse DIR|URI] [--catalog-uri JDBC-URL] [--location-root DIR|URI ...]"
          + " [--port 8765] [--master URL] [--serialization protobuf|json] [--auth basic --users FILE]"
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
    stopOnSignal("TERM", server);
    stopOnSignal("INT", server);
    // Other ways out (System.exit, SIGHUP, a signal that could not be handled) still stop the server.
    Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "faisca-shutdown"));
    System.out.println("Faísca is serving " + options.warehouse() + " on port " + server.port());
    System.out.println("Connect with: " + server.jdbcUrl());
    System.out.flush();
    server.join();
  }

  private static void stopOnSignal(String name, FaiscaServer server) {
    try {
      // The handler runs on a daemon thread; stopping runs on one that keeps the JVM up until it exits.
      Signal.handle(new Signal(name), signal -> {
        Thread stopper = new Thread(() -> stopAndExit(server, "SIG" + name), "faisca-stop");
        stopper.setDaemon(false);
        stopper.start();
      });
    } catch (IllegalArgumentException e) {
      // The signal is reserved here (java -Xrs, or ignored by whoever started us): the shutdown hook covers it.
    }
  }

  private static void stopAndExit(FaiscaServer server, String reason) {
    int status = 0;
    try {
      server.stop();
    } catch (RuntimeException e) {
      System.err.println("Error while stopping: " + e);
      status = 1;
    }
    System.out.println("Faísca stopped (" + reason + ")");
    System.out.flush();
    System.exit(status);
  }
}
