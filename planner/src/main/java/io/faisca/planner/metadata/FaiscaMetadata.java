package io.faisca.planner.metadata;

import java.util.List;
import org.apache.calcite.rel.metadata.ChainedRelMetadataProvider;
import org.apache.calcite.rel.metadata.DefaultRelMetadataProvider;
import org.apache.calcite.rel.metadata.RelMetadataProvider;

/** Faísca's estimates first, Calcite's defaults for everything else. */
public final class FaiscaMetadata {
  public static final RelMetadataProvider PROVIDER = ChainedRelMetadataProvider.of(List.of(
      FaiscaRelMdSelectivity.SOURCE,
      FaiscaRelMdDistinctRowCount.SOURCE,
      FaiscaRelMdRowCount.SOURCE,
      DefaultRelMetadataProvider.INSTANCE));

  private FaiscaMetadata() {
  }
}
