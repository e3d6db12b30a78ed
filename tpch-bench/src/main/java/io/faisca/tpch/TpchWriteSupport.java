package io.faisca.tpch;

import java.util.HashMap;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;
import io.trino.tpch.TpchEntity;

/** Writes generated TPC-H rows straight into Parquet, column by column. */
final class TpchWriteSupport<E extends TpchEntity> extends WriteSupport<E> {
  private final List<TpchColumnSpec<E>> columns;
  private final MessageType schema;
  private RecordConsumer consumer;

  TpchWriteSupport(String table, List<TpchColumnSpec<E>> columns) {
    this.columns = columns;
    List<Type> fields = columns.stream().map(TpchColumnSpec::parquetType).toList();
    this.schema = new MessageType(table, fields);
  }

  @Override public WriteContext init(Configuration configuration) {
    return new WriteContext(schema, new HashMap<>());
  }

  @Override public void prepareForWrite(RecordConsumer recordConsumer) {
    this.consumer = recordConsumer;
  }

  @Override public void write(E row) {
    consumer.startMessage();
    for (int i = 0; i < columns.size(); i++) {
      TpchColumnSpec<E> column = columns.get(i);
      consumer.startField(column.name(), i);
      column.write(consumer, row);
      consumer.endField(column.name(), i);
    }
    consumer.endMessage();
  }
}
