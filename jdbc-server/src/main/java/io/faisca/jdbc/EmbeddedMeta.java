package io.faisca.jdbc;

import io.faisca.jdbc.meta.FaiscaMeta;
import io.faisca.jdbc.meta.FrameIterable;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import org.apache.calcite.avatica.AvaticaClientRuntimeException;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.remote.AvaticaRuntimeException;

/**
 * The shared {@link FaiscaMeta} as one embedded connection sees it. Errors
 * reach the client as they would over the wire, with their SQLState, and
 * results are read through {@code fetch}, in larger frames since nothing
 * crosses a network.
 */
final class EmbeddedMeta implements InvocationHandler {
  private static final int FRAME_SIZE = 1000;

  private final FaiscaMeta shared;

  private EmbeddedMeta(FaiscaMeta shared) {
    this.shared = shared;
  }

  static Meta wrap(FaiscaMeta shared) {
    return (Meta) Proxy.newProxyInstance(EmbeddedMeta.class.getClassLoader(), new Class<?>[] {Meta.class},
        new EmbeddedMeta(shared));
  }

  @Override public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    if (method.getName().equals("createIterable")) {
      return new FrameIterable(shared, (Meta.StatementHandle) args[0], (Meta.Frame) args[4], FRAME_SIZE);
    }
    try {
      return method.invoke(shared, args);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof AvaticaRuntimeException error) {
        throw new AvaticaClientRuntimeException(error.getErrorMessage(), error.getErrorCode(),
            error.getSqlState(), error.getSeverity(), List.of(), null);
      }
      throw cause;
    }
  }
}
