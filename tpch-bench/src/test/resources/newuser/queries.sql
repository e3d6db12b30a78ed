-- One hundred queries over TPC-H written the way a new user writes them, each
-- answered by Faísca and by DuckDB on the same Parquet files (NewUserQueriesTest).
--
-- Each query starts at a line "-- name: NAME" and runs to the next one; other
-- comment lines are notes. Only standard SQL both engines give the same meaning:
--   * INTEGER / INTEGER is integer division in standard SQL; the test switches
--     DuckDB's integer_division setting on so that "/" means the same there.
--   * Where NULLs sort is implementation-defined: every ORDER BY over a column
--     that can be NULL says NULLS FIRST or NULLS LAST.
--   * DATE + INTERVAL is a DATE in standard SQL and a TIMESTAMP in DuckDB:
--     selected values are cast back to DATE.
--   * A top-level ORDER BY (with LIMIT) orders rows completely; ROW_NUMBER,
--     LAG, LEAD and ROWS frames order by a unique key, so every answer is determined.

-- ========================= window functions =========================

-- name: q001_latest_order_per_customer
WITH ranked AS (
  SELECT o_custkey, o_orderkey, o_orderdate, o_totalprice,
         ROW_NUMBER() OVER (PARTITION BY o_custkey ORDER BY o_orderdate DESC, o_orderkey DESC) AS rn
  FROM orders)
SELECT o_custkey, o_orderkey, o_orderdate, o_totalprice
FROM ranked
WHERE rn = 1 AND o_custkey <= 100
ORDER BY o_custkey;

-- name: q002_rank_and_dense_rank_suppliers_in_nation
SELECT s_nationkey, s_suppkey, s_acctbal,
       RANK() OVER (PARTITION BY s_nationkey ORDER BY s_acctbal DESC) AS balance_rank,
       DENSE_RANK() OVER (PARTITION BY s_nationkey ORDER BY s_acctbal DESC) AS balance_dense_rank
FROM supplier
ORDER BY s_nationkey, balance_rank, s_suppkey;

-- name: q003_customer_balance_quartiles
WITH quartiles AS (
  SELECT c_custkey, c_acctbal, NTILE(4) OVER (ORDER BY c_acctbal, c_custkey) AS quartile
  FROM customer)
SELECT quartile, COUNT(*) AS customers, MIN(c_acctbal) AS lowest, MAX(c_acctbal) AS highest
FROM quartiles
GROUP BY quartile
ORDER BY quartile;

-- name: q004_monthly_revenue_with_lag_and_lead
WITH monthly AS (
  SELECT EXTRACT(YEAR FROM o_orderdate) AS yr, EXTRACT(MONTH FROM o_orderdate) AS mon,
         SUM(o_totalprice) AS revenue
  FROM orders
  WHERE o_orderdate >= DATE '1995-01-01' AND o_orderdate < DATE '1997-01-01'
  GROUP BY EXTRACT(YEAR FROM o_orderdate), EXTRACT(MONTH FROM o_orderdate))
SELECT yr, mon, revenue,
       LAG(revenue) OVER (ORDER BY yr, mon) AS previous_month,
       revenue - LAG(revenue) OVER (ORDER BY yr, mon) AS change,
       LEAD(revenue, 2, 0) OVER (ORDER BY yr, mon) AS two_months_later
FROM monthly
ORDER BY yr, mon;

-- name: q005_running_total_per_customer
SELECT o_custkey, o_orderkey, o_orderdate, o_totalprice,
       SUM(o_totalprice) OVER (PARTITION BY o_custkey ORDER BY o_orderdate, o_orderkey
                               ROWS UNBOUNDED PRECEDING) AS running_total
FROM orders
WHERE o_custkey <= 20
ORDER BY o_custkey, o_orderdate, o_orderkey;

-- name: q006_three_month_moving_average
WITH monthly AS (
  SELECT EXTRACT(YEAR FROM o_orderdate) AS yr, EXTRACT(MONTH FROM o_orderdate) AS mon,
         COUNT(*) AS orders_placed, SUM(o_totalprice) AS revenue
  FROM orders
  WHERE o_orderdate < DATE '1993-01-01'
  GROUP BY EXTRACT(YEAR FROM o_orderdate), EXTRACT(MONTH FROM o_orderdate))
SELECT yr, mon, orders_placed,
       AVG(revenue) OVER (ORDER BY yr, mon ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) AS moving_avg,
       SUM(orders_placed) OVER (ORDER BY yr, mon ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) AS last_three
FROM monthly
ORDER BY yr, mon;

-- name: q007_parts_within_two_sizes_range_frame
SELECT DISTINCT p_size,
       COUNT(*) OVER (ORDER BY p_size RANGE BETWEEN 2 PRECEDING AND 2 FOLLOWING) AS near_sizes
FROM part
ORDER BY p_size;

-- name: q008_weekly_orders_range_interval_frame
WITH daily AS (
  SELECT o_orderdate, COUNT(*) AS orders_placed
  FROM orders
  WHERE o_orderdate >= DATE '1996-01-01' AND o_orderdate < DATE '1996-03-01'
  GROUP BY o_orderdate)
SELECT o_orderdate, orders_placed,
       SUM(orders_placed) OVER (ORDER BY o_orderdate
                                RANGE BETWEEN INTERVAL '6' DAY PRECEDING AND CURRENT ROW) AS last_seven_days
FROM daily
ORDER BY o_orderdate;

-- name: q009_first_and_last_supplier_by_balance
SELECT DISTINCT n_name,
       FIRST_VALUE(s_name) OVER (PARTITION BY n_name ORDER BY s_acctbal DESC, s_suppkey) AS richest,
       LAST_VALUE(s_name) OVER (PARTITION BY n_name ORDER BY s_acctbal DESC, s_suppkey
                                ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS poorest
FROM supplier JOIN nation ON s_nationkey = n_nationkey
ORDER BY n_name;

-- name: q010_counting_down_sizes_range_frame_descending
-- In a descending order, PRECEDING means larger sizes.
SELECT DISTINCT p_size,
       COUNT(*) OVER (ORDER BY p_size DESC RANGE BETWEEN 2 PRECEDING AND CURRENT ROW) AS sizes_up_to_two_larger
FROM part
ORDER BY p_size;

-- name: q011_default_frame_includes_peers
-- ORDER BY in OVER without a frame is RANGE UNBOUNDED PRECEDING: rows of equal size are summed together.
SELECT p_partkey, p_brand, p_size,
       COUNT(*) OVER (PARTITION BY p_brand ORDER BY p_size) AS parts_up_to_size,
       SUM(p_retailprice) OVER (PARTITION BY p_brand ORDER BY p_size) AS price_up_to_size
FROM part
WHERE p_brand IN ('Brand#11', 'Brand#12')
ORDER BY p_brand, p_size, p_partkey;

-- name: q012_percent_rank_and_cume_dist
SELECT c_custkey, c_acctbal,
       PERCENT_RANK() OVER (ORDER BY c_acctbal) AS pct_rank,
       CUME_DIST() OVER (ORDER BY c_acctbal) AS cume
FROM customer
WHERE c_custkey <= 40
ORDER BY c_custkey;

-- name: q013_nation_share_of_region_revenue
SELECT r_name, n_name, SUM(o_totalprice) AS revenue,
       ROUND(100 * SUM(o_totalprice) / SUM(SUM(o_totalprice)) OVER (PARTITION BY r_name), 2) AS pct_of_region
FROM orders
JOIN customer ON o_custkey = c_custkey
JOIN nation ON c_nationkey = n_nationkey
JOIN region ON n_regionkey = r_regionkey
GROUP BY r_name, n_name
ORDER BY r_name, n_name;

-- name: q014_top_three_orders_per_priority_named_window
SELECT o_orderpriority, o_orderkey, o_totalprice, rn, rnk
FROM (
  SELECT o_orderpriority, o_orderkey, o_totalprice,
         ROW_NUMBER() OVER w AS rn, RANK() OVER w AS rnk
  FROM orders
  WINDOW w AS (PARTITION BY o_orderpriority ORDER BY o_totalprice DESC, o_orderkey)) t
WHERE rn <= 3
ORDER BY o_orderpriority, rn;

-- name: q015_gap_since_previous_order
-- PATTERN (like PREV and VAR_POP below) is a reserved word of standard SQL, refused as a bare alias.
SELECT o_custkey, o_orderkey, o_orderdate,
       CASE
         WHEN LAG(o_orderdate) OVER (PARTITION BY o_custkey ORDER BY o_orderdate, o_orderkey) IS NULL THEN 'first'
         WHEN o_orderdate > LAG(o_orderdate) OVER (PARTITION BY o_custkey ORDER BY o_orderdate, o_orderkey)
                            + INTERVAL '180' DAY THEN 'long gap'
         ELSE 'regular'
       END AS order_pattern
FROM orders
WHERE o_custkey BETWEEN 1 AND 15
ORDER BY o_custkey, o_orderdate, o_orderkey;

-- name: q016_quantity_of_next_lines_in_order
SELECT l_orderkey, l_linenumber, l_quantity,
       SUM(l_quantity) OVER (PARTITION BY l_orderkey ORDER BY l_linenumber
                             ROWS BETWEEN CURRENT ROW AND 2 FOLLOWING) AS next_three
FROM lineitem
WHERE l_orderkey < 40
ORDER BY l_orderkey, l_linenumber;

-- name: q017_top_brands_per_year
WITH brand_revenue AS (
  SELECT EXTRACT(YEAR FROM l_shipdate) AS yr, p_brand,
         SUM(l_extendedprice * (1 - l_discount)) AS revenue,
         RANK() OVER (PARTITION BY EXTRACT(YEAR FROM l_shipdate)
                      ORDER BY SUM(l_extendedprice * (1 - l_discount)) DESC) AS brand_rank
  FROM lineitem JOIN part ON l_partkey = p_partkey
  GROUP BY EXTRACT(YEAR FROM l_shipdate), p_brand)
SELECT yr, brand_rank, p_brand, revenue
FROM brand_revenue
WHERE brand_rank <= 3
ORDER BY yr, brand_rank, p_brand;

-- name: q018_previous_lines_frame_empty_at_start
SELECT l_orderkey, l_linenumber,
       SUM(l_quantity) OVER (PARTITION BY l_orderkey ORDER BY l_linenumber
                             ROWS BETWEEN 3 PRECEDING AND 1 PRECEDING) AS previous_quantity,
       COUNT(*) OVER (PARTITION BY l_orderkey ORDER BY l_linenumber
                      ROWS BETWEEN 3 PRECEDING AND 1 PRECEDING) AS previous_lines
FROM lineitem
WHERE l_orderkey < 40
ORDER BY l_orderkey, l_linenumber;

-- name: q019_next_order_date_nulls_first
SELECT o_custkey, o_orderkey, o_orderdate,
       LEAD(o_orderdate) OVER (PARTITION BY o_custkey ORDER BY o_orderdate, o_orderkey) AS next_order
FROM orders
WHERE o_custkey IN (1, 2, 4)
ORDER BY next_order NULLS FIRST, o_orderkey;

-- name: q020_price_relative_to_brand_extremes
SELECT p_partkey, p_brand, p_retailprice,
       MIN(p_retailprice) OVER (PARTITION BY p_brand) AS cheapest_in_brand,
       MAX(p_retailprice) OVER (PARTITION BY p_brand) AS dearest_in_brand,
       p_retailprice - AVG(p_retailprice) OVER (PARTITION BY p_brand) AS above_brand_avg
FROM part
WHERE p_partkey <= 30
ORDER BY p_partkey;

-- name: q021_uneven_ntile_of_nations
SELECT n_nationkey, n_name, NTILE(4) OVER (ORDER BY n_nationkey) AS bucket
FROM nation
ORDER BY n_nationkey;

-- name: q022_remaining_balance_range_to_end
SELECT c_nationkey, c_mktsegment,
       SUM(c_acctbal) OVER (PARTITION BY c_nationkey ORDER BY c_mktsegment
                            RANGE BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) AS balance_from_segment_on
FROM customer
WHERE c_nationkey < 3
GROUP BY c_nationkey, c_mktsegment, c_acctbal
ORDER BY c_nationkey, c_mktsegment;

-- name: q023_cumulative_share_of_lines_rows_frame
SELECT l_shipmode, COUNT(*) AS lines,
       SUM(COUNT(*)) OVER (ORDER BY COUNT(*) DESC, l_shipmode ROWS UNBOUNDED PRECEDING) AS cumulative_lines
FROM lineitem
GROUP BY l_shipmode
ORDER BY lines DESC, l_shipmode;

-- ========================= grouping sets =========================

-- name: q024_rollup_region_nation
SELECT r_name, n_name, COUNT(*) AS customers, SUM(c_acctbal) AS balance,
       GROUPING(r_name) AS g_region, GROUPING(n_name) AS g_nation
FROM customer
JOIN nation ON c_nationkey = n_nationkey
JOIN region ON n_regionkey = r_regionkey
GROUP BY ROLLUP (r_name, n_name)
ORDER BY g_region, r_name NULLS LAST, g_nation, n_name NULLS LAST;

-- name: q025_cube_return_flag_line_status
SELECT l_returnflag, l_linestatus, COUNT(*) AS lines, SUM(l_quantity) AS quantity,
       GROUPING(l_returnflag, l_linestatus) AS grouping_id
FROM lineitem
GROUP BY CUBE (l_returnflag, l_linestatus)
ORDER BY grouping_id, l_returnflag NULLS LAST, l_linestatus NULLS LAST;

-- name: q026_grouping_sets_priority_and_status
SELECT o_orderpriority, o_orderstatus, COUNT(*) AS orders_placed, MAX(o_totalprice) AS biggest
FROM orders
GROUP BY GROUPING SETS ((o_orderpriority), (o_orderstatus), ())
ORDER BY o_orderpriority NULLS LAST, o_orderstatus NULLS LAST;

-- name: q027_rollup_year_month_labels
SELECT COALESCE(CAST(EXTRACT(YEAR FROM o_orderdate) AS VARCHAR), 'all years') AS yr,
       COALESCE(CAST(EXTRACT(MONTH FROM o_orderdate) AS VARCHAR), 'all months') AS mon,
       COUNT(*) AS orders_placed
FROM orders
WHERE o_orderdate >= DATE '1998-01-01'
GROUP BY ROLLUP (EXTRACT(YEAR FROM o_orderdate), EXTRACT(MONTH FROM o_orderdate));

-- name: q028_rollup_filtered_by_having_grouping
SELECT o_orderstatus, o_orderpriority, COUNT(*) AS orders_placed
FROM orders
GROUP BY ROLLUP (o_orderstatus, o_orderpriority)
HAVING GROUPING(o_orderpriority) = 1 OR COUNT(*) > 1000
ORDER BY o_orderstatus NULLS LAST, o_orderpriority NULLS LAST;

-- ========================= aggregates =========================

-- name: q029_customers_with_many_distinct_parts
SELECT o_custkey, COUNT(DISTINCT l_partkey) AS distinct_parts, COUNT(*) AS lines
FROM orders JOIN lineitem ON o_orderkey = l_orderkey
WHERE o_orderdate >= DATE '1997-01-01'
GROUP BY o_custkey
HAVING COUNT(DISTINCT l_partkey) >= 20
ORDER BY distinct_parts DESC, o_custkey;

-- name: q030_distinct_counts_per_ship_mode
SELECT l_shipmode, COUNT(DISTINCT l_suppkey) AS suppliers, COUNT(DISTINCT l_partkey) AS parts,
       COUNT(DISTINCT l_orderkey) AS orders_count, COUNT(*) AS lines
FROM lineitem
GROUP BY l_shipmode
ORDER BY l_shipmode;

-- name: q031_filter_clause_per_year
SELECT EXTRACT(YEAR FROM o_orderdate) AS yr,
       COUNT(*) AS all_orders,
       COUNT(*) FILTER (WHERE o_orderpriority = '1-URGENT') AS urgent,
       SUM(o_totalprice) FILTER (WHERE o_orderstatus = 'F') AS fulfilled_value
FROM orders
GROUP BY EXTRACT(YEAR FROM o_orderdate)
ORDER BY yr;

-- name: q032_aggregates_over_no_rows
SELECT COUNT(*) AS n, COUNT(o_orderkey) AS keys, SUM(o_totalprice) AS total, AVG(o_totalprice) AS average,
       MIN(o_orderdate) AS first_date, MAX(o_clerk) AS last_clerk
FROM orders
WHERE o_orderdate > DATE '2100-01-01';

-- name: q033_distinct_sum_and_average
SELECT l_returnflag, SUM(DISTINCT l_quantity) AS distinct_quantities_sum,
       AVG(DISTINCT l_quantity) AS distinct_quantities_avg, COUNT(DISTINCT l_quantity) AS distinct_quantities
FROM lineitem
GROUP BY l_returnflag
ORDER BY l_returnflag;

-- name: q034_group_by_over_no_rows
SELECT o_orderstatus, COUNT(*) AS n
FROM orders
WHERE o_totalprice < 0
GROUP BY o_orderstatus;

-- name: q035_having_without_group_by
SELECT COUNT(*) AS regions, MIN(r_name) AS first_region
FROM region
HAVING COUNT(*) > 3;

-- name: q036_price_bands
SELECT CASE
         WHEN p_retailprice < 1000 THEN 'budget'
         WHEN p_retailprice < 1500 THEN 'standard'
         ELSE 'premium'
       END AS band,
       COUNT(*) AS parts, MIN(p_retailprice) AS cheapest, MAX(p_retailprice) AS dearest
FROM part
GROUP BY CASE
           WHEN p_retailprice < 1000 THEN 'budget'
           WHEN p_retailprice < 1500 THEN 'standard'
           ELSE 'premium'
         END
ORDER BY cheapest;

-- name: q037_quantity_spread_per_ship_mode
SELECT l_shipmode, STDDEV_SAMP(l_quantity) AS sd, VAR_POP(l_quantity) AS variance, AVG(l_quantity) AS mean
FROM lineitem
GROUP BY l_shipmode
ORDER BY l_shipmode;

-- name: q038_group_by_alias_and_ordinal
SELECT SUBSTRING(c_phone FROM 1 FOR 2) AS country_code, COUNT(*) AS customers
FROM customer
GROUP BY country_code
ORDER BY 1;

-- ========================= subqueries =========================

-- name: q039_customers_above_their_nation_average
SELECT c_custkey, c_nationkey, c_acctbal
FROM customer c
WHERE c_acctbal > (SELECT AVG(c2.c_acctbal) + 3000 FROM customer c2 WHERE c2.c_nationkey = c.c_nationkey)
ORDER BY c_custkey;

-- name: q040_orders_of_building_customers
SELECT o_orderstatus, COUNT(*) AS orders_placed
FROM orders
WHERE o_custkey IN (SELECT c_custkey FROM customer WHERE c_mktsegment = 'BUILDING')
GROUP BY o_orderstatus
ORDER BY o_orderstatus;

-- name: q041_not_in_list_with_null_matches_nothing
SELECT COUNT(*) AS nations
FROM nation
WHERE n_nationkey NOT IN (SELECT CASE WHEN s_suppkey = 1 THEN NULL ELSE s_nationkey END FROM supplier);

-- name: q042_nations_without_suppliers_not_in
SELECT n_name
FROM nation
WHERE n_nationkey NOT IN (SELECT s_nationkey FROM supplier WHERE s_acctbal > 5000)
ORDER BY n_name;

-- name: q043_in_and_not_in_as_three_valued_columns
SELECT n_nationkey,
       n_nationkey IN (SELECT CASE WHEN r_regionkey = 0 THEN NULL ELSE r_regionkey * 2 END FROM region) AS in_list,
       n_nationkey NOT IN (SELECT CASE WHEN r_regionkey = 0 THEN NULL ELSE r_regionkey * 2 END FROM region)
         AS not_in_list
FROM nation
ORDER BY n_nationkey;

-- name: q044_not_in_with_null_on_the_left
SELECT c_custkey, o_orderkey,
       o_orderkey NOT IN (SELECT l_orderkey FROM lineitem WHERE l_orderkey < 100) AS not_in_early_lines
FROM customer LEFT JOIN orders ON o_custkey = c_custkey AND o_orderkey < 200
WHERE c_custkey <= 20
ORDER BY c_custkey, o_orderkey NULLS FIRST;

-- name: q045_customers_with_urgent_orders_exists
SELECT c_mktsegment, COUNT(*) AS customers
FROM customer c
WHERE EXISTS (SELECT 1 FROM orders o
              WHERE o.o_custkey = c.c_custkey AND o.o_orderpriority = '1-URGENT'
                AND o.o_orderdate BETWEEN DATE '1995-01-01' AND DATE '1995-12-31')
GROUP BY c_mktsegment
ORDER BY c_mktsegment;

-- name: q046_customers_without_orders_not_exists
SELECT n_name, COUNT(*) AS silent_customers
FROM customer c JOIN nation ON c_nationkey = n_nationkey
WHERE NOT EXISTS (SELECT * FROM orders o WHERE o.o_custkey = c.c_custkey)
GROUP BY n_name
ORDER BY n_name;

-- name: q047_exists_inside_case
SELECT CASE WHEN EXISTS (SELECT 1 FROM orders WHERE o_custkey = c_custkey AND o_orderstatus = 'O')
            THEN 'has open orders' ELSE 'nothing open' END AS status,
       COUNT(*) AS customers
FROM customer
GROUP BY CASE WHEN EXISTS (SELECT 1 FROM orders WHERE o_custkey = c_custkey AND o_orderstatus = 'O')
              THEN 'has open orders' ELSE 'nothing open' END
ORDER BY status;

-- name: q048_nations_above_average_revenue_having_subquery
SELECT n_name, SUM(o_totalprice) AS revenue
FROM orders JOIN customer ON o_custkey = c_custkey JOIN nation ON c_nationkey = n_nationkey
GROUP BY n_name
HAVING SUM(o_totalprice) > (SELECT SUM(o_totalprice) / 25 FROM orders)
ORDER BY n_name;

-- name: q049_greater_than_all
SELECT p_partkey, p_retailprice
FROM part
WHERE p_retailprice > ALL (SELECT p_retailprice FROM part WHERE p_size = 50 AND p_brand = 'Brand#55')
ORDER BY p_partkey;

-- name: q050_equals_any
SELECT s_suppkey, s_name
FROM supplier
WHERE s_nationkey = ANY (SELECT n_nationkey FROM nation WHERE n_regionkey = 1)
  AND s_acctbal > 8000
ORDER BY s_suppkey;

-- name: q051_orders_at_customer_maximum
SELECT o_custkey, o_orderkey, o_totalprice
FROM orders o
WHERE o_totalprice = (SELECT MAX(o2.o_totalprice) FROM orders o2 WHERE o2.o_custkey = o.o_custkey)
  AND o_custkey <= 60
ORDER BY o_custkey, o_orderkey;

-- name: q052_scalar_subquery_without_rows_is_null
SELECT n_name,
       (SELECT MAX(s_acctbal) FROM supplier WHERE s_nationkey = n_nationkey AND s_acctbal > 9000) AS top_balance
FROM nation
ORDER BY n_name;

-- name: q053_nations_whose_suppliers_are_all_solvent
SELECT n_name
FROM nation n
WHERE EXISTS (SELECT 1 FROM supplier s WHERE s.s_nationkey = n.n_nationkey)
  AND NOT EXISTS (SELECT 1 FROM supplier s WHERE s.s_nationkey = n.n_nationkey AND s.s_acctbal < 0)
ORDER BY n_name;

-- name: q054_row_value_in_subquery
SELECT COUNT(*) AS lines_from_cheapest_supplier
FROM lineitem
WHERE (l_partkey, l_suppkey) IN (
  SELECT ps_partkey, ps_suppkey FROM partsupp p1
  WHERE ps_supplycost = (SELECT MIN(ps_supplycost) FROM partsupp p2 WHERE p2.ps_partkey = p1.ps_partkey));

-- name: q055_biggest_order_per_customer_lateral
SELECT c_custkey, c_name, big.o_orderkey, big.o_totalprice
FROM customer,
     LATERAL (SELECT o_orderkey, o_totalprice FROM orders
              WHERE o_custkey = c_custkey
              ORDER BY o_totalprice DESC, o_orderkey
              LIMIT 1) big
WHERE c_custkey <= 20
ORDER BY c_custkey;

-- name: q056_correlated_count_is_zero_not_null
SELECT c_custkey, (SELECT COUNT(*) FROM orders WHERE o_custkey = c_custkey) AS orders_placed
FROM customer
WHERE c_custkey <= 12
ORDER BY c_custkey;

-- name: q057_correlated_subquery_in_select_with_aggregate_outer
SELECT c_mktsegment, COUNT(*) AS customers,
       (SELECT COUNT(*) FROM customer c2 WHERE c2.c_mktsegment = c1.c_mktsegment AND c2.c_acctbal < 0) AS in_debt
FROM customer c1
GROUP BY c_mktsegment
ORDER BY c_mktsegment;

-- ========================= common table expressions =========================

-- name: q058_cte_chain
WITH customer_totals AS (
       SELECT o_custkey, SUM(o_totalprice) AS total FROM orders GROUP BY o_custkey),
     big_spenders AS (
       SELECT o_custkey, total FROM customer_totals WHERE total > 2000000)
SELECT c_mktsegment, COUNT(*) AS big_spenders, SUM(total) AS their_total
FROM big_spenders JOIN customer ON o_custkey = c_custkey
GROUP BY c_mktsegment
ORDER BY c_mktsegment;

-- name: q059_cte_joined_to_itself_year_over_year
WITH yearly AS (
  SELECT EXTRACT(YEAR FROM o_orderdate) AS yr, SUM(o_totalprice) AS revenue
  FROM orders
  GROUP BY EXTRACT(YEAR FROM o_orderdate))
SELECT cur.yr, cur.revenue, earlier.revenue AS previous_revenue, cur.revenue - earlier.revenue AS growth
FROM yearly cur LEFT JOIN yearly earlier ON earlier.yr = cur.yr - 1
ORDER BY cur.yr;

-- name: q060_cte_with_column_names
WITH segment_stats (segment, customers, total_balance) AS (
  SELECT c_mktsegment, COUNT(*), SUM(c_acctbal) FROM customer GROUP BY c_mktsegment)
SELECT segment, customers, total_balance
FROM segment_stats
WHERE customers > 250
ORDER BY segment;

-- name: q061_recursive_cte_counting
WITH RECURSIVE sizes (n) AS (
  SELECT 1
  UNION ALL
  SELECT n + 1 FROM sizes WHERE n < 10)
SELECT n, (SELECT COUNT(*) FROM part WHERE p_size = n) AS parts
FROM sizes
ORDER BY n;

-- ========================= set operations =========================

-- name: q062_union_removes_duplicates
SELECT s_nationkey AS nationkey FROM supplier WHERE s_acctbal < 0
UNION
SELECT c_nationkey FROM customer WHERE c_acctbal < -990;

-- name: q063_union_treats_nulls_as_duplicates
SELECT NULLIF(n_regionkey, 0) AS regionkey FROM nation
UNION
SELECT CAST(NULL AS INTEGER);

-- name: q064_customers_ordering_in_1993_and_1997_intersect
SELECT COUNT(*) AS loyal
FROM (SELECT o_custkey FROM orders WHERE EXTRACT(YEAR FROM o_orderdate) = 1993
      INTERSECT
      SELECT o_custkey FROM orders WHERE EXTRACT(YEAR FROM o_orderdate) = 1997) both_years;

-- name: q065_urgent_but_never_low_priority_except
SELECT o_custkey FROM orders WHERE o_orderpriority = '1-URGENT' AND o_custkey < 400
EXCEPT
SELECT o_custkey FROM orders WHERE o_orderpriority = '5-LOW';

-- name: q066_union_all_order_by_limit
SELECT c_name AS name, c_acctbal AS balance FROM customer
UNION ALL
SELECT s_name, s_acctbal FROM supplier
ORDER BY balance DESC, name
LIMIT 10;

-- name: q067_intersect_all_and_except_all_keep_multiplicity
SELECT l_linenumber FROM lineitem WHERE l_orderkey <= 7
INTERSECT ALL
SELECT l_linenumber FROM lineitem WHERE l_orderkey BETWEEN 32 AND 39
EXCEPT ALL
SELECT l_linenumber FROM lineitem WHERE l_orderkey = 1;

-- name: q068_union_of_integer_and_decimal
SELECT n_nationkey AS value, n_name AS label FROM nation WHERE n_nationkey < 3
UNION ALL
SELECT r_regionkey + 0.5, r_name FROM region
ORDER BY value;

-- ========================= strings =========================

-- name: q069_upper_lower_substring
SELECT c_custkey, UPPER(c_mktsegment) AS seg_upper, LOWER(c_mktsegment) AS seg_lower,
       SUBSTRING(c_name FROM 10 FOR 9) AS name_number, SUBSTRING(c_phone FROM 4) AS local_phone
FROM customer
WHERE c_custkey <= 10
ORDER BY c_custkey;

-- name: q070_trim_leading_trailing_both
SELECT p_partkey,
       TRIM(BOTH 'M' FROM p_mfgr) AS mfgr_trimmed,
       TRIM(LEADING 'Brand#' FROM p_brand) AS brand_number,
       TRIM(TRAILING 'X' FROM 'BOXXX') AS fixed,
       TRIM('  padded  ') AS spaces
FROM part
WHERE p_partkey <= 5
ORDER BY p_partkey;

-- name: q071_position_and_length
SELECT c_custkey, POSITION('#' IN c_name) AS hash_at, CHAR_LENGTH(c_address) AS address_length,
       CHARACTER_LENGTH(c_comment) AS comment_length, POSITION('zzz' IN c_name) AS not_found
FROM customer
WHERE c_custkey <= 10
ORDER BY c_custkey;

-- name: q072_like_patterns
-- In standard SQL the escape character may only precede %, _ or itself.
SELECT COUNT(*) FILTER (WHERE p_name LIKE '%green%') AS green,
       COUNT(*) FILTER (WHERE p_name NOT LIKE '%green%') AS not_green,
       COUNT(*) FILTER (WHERE p_type LIKE 'PROMO%') AS promo,
       COUNT(*) FILTER (WHERE p_container LIKE '_M BOX') AS m_box,
       COUNT(*) FILTER (WHERE REPLACE(p_brand, '#', '_') LIKE 'Brand!_1_' ESCAPE '!') AS brand_1x
FROM part;

-- name: q073_concatenation
SELECT c_custkey, c_name || ' (' || c_mktsegment || ')' AS label,
       CONCAT(n_name, ' / ', r_name) AS place
FROM customer JOIN nation ON c_nationkey = n_nationkey JOIN region ON n_regionkey = r_regionkey
WHERE c_custkey <= 8
ORDER BY c_custkey;

-- name: q074_replace_and_padding
SELECT c_custkey, REPLACE(c_phone, '-', '') AS digits,
       LPAD(CAST(c_custkey AS VARCHAR), 6, '0') AS padded_key,
       RPAD(c_mktsegment, 12, '.') AS padded_segment
FROM customer
WHERE c_custkey <= 10
ORDER BY c_custkey;

-- name: q075_numbers_cast_to_text
SELECT p_partkey, CAST(p_size AS VARCHAR) || ' units' AS size_text,
       CAST(p_retailprice AS VARCHAR) AS price_text,
       CAST(p_partkey AS VARCHAR) || '-' || p_container AS code
FROM part
WHERE p_partkey <= 6
ORDER BY p_partkey;

-- ========================= dates =========================

-- name: q076_orders_per_year_and_quarter
SELECT EXTRACT(YEAR FROM o_orderdate) AS yr, EXTRACT(QUARTER FROM o_orderdate) AS qtr, COUNT(*) AS orders_placed
FROM orders
GROUP BY EXTRACT(YEAR FROM o_orderdate), EXTRACT(QUARTER FROM o_orderdate)
ORDER BY yr, qtr;

-- name: q077_date_plus_interval
-- Not INTERVAL '30' DAY beside INTERVAL '1' MONTH: DuckDB holds them equal and computes one for both.
SELECT o_orderkey, o_orderdate,
       CAST(o_orderdate + INTERVAL '45' DAY AS DATE) AS due,
       CAST(o_orderdate + INTERVAL '1' MONTH AS DATE) AS next_month,
       CAST(o_orderdate - INTERVAL '1' YEAR AS DATE) AS year_before
FROM orders
WHERE o_orderkey <= 40
ORDER BY o_orderkey;

-- name: q078_month_end_clamping
SELECT CAST(DATE '1996-01-31' + INTERVAL '1' MONTH AS DATE) AS leap_february,
       CAST(DATE '1995-01-31' + INTERVAL '1' MONTH AS DATE) AS february,
       CAST(DATE '1996-02-29' + INTERVAL '1' YEAR AS DATE) AS next_year,
       CAST(DATE '1995-03-31' - INTERVAL '1' MONTH AS DATE) AS month_before;

-- name: q079_cast_text_to_date_and_back
SELECT COUNT(*) AS june_orders,
       MIN(CAST(o_orderdate AS VARCHAR)) AS first_as_text
FROM orders
WHERE o_orderdate >= CAST('1995-06-01' AS DATE)
  AND CAST(o_orderdate AS VARCHAR) LIKE '1995-06-%';

-- name: q080_shipped_within_a_week_of_order
SELECT EXTRACT(MONTH FROM o_orderdate) AS mon, COUNT(*) AS quick_lines
FROM orders JOIN lineitem ON o_orderkey = l_orderkey
WHERE l_shipdate <= o_orderdate + INTERVAL '7' DAY
  AND o_orderdate >= DATE '1996-01-01' AND o_orderdate < DATE '1997-01-01'
GROUP BY EXTRACT(MONTH FROM o_orderdate)
ORDER BY mon;

-- name: q081_extract_day_of_month
SELECT EXTRACT(DAY FROM o_orderdate) AS day_of_month, COUNT(*) AS orders_placed
FROM orders
WHERE EXTRACT(MONTH FROM o_orderdate) = 2
GROUP BY EXTRACT(DAY FROM o_orderdate)
HAVING EXTRACT(DAY FROM o_orderdate) >= 27
ORDER BY day_of_month;

-- ========================= CASE, NULL handling, casts, arithmetic =========================

-- name: q082_simple_case_and_nullif
SELECT o_orderstatus,
       CASE o_orderstatus WHEN 'F' THEN 'finished' WHEN 'O' THEN 'open' ELSE 'partial' END AS meaning,
       COUNT(*) AS orders_placed,
       SUM(o_totalprice) / NULLIF(COUNT(*) FILTER (WHERE o_orderpriority = '5-LOW'), 0) AS per_low_order
FROM orders
GROUP BY o_orderstatus
ORDER BY o_orderstatus;

-- name: q083_coalesce_over_left_join
SELECT c_custkey, COALESCE(SUM(o_totalprice), 0) AS spent, COUNT(o_orderkey) AS orders_placed
FROM customer LEFT JOIN orders ON o_custkey = c_custkey
WHERE c_custkey <= 15
GROUP BY c_custkey
ORDER BY c_custkey;

-- name: q084_is_distinct_from
SELECT c_custkey, o_orderkey,
       o_orderkey IS DISTINCT FROM NULL AS has_order,
       NULLIF(c_mktsegment, 'BUILDING') IS NOT DISTINCT FROM NULL AS building
FROM customer LEFT JOIN orders ON o_custkey = c_custkey AND o_orderdate >= DATE '1998-07-01'
WHERE c_custkey <= 30
ORDER BY c_custkey, o_orderkey NULLS FIRST;

-- name: q085_casts_between_types
SELECT p_partkey,
       CAST(p_size AS DECIMAL(10, 2)) AS size_decimal,
       CAST(p_retailprice AS DOUBLE) AS price_double,
       CAST(SUBSTRING(p_brand FROM 7) AS INTEGER) AS brand_number,
       CAST(p_partkey AS BIGINT) * 1000000000 AS big_key,
       CAST(p_retailprice AS DECIMAL(10, 1)) AS price_one_digit
FROM part
WHERE p_partkey <= 8
ORDER BY p_partkey;

-- name: q086_integer_division_and_modulo
-- Standard integer division truncates toward zero; DuckDB runs it with integer_division on.
SELECT p_partkey, p_size, p_size / 10 AS tens, MOD(p_size, 10) AS ones,
       (p_size - 25) / 10 AS centred_tens, MOD(p_size - 25, 7) AS centred_mod
FROM part
WHERE p_partkey <= 12
ORDER BY p_partkey;

-- name: q087_exact_decimal_charge
SELECT l_returnflag, SUM(l_extendedprice * (1 - l_discount) * (1 + l_tax)) AS charge,
       SUM(l_quantity * l_extendedprice) AS weighted
FROM lineitem
GROUP BY l_returnflag
ORDER BY l_returnflag;

-- name: q088_decimal_ratio_rounded
SELECT l_shipmode, ROUND(SUM(l_extendedprice * l_discount) / SUM(l_extendedprice), 4) AS avg_discount_rate,
       ROUND(AVG(l_extendedprice), 2) AS avg_price
FROM lineitem
GROUP BY l_shipmode
ORDER BY l_shipmode;

-- name: q089_stock_value_integer_times_decimal
SELECT ps_suppkey, SUM(ps_availqty * ps_supplycost) AS stock_value, SUM(ps_availqty) AS units
FROM partsupp
WHERE ps_suppkey <= 10
GROUP BY ps_suppkey
ORDER BY ps_suppkey;

-- name: q090_rounding_functions
SELECT c_custkey, c_acctbal, ROUND(c_acctbal) AS rounded, ROUND(c_acctbal, 1) AS one_digit,
       FLOOR(c_acctbal) AS floored, CEIL(c_acctbal) AS ceiled, ABS(c_acctbal) AS absolute
FROM customer
WHERE c_custkey <= 10
ORDER BY c_custkey;

-- ========================= joins and ordering =========================

-- name: q091_right_join_nations_to_suppliers
SELECT n_name, s_name
FROM supplier RIGHT JOIN nation ON s_nationkey = n_nationkey AND s_acctbal > 9000
ORDER BY n_name, s_name NULLS FIRST;

-- name: q092_full_join_supplier_and_customer_counts
WITH supplier_nations AS (
       SELECT s_nationkey AS nationkey, COUNT(*) AS suppliers FROM supplier WHERE s_acctbal > 5000 GROUP BY s_nationkey),
     customer_nations AS (
       SELECT c_nationkey AS nationkey, COUNT(*) AS customers FROM customer
       WHERE c_acctbal > 9900 GROUP BY c_nationkey)
SELECT COALESCE(s.nationkey, c.nationkey) AS nationkey, s.suppliers, c.customers
FROM supplier_nations s FULL OUTER JOIN customer_nations c ON s.nationkey = c.nationkey
ORDER BY nationkey;

-- name: q093_supplier_pairs_in_same_nation
SELECT s1.s_nationkey, COUNT(*) AS pairs
FROM supplier s1 JOIN supplier s2 ON s1.s_nationkey = s2.s_nationkey AND s1.s_suppkey < s2.s_suppkey
GROUP BY s1.s_nationkey
ORDER BY s1.s_nationkey;

-- name: q094_join_using
WITH nation_suppliers AS (SELECT s_nationkey AS nationkey, COUNT(*) AS suppliers FROM supplier GROUP BY s_nationkey),
     nation_customers AS (SELECT c_nationkey AS nationkey, COUNT(*) AS customers FROM customer GROUP BY c_nationkey)
SELECT nationkey, suppliers, customers
FROM nation_suppliers JOIN nation_customers USING (nationkey)
ORDER BY nationkey;

-- name: q095_price_bands_from_values_non_equi_join
SELECT band, COUNT(*) AS parts
FROM part JOIN (VALUES ('low', 0, 1000), ('mid', 1000, 1500), ('high', 1500, 100000)) AS bands (band, lo, hi)
  ON p_retailprice >= lo AND p_retailprice < hi
GROUP BY band
ORDER BY band;

-- name: q096_anti_join_by_left_join_is_null
SELECT COUNT(*) AS parts_never_sold
FROM part LEFT JOIN lineitem ON l_partkey = p_partkey
WHERE l_orderkey IS NULL;

-- name: q097_nulls_last_after_outer_join
SELECT c_custkey, MAX(o_orderdate) AS last_order
FROM customer LEFT JOIN orders ON o_custkey = c_custkey
WHERE c_custkey <= 30
GROUP BY c_custkey
ORDER BY last_order DESC NULLS LAST, c_custkey;

-- name: q098_page_of_results_limit_offset
SELECT o_orderkey, o_totalprice
FROM orders
ORDER BY o_totalprice DESC, o_orderkey
LIMIT 10 OFFSET 20;

-- name: q099_offset_fetch_first
SELECT s_suppkey, s_name
FROM supplier
ORDER BY s_suppkey
OFFSET 5 ROWS FETCH FIRST 5 ROWS ONLY;

-- name: q100_distinct_combinations
SELECT DISTINCT l_returnflag, l_linestatus, l_shipmode
FROM lineitem
WHERE l_shipdate >= DATE '1995-06-01' AND l_shipdate < DATE '1995-07-01'
ORDER BY l_returnflag, l_linestatus, l_shipmode;
