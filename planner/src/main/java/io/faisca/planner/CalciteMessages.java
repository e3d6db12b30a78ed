package io.faisca.planner;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.runtime.CalciteResource;
import org.apache.calcite.runtime.Resources;

/**
 * Which of Calcite's resources ({@link CalciteResource}) a validator message
 * came from, and the values it was given. Calcite's exceptions carry only the
 * formatted text, not the resource that made it; the templates are read from
 * the Calcite on the class path, the same ones the validator formats, so a
 * reworded message in a new Calcite still finds its resource.
 */
final class CalciteMessages {
  /** A message and the resource method that formatted it. */
  record Match(String resource, List<String> arguments) {
    /** The value of argument {@code index} ({@code {index}} in the template), or "?" when there is none. */
    String argument(int index) {
      return index < arguments.size() ? arguments.get(index) : "?";
    }
  }

  private record Template(String resource, Pattern pattern, int[] argumentAt, int literalLength) {
  }

  /** The most specific first: "Object 'a' not found within 'b'" before "Object '{0}' not found". */
  private static final List<Template> TEMPLATES = load();

  private CalciteMessages() {
  }

  /** The resource that formats to exactly {@code message}, or null for a message of some other origin. */
  static Match match(String message) {
    if (message == null) {
      return null;
    }
    for (Template template : TEMPLATES) {
      Matcher m = template.pattern.matcher(message);
      if (m.matches()) {
        List<String> arguments = new ArrayList<>();
        for (int group = 1; group <= m.groupCount(); group++) {
          int index = template.argumentAt[group - 1];
          while (arguments.size() <= index) {
            arguments.add("");
          }
          arguments.set(index, m.group(group));
        }
        return new Match(template.resource, List.copyOf(arguments));
      }
    }
    return null;
  }

  private static List<Template> load() {
    ResourceBundle bundle = bundle();
    List<Template> templates = new ArrayList<>();
    for (Method method : CalciteResource.class.getMethods()) {
      Resources.BaseMessage base = method.getAnnotation(Resources.BaseMessage.class);
      if (base == null) {
        continue;
      }
      String text = base.value();
      String key = Character.toUpperCase(method.getName().charAt(0)) + method.getName().substring(1);
      if (bundle != null && bundle.containsKey(key)) {
        text = bundle.getString(key);
      }
      templates.add(template(method.getName(), text));
    }
    templates.sort(Comparator.comparingInt(Template::literalLength).reversed());
    return List.copyOf(templates);
  }

  private static ResourceBundle bundle() {
    try {
      return ResourceBundle.getBundle(CalciteResource.class.getName(), Locale.getDefault());
    } catch (MissingResourceException e) {
      return null;
    }
  }

  /** A {@link java.text.MessageFormat} pattern as a regular expression, one group per argument. */
  private static Template template(String resource, String format) {
    StringBuilder regex = new StringBuilder();
    List<Integer> argumentAt = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    int literalLength = 0;
    boolean quoted = false;
    for (int i = 0; i < format.length(); i++) {
      char c = format.charAt(i);
      if (c == '\'') {
        if (i + 1 < format.length() && format.charAt(i + 1) == '\'') {
          literal.append('\'');
          i++;
        } else {
          quoted = !quoted;
        }
      } else if (c == '{' && !quoted) {
        int end = format.indexOf('}', i);
        String argument = format.substring(i + 1, end);
        int comma = argument.indexOf(',');
        argumentAt.add(Integer.parseInt((comma < 0 ? argument : argument.substring(0, comma)).strip()));
        literalLength += literal.length();
        regex.append(Pattern.quote(literal.toString())).append("(.*?)");
        literal.setLength(0);
        i = end;
      } else {
        literal.append(c);
      }
    }
    literalLength += literal.length();
    regex.append(Pattern.quote(literal.toString()));
    return new Template(resource, Pattern.compile(regex.toString(), Pattern.DOTALL),
        argumentAt.stream().mapToInt(Integer::intValue).toArray(), literalLength);
  }
}
