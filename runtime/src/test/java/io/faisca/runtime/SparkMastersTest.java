package io.faisca.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.faisca.error.FaiscaException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class SparkMastersTest {
  @Test void aMasterThatDoesNotAnswerIsNamedInSeconds() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    long started = System.nanoTime();
    assertThatThrownBy(() -> SparkMasters.checkReachable("spark://127.0.0.1:" + closedPort))
        .isInstanceOf(FaiscaException.class)
        .hasMessageStartingWith("Cannot reach the Spark master spark://127.0.0.1:" + closedPort)
        .satisfies(e -> assertThat(((FaiscaException) e).sqlState())
            .isEqualTo("08001"));
    assertThat(System.nanoTime() - started).isLessThan(10_000_000_000L);
  }

  @Test void aMalformedMasterUrlIsRefused() {
    assertThatThrownBy(() -> SparkMasters.checkReachable("spark://no-port"))
        .hasMessageContaining("is not spark://HOST:PORT");
  }

  @Test void oneAnsweringMasterOfSeveralIsEnough() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    try (ServerSocket master = new ServerSocket(0)) {
      assertThatCode(() -> SparkMasters.checkReachable(
          "spark://127.0.0.1:" + closedPort + ",127.0.0.1:" + master.getLocalPort())).doesNotThrowAnyException();
    }
  }

  @Test void otherMastersAreLeftToSpark() {
    assertThatCode(() -> SparkMasters.checkReachable("yarn")).doesNotThrowAnyException();
    assertThatCode(() -> SparkMasters.checkReachable("local[2]")).doesNotThrowAnyException();
  }
}
