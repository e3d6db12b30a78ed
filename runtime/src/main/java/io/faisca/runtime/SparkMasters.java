package io.faisca.runtime;

import io.faisca.error.ErrorCode;
import io.faisca.error.FaiscaException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A standalone master URL is checked before Spark starts: Spark itself accepts any
 * {@code spark://} address, retries registering for a minute, then fails the first query with a
 * message about its listener bus. A master that does not answer is an error naming it, in seconds.
 */
final class SparkMasters {
  private static final Pattern STANDALONE = Pattern.compile("spark://(.+)");
  private static final Pattern HOST_PORT = Pattern.compile("\\[?([^\\]]+?)]?:(\\d+)");
  private static final int CONNECT_TIMEOUT_MS = 5000;

  private SparkMasters() {
  }

  /** Throws {@code 08001} unless one of a standalone master URL's addresses accepts a connection. */
  static void checkReachable(String master) {
    Matcher standalone = STANDALONE.matcher(master);
    if (!standalone.matches()) {
      return;
    }
    List<String> failures = new ArrayList<>();
    // spark://host1:port1,host2:port2 names the masters of a highly available cluster.
    for (String address : standalone.group(1).split(",")) {
      Matcher hostPort = HOST_PORT.matcher(address.strip());
      if (!hostPort.matches()) {
        throw new FaiscaException(ErrorCode.INVALID_CONNECTION_PROPERTY, "Spark master URL '" + master
            + "' is not spark://HOST:PORT");
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(hostPort.group(1), Integer.parseInt(hostPort.group(2))),
            CONNECT_TIMEOUT_MS);
        return;
      } catch (IOException | IllegalArgumentException e) {
        failures.add(address + ": " + e.getMessage());
      }
    }
    throw new FaiscaException(ErrorCode.MASTER_UNREACHABLE, "Cannot reach the Spark master " + master + " ("
        + String.join("; ", failures) + ")");
  }
}
