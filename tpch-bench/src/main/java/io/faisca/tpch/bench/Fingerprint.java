package io.faisca.tpch.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A hash of a result, in row order. Numbers are rounded to two decimals so
 * that a DOUBLE from one engine and a DECIMAL from another agree.
 */
final class Fingerprint {
  private final MessageDigest digest;

  Fingerprint() {
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  void add(Object value) {
    String text;
    if (value == null) {
      text = "\u0000";
    } else if (value instanceof Number number) {
      text = new BigDecimal(number.toString()).setScale(2, RoundingMode.HALF_UP).toPlainString();
    } else {
      text = value.toString();
    }
    digest.update(text.getBytes(StandardCharsets.UTF_8));
    digest.update((byte) 0x1f);
  }

  void endRow() {
    digest.update((byte) 0x1e);
  }

  String value() {
    return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
  }
}
