package dev.scalewise.lint.format;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalewise.lint.Finding;
import dev.scalewise.lint.LintReport;
import dev.scalewise.lint.RuleMeta;
import dev.scalewise.lint.Severity;

import java.io.IOException;
import java.io.Writer;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Machine output: every finding with its rule, location, YAML path and object, and a summary. */
final class JsonReporter implements Reporter {
    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final ReportSettings settings;

    JsonReporter(ReportSettings settings) {
        this.settings = settings;
    }

    @Override
    public void write(LintReport report, Writer out) throws IOException {
        Map<String, RuleMeta> rules = report.rules().stream().collect(Collectors.toMap(RuleMeta::id, Function.identity()));
        ObjectNode root = MAPPER.createObjectNode();
        root.put("tool", "scalewise");
        root.put("version", settings.toolVersion());
        ArrayNode findings = root.putArray("findings");
        for (Finding f : report.findings()) {
            ObjectNode n = findings.addObject();
            n.put("ruleId", f.ruleId());
            RuleMeta rule = rules.get(f.ruleId());
            n.put("ruleName", rule == null ? "" : rule.name());
            n.put("severity", f.severity().id());
            n.put("message", f.message());
            n.put("file", settings.relativePath(f.location().file()));
            n.put("line", f.location().line());
            n.put("column", f.location().column());
            n.put("path", f.path());
            ObjectNode o = n.putObject("object");
            o.put("kind", f.object().kind());
            o.put("name", f.object().name());
            o.put("namespace", f.object().namespace());
        }
        ObjectNode summary = root.putObject("summary");
        for (Severity s : Severity.values()) {
            summary.put(s.id() + "s", report.count(s));
        }
        summary.put("suppressed", report.suppressed());
        summary.put("filesRead", report.sources().size());
        summary.put("rulesRun", report.rules().size());
        summary.put("checks", report.checks().size());
        MAPPER.writeValue(new NonClosingWriter(out), root);
        out.write("\n");
    }
}
