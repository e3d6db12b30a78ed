package io.faisca.server;

import io.faisca.jdbc.meta.ClientActivity;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.eclipse.jetty.io.Connection;

/**
 * Notices clients that went away. HTTP has no session: a JDBC connection is
 * an id in requests that arrive over whatever network connections the client
 * keeps open. Between requests Jetty reads from those connections, so it sees
 * them close; when every network connection a JDBC connection used is closed
 * and none of its requests is being served, its client is gone and what it
 * runs is cancelled. Requests stay short (fetches answer within a poll
 * interval), so a client that dies while waiting is noticed just as soon.
 */
final class ClientTracker implements ClientActivity, Connection.Listener {
  private final Consumer<String> onLost;
  private final ThreadLocal<Connection> currentConnection = new ThreadLocal<>();
  private final ThreadLocal<Set<String>> currentClients = ThreadLocal.withInitial(HashSet::new);
  private final Map<Connection, Set<String>> clientsByNetwork = new HashMap<>();
  private final Map<String, Set<Connection>> networkByClient = new HashMap<>();
  private final Map<String, Integer> requestsInFlight = new HashMap<>();

  /**
   * @param onLost told the id of a JDBC connection whose client is gone
   */
  ClientTracker(Consumer<String> onLost) {
    this.onLost = onLost;
  }

  void requestStarted(Connection network) {
    currentConnection.set(network);
  }

  void requestEnded() {
    Set<String> clients = currentClients.get();
    Set<String> lost = new HashSet<>();
    synchronized (this) {
      for (String client : clients) {
        if (requestsInFlight.merge(client, -1, Integer::sum) <= 0) {
          requestsInFlight.remove(client);
          // Its last network connection closed while this request was being served.
          Set<Connection> remaining = networkByClient.get(client);
          if (remaining != null && remaining.isEmpty()) {
            networkByClient.remove(client);
            lost.add(client);
          }
        }
      }
    }
    clients.clear();
    currentConnection.remove();
    lost.forEach(onLost);
  }

  /** A JDBC connection closed by its client: nothing is kept about it. */
  @Override public synchronized void closed(String connectionId) {
    Set<Connection> networks = networkByClient.remove(connectionId);
    if (networks != null) {
      for (Connection network : networks) {
        Set<String> clients = clientsByNetwork.get(network);
        if (clients != null) {
          clients.remove(connectionId);
        }
      }
    }
  }

  @Override public void seen(String connectionId) {
    Connection network = currentConnection.get();
    if (network == null || !currentClients.get().add(connectionId)) {
      return;
    }
    synchronized (this) {
      requestsInFlight.merge(connectionId, 1, Integer::sum);
      clientsByNetwork.computeIfAbsent(network, n -> new HashSet<>()).add(connectionId);
      networkByClient.computeIfAbsent(connectionId, c -> new HashSet<>()).add(network);
    }
  }

  @Override public void onOpened(Connection connection) {
  }

  @Override public void onClosed(Connection network) {
    Set<String> lost = new HashSet<>();
    synchronized (this) {
      Set<String> clients = clientsByNetwork.remove(network);
      if (clients == null) {
        return;
      }
      for (String client : clients) {
        Set<Connection> remaining = networkByClient.get(client);
        if (remaining != null) {
          remaining.remove(network);
          if (remaining.isEmpty() && !requestsInFlight.containsKey(client)) {
            networkByClient.remove(client);
            lost.add(client);
          }
        }
      }
    }
    lost.forEach(onLost);
  }
}
