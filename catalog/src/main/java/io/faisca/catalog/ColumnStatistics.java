package io.faisca.catalog;

import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * What the file footers tell about one column, cheaply: nulls, and for numbers
 * and dates the range. Ranges are doubles (dates as epoch days) because the
 * planner only uses them to estimate selectivities and distinct counts.
 *
 * @param nullCount null values over the whole table
 * @param min smallest value, or null when unknown or not numeric
 * @param max largest value, or null when unknown or not numeric
 * @param distinctCount estimated number of distinct non-null values, or null when unknown
 */
public record ColumnStatistics(
    long nullCount, @Nullable Double min, @Nullable Double max, @Nullable Double distinctCount) {

  public static final ColumnStatistics UNKNOWN = new ColumnStatistics(0, null, null, null);
}
