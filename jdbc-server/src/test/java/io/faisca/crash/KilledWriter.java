package io.faisca.crash;

import com.sun.jdi.Bootstrap;
import com.sun.jdi.Method;
import com.sun.jdi.ReferenceType;
import com.sun.jdi.VirtualMachine;
import com.sun.jdi.connect.AttachingConnector;
import com.sun.jdi.connect.Connector;
import com.sun.jdi.connect.IllegalConnectorArgumentsException;
import com.sun.jdi.event.BreakpointEvent;
import com.sun.jdi.event.ClassPrepareEvent;
import com.sun.jdi.event.Event;
import com.sun.jdi.event.EventSet;
import com.sun.jdi.event.VMDeathEvent;
import com.sun.jdi.event.VMDisconnectEvent;
import com.sun.jdi.request.BreakpointRequest;
import com.sun.jdi.request.ClassPrepareRequest;
import com.sun.jdi.request.EventRequest;
import com.sun.jdi.request.EventRequestManager;
import io.faisca.server.ChildJvm;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Kills a writer process ({@code kill -9}) at an exact moment of its write: the writer runs one
 * statement under a debugger, and the first time any of its threads enters the given method, the
 * whole process stops where it is and is killed. Nothing in Faísca knows it is being watched.
 */
public final class KilledWriter {
  private static final long TIMEOUT_MILLIS = TimeUnit.MINUTES.toMillis(3);

  private KilledWriter() {
  }

  /** A method entry to die at: the class's binary name and the method's name. */
  public record At(String className, String method) {
    @Override public String toString() {
      return className.substring(className.lastIndexOf('.') + 1) + "." + method;
    }
  }

  /** Runs {@code sql} against {@code url} in a new JVM and kills it on entering {@code at}; fails if it never does. */
  public static void run(String url, String sql, At at) throws Exception {
    int port = freePort();
    Path logs = Files.createDirectories(ChildJvm.outputDirectory("killed-writers"));
    Process writer = new ProcessBuilder(ChildJvm.command("768m",
        List.of("-agentlib:jdwp=transport=dt_socket,server=y,suspend=y,address=127.0.0.1:" + port),
        OneStatement.class, List.of(url, sql)))
        .redirectErrorStream(true)
        .redirectOutput(logs.resolve(at + ".log").toFile())
        .start();
    try {
      VirtualMachine vm = attach(port, writer);
      if (!stopAt(vm, at)) {
        throw new AssertionError("The writer finished without entering " + at + " (see target/killed-writers)");
      }
      writer.destroyForcibly();
      if (!writer.waitFor(1, TimeUnit.MINUTES)) {
        throw new AssertionError("The killed writer did not exit");
      }
    } finally {
      writer.destroyForcibly();
    }
  }

  /** Resumes the suspended JVM until a thread enters the method: true then (the JVM stays suspended). */
  private static boolean stopAt(VirtualMachine vm, At at) throws InterruptedException {
    EventRequestManager requests = vm.eventRequestManager();
    for (ReferenceType loaded : vm.classesByName(at.className())) {
      breakAt(requests, loaded, at);
    }
    ClassPrepareRequest prepare = requests.createClassPrepareRequest();
    prepare.addClassFilter(at.className());
    prepare.setSuspendPolicy(EventRequest.SUSPEND_EVENT_THREAD);
    prepare.enable();
    vm.resume();
    long deadline = System.currentTimeMillis() + TIMEOUT_MILLIS;
    while (System.currentTimeMillis() < deadline) {
      EventSet events = vm.eventQueue().remove(1000);
      if (events == null) {
        continue;
      }
      for (Event event : events) {
        if (event instanceof BreakpointEvent) {
          return true;
        }
        if (event instanceof ClassPrepareEvent prepared) {
          breakAt(requests, prepared.referenceType(), at);
        }
        if (event instanceof VMDeathEvent || event instanceof VMDisconnectEvent) {
          return false;
        }
      }
      events.resume();
    }
    throw new AssertionError("The writer neither finished nor entered " + at + " within 3 minutes");
  }

  private static void breakAt(EventRequestManager requests, ReferenceType type, At at) {
    List<Method> methods = type.methodsByName(at.method());
    if (methods.isEmpty()) {
      throw new AssertionError(type.name() + " has no method " + at.method());
    }
    for (Method method : methods) {
      if (method.location() != null) {
        BreakpointRequest breakpoint = requests.createBreakpointRequest(method.location());
        breakpoint.setSuspendPolicy(EventRequest.SUSPEND_ALL);
        breakpoint.enable();
      }
    }
  }

  private static VirtualMachine attach(int port, Process writer) throws Exception {
    AttachingConnector socket = Bootstrap.virtualMachineManager().attachingConnectors().stream()
        .filter(connector -> connector.name().equals("com.sun.jdi.SocketAttach")).findFirst().orElseThrow();
    Map<String, Connector.Argument> arguments = socket.defaultArguments();
    arguments.get("hostname").setValue("127.0.0.1");
    arguments.get("port").setValue(Integer.toString(port));
    for (int attempt = 0; ; attempt++) {
      try {
        return socket.attach(arguments);
      } catch (IOException e) {
        if (attempt > 100 || !writer.isAlive()) {
          throw e;
        }
        Thread.sleep(100);
      } catch (IllegalConnectorArgumentsException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
