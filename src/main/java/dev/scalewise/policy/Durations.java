package dev.scalewise.policy;

import dev.scalewise.yaml.YNode;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Go-style durations as Knative annotations and our native kinds write them ("60s", "1m30s", "1h",
 * "500ms"); a bare number is seconds, as Knative's annotation parsing also accepts for window
 * ({@code knative.dev/serving pkg/apis/autoscaling/annotation_validation.go}).
 */
final class Durations {
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)");

    private Durations() {
    }

    static Optional<Double> optSeconds(YNode node) {
        return node.text().map(t -> parse(node, t.trim()));
    }

    private static double parse(YNode node, String t) {
        if (t.matches("\\d+(\\.\\d+)?")) {
            return Double.parseDouble(t);
        }
        Matcher m = PART.matcher(t);
        double total = 0;
        int end = 0;
        while (m.find() && m.start() == end) {
            double v = Double.parseDouble(m.group(1));
            total += switch (m.group(2)) {
                case "ms" -> v / 1000;
                case "s" -> v;
                case "m" -> v * 60;
                default -> v * 3600;
            };
            end = m.end();
        }
        if (end != t.length() || t.isEmpty()) {
            throw node.error("expected a duration such as 60s, 1m30s or 2h, found '" + t + "'");
        }
        return total;
    }
}
