package dev.scalewise.importer.prometheus;

import dev.scalewise.UserError;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PromQL of one column with placeholders, and where it came from (a preset, or a line of the
 * user's --queries file), so a refused query can be traced back to it.
 *
 * <p>Placeholders: {@code ${service}} the label that names the service ({@code --service-label});
 * {@code ${selector}} the namespace matcher ({@code namespace="NS"}, or nothing), or
 * {@code ${selector:LABEL}} for a stack whose namespace label is called otherwise; {@code ${range}} the
 * step as a PromQL duration, the window of each point; {@code ${quantile}} (latency only) 0.5, 0.95 or
 * 0.99; {@code ${pod_regex}} the regular expression whose first group turns a pod name into its
 * Deployment's name. An empty selector leaves {@code {}} or a dangling comma, which is tidied away.
 */
public record QueryTemplate(Column column, String origin, String promql) {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-z_]+)(?::([a-zA-Z_][a-zA-Z0-9_]*))?}");
    private static final Set<String> NAMES = Set.of("service", "selector", "range", "quantile", "pod_regex");
    private static final Pattern METRIC = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*\\{");

    public QueryTemplate {
        Matcher m = PLACEHOLDER.matcher(promql);
        while (m.find()) {
            if (!NAMES.contains(m.group(1)) || (m.group(2) != null && !m.group(1).equals("selector"))) {
                throw new UserError(origin + ": " + column.key() + ": unknown placeholder " + m.group()
                        + "; expected one of ${service}, ${selector}, ${selector:LABEL}, ${range}, ${quantile},"
                        + " ${pod_regex}");
            }
        }
        if (column.percentilePrefix().isPresent() && !promql.contains("${quantile}")) {
            throw new UserError(origin + ": " + column.key() + ": the query must use ${quantile} (it runs once per"
                    + " percentile: 0.5, 0.95, 0.99)");
        }
    }

    /** The values the placeholders take in one import. */
    public record Vars(String serviceLabel, String namespace, long rangeSeconds, String podRegex) {
    }

    public String render(Vars vars, double quantile) {
        Matcher m = PLACEHOLDER.matcher(promql);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = switch (m.group(1)) {
                case "service" -> vars.serviceLabel();
                case "selector" -> vars.namespace() == null ? ""
                        : (m.group(2) == null ? "namespace" : m.group(2)) + "=\"" + escape(vars.namespace()) + "\"";
                case "range" -> vars.rangeSeconds() + "s";
                case "quantile" -> String.format(Locale.ROOT, "%s", quantile);
                case "pod_regex" -> escape(vars.podRegex());
                default -> throw new IllegalStateException(m.group());
            };
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString().replaceAll("\\{\\s*,", "{").replaceAll(",\\s*}", "}");
    }

    /** Metric names the query selects (identifiers right before a label matcher's brace). */
    public List<String> metrics() {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = METRIC.matcher(PLACEHOLDER.matcher(promql).replaceAll("x"));
        while (m.find()) {
            names.add(m.group(1));
        }
        return new ArrayList<>(names);
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
