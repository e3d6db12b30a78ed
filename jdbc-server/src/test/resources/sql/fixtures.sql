-- Tables the SQL scripts query, written as Parquet by DuckDB into ${warehouse}.
-- Small on purpose: every expected row can be checked by reading this file.

-- t: one row per interesting case, NULLs in every column but id.
CREATE TABLE t (id INTEGER NOT NULL, grp VARCHAR, x INTEGER, y BIGINT, d DECIMAL(10,2), f DOUBLE,
  s VARCHAR, dt DATE, ts TIMESTAMP, b BOOLEAN);
INSERT INTO t VALUES
  (1, 'a', 10, 100, 1.50, 0.5, 'apple', DATE '2024-01-15', TIMESTAMP '2024-01-15 10:30:00', true),
  (2, 'a', 20, NULL, 2.25, 1.5, 'Banana', DATE '2024-02-29', TIMESTAMP '2024-02-29 23:59:59', false),
  (3, 'b', NULL, 300, NULL, NULL, 'cherry pie', DATE '2023-12-31', NULL, NULL),
  (4, 'b', 40, 400, -4.75, -2.0, NULL, NULL, TIMESTAMP '2024-03-01 00:00:00', true),
  (5, NULL, 50, 500, 10.00, 100.0, '', DATE '2024-07-04', TIMESTAMP '2024-07-04 12:00:00', false),
  (6, 'c', 0, 0, 0.00, 0.0, 'a%b_c', DATE '2024-01-01', TIMESTAMP '2024-01-01 00:00:01.5', NULL);
COPY t TO '${warehouse}/t/part-0.parquet' (FORMAT PARQUET);

-- u: join partner of t, with duplicate, unmatched and NULL keys.
CREATE TABLE u (id INTEGER, grp VARCHAR, v INTEGER);
INSERT INTO u VALUES (1, 'a', 7), (1, 'a', 8), (3, NULL, 9), (7, 'z', 10), (NULL, 'b', 11);
COPY u TO '${warehouse}/u/part-0.parquet' (FORMAT PARQUET);

-- n: a key list with a NULL, for NOT IN.
CREATE TABLE n (k INTEGER);
INSERT INTO n VALUES (1), (2), (NULL);
COPY n TO '${warehouse}/n/part-0.parquet' (FORMAT PARQUET);

-- e: no rows at all.
CREATE TABLE e (id INTEGER, s VARCHAR);
COPY e TO '${warehouse}/e/part-0.parquet' (FORMAT PARQUET);

-- big: values at the edges of their types.
CREATE TABLE big (i INTEGER, l BIGINT, d DECIMAL(38,0));
INSERT INTO big VALUES (2147483647, 9223372036854775807, 99999999999999999999999999999999999999), (1, 1, 1);
COPY big TO '${warehouse}/big/part-0.parquet' (FORMAT PARQUET);

-- edge: values at the edges of strings, decimals, dates and timestamps. ts is a wall-clock
-- TIMESTAMP, tz an instant (TIMESTAMPTZ, written as a UTC-adjusted Parquet timestamp).
CREATE TABLE edge (id INTEGER, s VARCHAR, d DECIMAL(38,10), dt DATE, ts TIMESTAMP, tz TIMESTAMPTZ);
INSERT INTO edge VALUES
  (1, repeat('x', 10000), 9999999999999999999999999999.9999999999, DATE '0001-01-01',
   TIMESTAMP '0001-01-01 00:00:00', TIMESTAMPTZ '1900-01-01 00:00:00+00'),
  (2, 'naïve café', -9999999999999999999999999999.9999999999, DATE '1900-01-01',
   TIMESTAMP '1969-12-31 23:59:59.999999', TIMESTAMPTZ '1969-12-31 23:59:59.999999+00'),
  (3, '日本語 😀', 0.0000000001, DATE '1969-12-31', TIMESTAMP '2038-01-19 03:14:08.000001',
   TIMESTAMPTZ '2038-01-19 03:14:08+00'),
  (4, 'Straße', NULL, DATE '2038-01-20', TIMESTAMP '9999-12-31 23:59:59.999999',
   TIMESTAMPTZ '2024-03-10 07:30:00.5+00'),
  (5, NULL, 1.5, DATE '9999-12-31', NULL, NULL);
COPY edge TO '${warehouse}/edge/part-0.parquet' (FORMAT PARQUET);

-- sales: a table partitioned in Hive style, region=.../ directories.
CREATE TABLE sales (region VARCHAR, yr INTEGER, amount DECIMAL(8,2));
INSERT INTO sales VALUES ('east', 2023, 10.00), ('east', 2024, 20.50), ('west', 2023, 5.25),
  ('west', 2024, 7.75), ('north', 2024, 100.00);
COPY sales TO '${warehouse}/sales' (FORMAT PARQUET, PARTITION_BY (region));

-- not_a_table: a directory holding no Parquet files is not a table.
COPY (SELECT 'not table data' AS note) TO '${warehouse}/not_a_table/notes.csv' (FORMAT CSV);

-- corrupt: a file named .parquet that is not Parquet.
COPY (SELECT 'this is not parquet' AS note) TO '${warehouse}/corrupt/part-0.parquet' (FORMAT CSV);

-- seq: 0..9999 in 20 files (Hive partitions by i % 20), for queries that make many rows or run long.
COPY (SELECT i::BIGINT AS i, (i % 20)::INTEGER AS part FROM range(10000) r(i)) TO '${warehouse}/seq'
  (FORMAT PARQUET, PARTITION_BY (part));

-- numbers: 0..1999999 in one file. Joined with itself on no equality, a query that runs for hours.
COPY (SELECT i::BIGINT AS n FROM range(2000000) r(i)) TO '${warehouse}/numbers/part-0.parquet' (FORMAT PARQUET);
