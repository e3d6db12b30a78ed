package io.faisca.tpch.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A grouped bar chart of median times per query and engine, on a log scale. */
final class SvgChart {
  private static final String[] COLORS = {"#d9480f", "#1c7ed6", "#5c940d", "#862e9c"};
  private static final int ROW = 26;
  private static final int LEFT = 60;
  private static final int WIDTH = 900;

  private SvgChart() {
  }

  static String render(String title, List<String> engines, Map<String, Map<String, QueryStats>> stats) {
    double max = stats.values().stream().flatMap(m -> m.values().stream())
        .filter(QueryStats::ok).mapToDouble(QueryStats::medianMillis).max().orElse(1);
    double logMax = Math.log10(Math.max(10, max));
    int barHeight = Math.max(4, (ROW - 6) / engines.size());
    int height = 60 + stats.size() * ROW + 30;
    StringBuilder svg = new StringBuilder();
    svg.append(String.format(Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"12\">%n",
        WIDTH, height));
    svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
    svg.append("<text x=\"10\" y=\"20\" font-size=\"15\">").append(escape(title))
        .append(" (median ms, log scale)</text>\n");
    for (int e = 0; e < engines.size(); e++) {
      svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"32\" width=\"12\" height=\"12\" fill=\"%s\"/>"
          + "<text x=\"%d\" y=\"43\">%s</text>%n", LEFT + e * 150, COLORS[e % COLORS.length], LEFT + e * 150 + 16,
          escape(engines.get(e))));
    }
    int y = 60;
    for (Map.Entry<String, Map<String, QueryStats>> query : stats.entrySet()) {
      svg.append(String.format(Locale.ROOT, "<text x=\"10\" y=\"%d\">%s</text>%n", y + ROW / 2, query.getKey()));
      for (int e = 0; e < engines.size(); e++) {
        QueryStats s = query.getValue().get(engines.get(e));
        if (s == null || !s.ok()) {
          continue;
        }
        double width = Math.max(1, (WIDTH - LEFT - 80) * Math.log10(Math.max(1, s.medianMillis())) / logMax);
        int barY = y + e * barHeight;
        svg.append(String.format(Locale.ROOT,
            "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>"
                + "<text x=\"%.1f\" y=\"%d\" font-size=\"9\">%.0f</text>%n",
            LEFT, barY, width, barHeight - 1, COLORS[e % COLORS.length], LEFT + width + 3, barY + barHeight - 1,
            s.medianMillis()));
      }
      y += ROW;
    }
    return svg.append("</svg>\n").toString();
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
