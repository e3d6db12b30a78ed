package io.faisca.runtime;

import io.faisca.catalog.Relation;
import io.faisca.catalog.Warehouse;
import io.faisca.catalog.WarehouseSchema;
import io.faisca.error.ErrorCode;
import io.faisca.error.FaiscaException;
import io.faisca.parser.ddl.SqlDropSchema;
import java.util.Optional;
import org.apache.calcite.sql.ddl.SqlCreateSchema;

/** {@code CREATE SCHEMA} and {@code DROP SCHEMA}: Iceberg namespaces of the warehouse's catalog. */
final class SchemaCommands {
  private SchemaCommands() {
  }

  static Command create(String sql, SqlCreateSchema create, Warehouse warehouse) {
    if (create.getReplace()) {
      throw new FaiscaException(ErrorCode.NOT_SUPPORTED, "CREATE OR REPLACE SCHEMA is not supported");
    }
    String name = create.name.getSimple();
    return TableCommands.command(sql, () -> {
      // The tables of schema s live in <warehouse>/s/: a raw table's directory cannot be that.
      Optional<Relation> raw = warehouse.resolve(WarehouseSchema.NAME, name, true)
          .filter(relation -> relation.kind() == Relation.Kind.RAW_TABLE);
      if (raw.isPresent() && !create.ifNotExists) {
        throw new FaiscaException(ErrorCode.SCHEMA_EXISTS, "Directory '" + name + "' of the warehouse is a raw"
            + " table; a schema of that name would keep its tables in it");
      }
      if (raw.isEmpty()) {
        warehouse.managedTables().schemas().create(name, create.ifNotExists);
      }
      return 0;
    });
  }

  static Command drop(String sql, SqlDropSchema drop, Warehouse warehouse) {
    String written = drop.name.getSimple();
    return TableCommands.command(sql, () -> {
      Optional<String> found = warehouse.resolveSchemaName(written, false);
      if (found.isEmpty()) {
        if (drop.ifExists) {
          return 0;
        }
        throw new FaiscaException(ErrorCode.SCHEMA_NOT_FOUND, "Schema '" + written + "' does not exist");
      }
      warehouse.managedTables().schemas().drop(found.get(), drop.ifExists, drop.cascade);
      return 0;
    });
  }
}
