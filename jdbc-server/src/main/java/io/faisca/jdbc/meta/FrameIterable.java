package io.faisca.jdbc.meta;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.MissingResultsException;
import org.apache.calcite.avatica.NoSuchStatementException;

/** The rows of a result, read frame by frame through {@link Meta#fetch}. */
public final class FrameIterable implements Iterable<Object> {
  private final Meta meta;
  private final Meta.StatementHandle handle;
  private final Meta.Frame firstFrame;
  private final int frameSize;

  public FrameIterable(Meta meta, Meta.StatementHandle handle, Meta.Frame firstFrame, int frameSize) {
    this.meta = meta;
    this.handle = handle;
    this.firstFrame = firstFrame;
    this.frameSize = frameSize;
  }

  @Override public Iterator<Object> iterator() {
    return new Iterator<>() {
      private Meta.Frame frame = firstFrame == null ? new Meta.Frame(0, false, List.of()) : firstFrame;
      private Iterator<Object> rows = frame.rows.iterator();
      private long offset = frame.offset;

      @Override public boolean hasNext() {
        while (!rows.hasNext()) {
          if (frame.done) {
            return false;
          }
          try {
            frame = meta.fetch(handle, offset, frameSize);
          } catch (NoSuchStatementException | MissingResultsException e) {
            throw new IllegalStateException("The statement's results are gone: " + e.getMessage(), e);
          }
          rows = frame.rows.iterator();
        }
        return true;
      }

      @Override public Object next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        offset++;
        return rows.next();
      }
    };
  }
}
