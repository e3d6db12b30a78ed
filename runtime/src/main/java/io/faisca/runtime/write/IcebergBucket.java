package io.faisca.runtime.write;

import java.nio.ByteBuffer;
import org.apache.iceberg.transforms.Transforms;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.util.SerializableFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

/**
 * Iceberg's bucket transform, run by Spark on each row. Spark's own hash
 * functions are Murmur3 too, but with another seed and, for strings and
 * decimals, other bytes: only Iceberg's function gives Iceberg's buckets,
 * so this calls it. Its input is the value as Iceberg represents it (days,
 * microseconds, ...), which {@link PartitionColumns} computes.
 */
final class IcebergBucket implements UDF1<Object, Integer> {
  private static final long serialVersionUID = 1L;

  private final SerializableFunction<Object, Integer> bucket;

  @SuppressWarnings("unchecked")
  private IcebergBucket(Type type, int buckets) {
    this.bucket = (SerializableFunction<Object, Integer>) Transforms.bucket(buckets).bind(type);
  }

  /** The bucket, among {@code buckets}, of each value of a column of Iceberg type {@code type}. */
  static Column of(Column icebergValue, Type type, int buckets) {
    return functions.udf(new IcebergBucket(type, buckets), DataTypes.IntegerType).apply(icebergValue);
  }

  @Override public Integer call(Object value) {
    if (value == null) {
      return null;
    }
    // Spark hands binary values over as arrays; Iceberg takes them as buffers.
    return bucket.apply(value instanceof byte[] bytes ? ByteBuffer.wrap(bytes) : value);
  }
}
