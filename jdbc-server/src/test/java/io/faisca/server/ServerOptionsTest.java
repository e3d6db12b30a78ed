package io.faisca.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The command line of {@code faisca server}: the options that say where tables may be placed. */
class ServerOptionsTest {
  @Test void locationRootsRepeatInTheirOrder() {
    ServerOptions options = ServerOptions.parse(new String[] {"--warehouse", "/data/wh", "--location-root", "/data/t",
        "--location-root", "hdfs://nn:8020/tables"});

    assertThat(options.locationRoots()).containsExactly("/data/t", "hdfs://nn:8020/tables");
    assertThat(ServerOptions.parse(new String[0]).locationRoots()).isEmpty();
  }

  @Test void aLocationRootNeedsAValue() {
    assertThatThrownBy(() -> ServerOptions.parse(new String[] {"--location-root"}))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("Missing value for --location-root");
  }
}
